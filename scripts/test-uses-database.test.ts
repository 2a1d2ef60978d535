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
