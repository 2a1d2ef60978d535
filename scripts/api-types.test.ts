import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { apiTypesPath, generateApiTypes } from './generate-api-types.js';

test('the web client types match the server OpenAPI document (run `npm run api:types` after changing routes)', async () => {
  const committed = await readFile(apiTypesPath, 'utf8');
  assert.equal(committed, await generateApiTypes(), 'web/src/shared/api/schema.d.ts is stale');
});
