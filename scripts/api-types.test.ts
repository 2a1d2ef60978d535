import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

test('the web client types match the server OpenAPI document (run `npm run api:types` after changing routes)', () => {
  // In a process of its own: the document lists zod schemas with ids in the order they are made, so
  // a test file that ran before in this process (importing a module before the app) changed it.
  const here = fileURLToPath(import.meta.url);
  const generator = here.replace(/api-types\.test\.(ts|js)$/, 'generate-api-types.$1');
  const args = here.endsWith('.ts') ? ['--import', 'tsx', generator, '--check'] : [generator, '--check'];
  const result = spawnSync(process.execPath, args, { encoding: 'utf8' });
  assert.equal(result.status, 0, `web/src/shared/api/schema.d.ts is stale: ${result.stderr}`);
});
