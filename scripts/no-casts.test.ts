import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

// House rule (ARCHITECTURE.md, "Extend through contracts"): product code crosses no type boundary
// with `as unknown as`; where a type does not fit, the contract is fixed. Tests may build odd values.
const repo = join(dirname(fileURLToPath(import.meta.url)), '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) && !path.includes(`${join('src', 'conditions', 'fixtures')}`) ? [path] : [];
  });
}

test('no `as unknown as` in product code (server and console)', () => {
  const offenders = [...sources(join(repo, 'src')), ...sources(join(repo, 'web', 'src'))].flatMap((path) =>
    readFileSync(path, 'utf8')
      .split('\n')
      .flatMap((line, i) => (/\bas unknown as\b/.test(line) ? [`${relative(repo, path)}:${i + 1}: ${line.trim()}`] : [])),
  );
  assert.deepEqual(offenders, []);
});
