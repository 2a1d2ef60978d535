import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';

// The module-boundary rules of `npm run lint` (.dependency-cruiser.cjs), checked on small trees.
const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const config = join(repo, '.dependency-cruiser.cjs');
const depcruise = join(repo, 'node_modules', '.bin', 'depcruise');
const scratch = mkdtempSync(join(tmpdir(), 'opencsm-boundaries-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

function cruise(name: string, files: Record<string, string>): { ok: boolean; output: string } {
  const root = join(scratch, name);
  for (const [path, content] of Object.entries({ 'tsconfig.json': '{"compilerOptions":{"module":"NodeNext","moduleResolution":"NodeNext"}}', ...files })) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  const result = spawnSync(depcruise, ['src', '--config', config], { cwd: root, encoding: 'utf8' });
  return { ok: result.status === 0, output: result.stdout + result.stderr };
}

test('using another module through its index.ts is allowed', () => {
  const result = cruise('clean', {
    'src/modules/auth/index.ts': "export { findUser } from './users.js';\n",
    'src/modules/auth/users.ts': 'export const findUser = () => 1;\n',
    'src/modules/tickets/service.ts': "import { findUser } from '../auth/index.js';\nexport const x = findUser();\n",
  });
  assert.ok(result.ok, result.output);
});

test('reaching into another module’s schema or services fails the lint', () => {
  const result = cruise('reach', {
    'src/modules/auth/index.ts': 'export {};\n',
    'src/modules/auth/schema.ts': 'export const users = 1;\n',
    'src/modules/tickets/service.ts': "import { users } from '../auth/schema.js';\nexport const x = users;\n",
  });
  assert.equal(result.ok, false);
  assert.match(result.output, /no-reaching-into-another-module/);
});

test('platform code reaching into a module’s internals fails the lint', () => {
  const result = cruise('platform', {
    'src/modules/auth/index.ts': 'export {};\n',
    'src/modules/auth/users.ts': 'export const u = 1;\n',
    'src/app/server.ts': "import { u } from '../modules/auth/users.js';\nexport const x = u;\n",
  });
  assert.equal(result.ok, false);
  assert.match(result.output, /no-module-internals-from-platform/);
});

test('an import cycle fails the lint', () => {
  const result = cruise('cycle', {
    'src/modules/a/index.ts': "import { b } from './b.js';\nexport const a = () => b;\n",
    'src/modules/a/b.ts': "import { a } from './index.js';\nexport const b = () => a;\n",
  });
  assert.equal(result.ok, false);
  assert.match(result.output, /no-circular/);
});
