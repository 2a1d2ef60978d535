import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
// @ts-expect-error -- a plain .mjs script of the test runner, without types
import { databaseReach } from './test-uses-database.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const usesDatabase: (path: string) => boolean = databaseReach(root);

test('a test that opens an app or a database is kept for the PostgreSQL pass, also through a helper', () => {
  assert.equal(usesDatabase('src/modules/tickets/create-ticket.test.ts'), true, 'imports src/app/test-app.ts, which opens both');
  assert.equal(usesDatabase('src/modules/forms/two-processes.test.ts'), true);
  assert.equal(usesDatabase('src/modules/email-channel/crash.test.ts'), true, 'its child process opens the database');
});

test('pure engines, console logic and the lint are left to the PGlite pass', () => {
  assert.equal(usesDatabase('src/conditions/evaluate.test.ts'), false);
  assert.equal(usesDatabase('web/src/shared/conditions.test.ts'), false);
  assert.equal(usesDatabase('scripts/module-boundaries.test.ts'), false);
});

test('tests that open PGlite whatever the engine are left to the PGlite pass; a file reading TEST_DATABASE_URL is kept', () => {
  assert.equal(usesDatabase('src/db/embedded-storage.test.ts'), false, 'the embedded engine\'s own storage guarantees');
  assert.equal(usesDatabase('scripts/api-types.test.ts'), false, 'builds the OpenAPI document on an in-memory PGlite');
  assert.equal(usesDatabase('src/modules/customers/identity-migration.test.ts'), true, 'reads TEST_DATABASE_URL itself');
});
