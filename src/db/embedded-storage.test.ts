import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { nodeArgsForScript } from '../app/test-child.js';
import { DataDirLockedError } from './data-dir-lock.js';
import { queryRows } from './database.js';
import { openPglite } from './pglite.js';

// The embedded engine's own guarantees: one process per data folder, and committed data survives
// a restart and a crash. (Always PGlite, whatever engine the rest of the suite uses.)
const root = mkdtempSync(join(tmpdir(), 'opencsm-embedded-'));
after(() => rmSync(root, { recursive: true, force: true }));

// Each test starts from a copy of one freshly initialised data folder: PGlite's initdb of an empty
// folder costs seconds of CPU, a copy of its result a few milliseconds (five tests made five).
const initialised = join(root, 'initialised');
before(async () => (await openPglite({ dataDir: initialised })).close());
function freshDataDir(name: string): string {
  const dataDir = join(root, name);
  cpSync(initialised, dataDir, { recursive: true });
  return dataDir;
}

test('a second opener of the same data folder is refused with a clear message', async () => {
  const dataDir = freshDataDir('locked');
  const first = await openPglite({ dataDir });
  try {
    await assert.rejects(openPglite({ dataDir }), (error: unknown) => {
      assert.ok(error instanceof DataDirLockedError);
      assert.match(error.message, /in use by another OpenCSM process \(pid \d+\)/);
      assert.match(error.message, /数据目录/);
      return true;
    });
  } finally {
    await first.close();
  }
  assert.equal(existsSync(join(dataDir, 'opencsm.lock')), false, 'closing releases the lock');
  const again = await openPglite({ dataDir });
  await again.close();
});

test('a lock left by a dead process is taken over', async () => {
  const dataDir = freshDataDir('stale');
  const first = await openPglite({ dataDir });
  await first.close();
  writeFileSync(join(dataDir, 'opencsm.lock'), '2147483646'); // no such pid
  const reopened = await openPglite({ dataDir });
  assert.match(readFileSync(join(dataDir, 'opencsm.lock'), 'utf8'), new RegExp(`^${process.pid}\\b`));
  await reopened.close();
});

test('a lock whose pid now belongs to another process (pid reuse) is taken over', async () => {
  const dataDir = freshDataDir('reused');
  const first = await openPglite({ dataDir });
  await first.close();
  // pid 1 is alive, but it started long before the recorded start time.
  writeFileSync(join(dataDir, 'opencsm.lock'), '1 999999999999');
  const reopened = await openPglite({ dataDir });
  await reopened.close();
  // Our own pid from an earlier incarnation (a container restarting with the same pid).
  writeFileSync(join(dataDir, 'opencsm.lock'), `${process.pid} 1`);
  const again = await openPglite({ dataDir });
  await again.close();
});

test('committed writes survive a clean restart', async () => {
  const dataDir = freshDataDir('restart');
  const first = await openPglite({ dataDir });
  await first.transaction(async (tx) => {
    await tx.execute(sql`create table restart_probe (label text not null)`);
    await tx.execute(sql`insert into restart_probe values ('before restart')`);
  });
  await first.close();
  const second = await openPglite({ dataDir });
  try {
    const rows = await queryRows<{ label: string }>(second.db, sql`select label from restart_probe`);
    assert.deepEqual(rows, [{ label: 'before restart' }]);
  } finally {
    await second.close();
  }
});

test('a commit survives the process being killed right after it', async () => {
  const dataDir = freshDataDir('crash');
  const child = spawnSync(process.execPath, [...nodeArgsForScript(new URL('./fixtures/write-and-crash.ts', import.meta.url)), dataDir, 'acknowledged'], { encoding: 'utf8' });
  assert.equal(child.signal, 'SIGKILL', child.stderr);
  assert.match(child.stdout, /committed/);
  // The dead process left its lock behind; the next start takes it over and finds the row.
  const reopened = await openPglite({ dataDir });
  try {
    const rows = await queryRows<{ label: string }>(reopened.db, sql`select label from crash_probe`);
    assert.deepEqual(rows, [{ label: 'acknowledged' }]);
  } finally {
    await reopened.close();
  }
});
