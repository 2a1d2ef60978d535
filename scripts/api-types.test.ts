import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { nodeArgsForScript } from '../src/app/test-child.js';

test('the web client types match the server OpenAPI document (run `npm run api:types` after changing routes)', () => {
  // In a process of its own: the document lists zod schemas with ids in the order they are made, so
  // a test file that ran before in this process (importing a module before the app) changed it.
  // (nodeArgsForScript: the compiled generator under the runner, with its --liftoff-only, which
  // spares the child's in-memory PGlite the optimising compile of its WebAssembly.)
  const args = [...nodeArgsForScript(new URL('./generate-api-types.ts', import.meta.url)), '--check'];
  const result = spawnSync(process.execPath, args, { encoding: 'utf8' });
  assert.equal(result.status, 0, `web/src/shared/api/schema.d.ts is stale: ${result.stderr}`);
});
