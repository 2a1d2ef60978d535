import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { crashWorkspace } from '../../app/crash-workspace.js';
import { nodeArgsForScript } from '../../app/test-child.js';
import { csv } from './import-test-helpers.js';

/**
 * Resume (issue 21 §2): `kill -9` right after the third batch commits; the next run continues from
 * the checkpoint — no row twice, none missing — on the engine the run uses (PGlite, or PostgreSQL
 * with TEST_DATABASE_URL). One row in ten repeats an earlier row's phone from an earlier batch, so
 * dedup across the crash is exercised too.
 */
const workspace = crashWorkspace('opencsm-import-crash-');
const child = nodeArgsForScript(new URL('./crash/import-crash-child.ts', import.meta.url));
const rowsInFile = 1000;

function life(...args: string[]) {
  const result = spawnSync(process.execPath, [...child, ...args], { env: workspace.childEnv(), encoding: 'utf8' });
  return result;
}

test('an import killed after a committed batch resumes from its checkpoint with no duplicate and no gap', () => {
  const rows = [['姓名', '电话']];
  for (let n = 0; n < rowsInFile; n += 1) {
    // Every tenth row repeats the phone of a row 155 rows earlier (an earlier batch).
    const phoneOf = n % 10 === 9 && n >= 155 ? n - 155 : n;
    rows.push([`客户${n}`, `139${String(phoneOf).padStart(8, '0')}`]);
  }
  const file = join(workspace.dataDir, 'resume-source.csv');
  writeFileSync(file, csv(rows, 'gbk'));
  const prepared = life('prepare', workspace.dataDir, file);
  assert.equal(prepared.status, 0, prepared.stderr);
  const jobId = prepared.stdout.trim();

  const killed = life('run', workspace.dataDir, jobId, '3');
  assert.equal(killed.signal, 'SIGKILL', `${killed.stdout}${killed.stderr}`);

  const resumed = life('resume', workspace.dataDir, jobId);
  assert.equal(resumed.status, 0, resumed.stderr);
  const facts = JSON.parse(resumed.stdout.trim().split('\n').pop()!);
  const repeats = rows.slice(1).filter((_, n) => n % 10 === 9 && n >= 155).length;
  assert.equal(facts.resumedFrom, 301, 'three batches of 100 rows (rows 2–301) had committed');
  assert.equal(facts.state, 'done');
  assert.deepEqual(facts.counts, { created: rowsInFile - repeats, updated: 0, skipped: repeats, rejected: 0 });
  assert.equal(facts.contacts, rowsInFile - repeats);
  assert.equal(facts.phones, rowsInFile - repeats);
  assert.equal(facts.rows, rowsInFile);
  assert.equal(facts.distinct_rows, rowsInFile);
  assert.equal(facts.first_row, 2);
  assert.equal(facts.last_row, rowsInFile + 1);
  assert.equal(facts.batches, 10);
});
