import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { crashWorkspace } from '../../app/crash-workspace.js';
import { nodeArgsForScript } from '../../app/test-child.js';
import { csv } from './import-test-helpers.js';

/** `opencsm import <file> --entity contacts [--dry-run]` (issue 21's contract): the report, a progress bar, the closing counts. */
const workspace = crashWorkspace('opencsm-import-cli-');
const cli = nodeArgsForScript(new URL('../../cli.ts', import.meta.url));
const helper = nodeArgsForScript(new URL('./crash/import-crash-child.ts', import.meta.url));

function opencsm(...args: string[]) {
  const result = spawnSync(process.execPath, [...cli, ...args], { env: { ...workspace.childEnv(), OPENCSM_DATA_DIR: workspace.dataDir, LOG_LEVEL: 'silent' }, encoding: 'utf8' });
  assert.equal(result.status, 0, `${result.stdout}\n${result.stderr}`);
  return result.stdout.trim().split('\n');
}

test('the CLI dry-runs, then imports with a progress bar and honest counts', () => {
  const admin = spawnSync(process.execPath, [...helper, 'admin', workspace.dataDir], { env: workspace.childEnv(), encoding: 'utf8' });
  assert.equal(admin.status, 0, admin.stderr);
  const rows = [['联系人', '联系电话', '电子邮件']];
  for (let n = 0; n < 10; n += 1) rows.push([`客户${n}`, `+86 137-0013-${String(7000 + n)}`, `c${n}@example.com`]);
  rows.push(['重复', '13700137000', ''], ['坏号码', '电话未知', ''], ['坏邮箱', '', 'not-an-email']);
  const file = join(workspace.dataDir, '联系人.csv');
  writeFileSync(file, csv(rows, 'gbk'));

  const dry = opencsm('import', file, '--entity', 'contacts', '--dry-run');
  assert.match(dry[0]!, /\(gb18030\), header on row 1, rule skip/);
  assert.ok(dry.includes('  联系电话 → phone'));
  assert.ok(dry.some((line) => /row 13: .*电话未知/.test(line)), dry.join('\n'));
  assert.equal(dry.at(-1), 'dry run, nothing written: created 10, updated 0, skipped 1, rejected 2');

  const ran = opencsm('import', file, '--entity', 'contacts');
  assert.ok(ran.some((line) => line.startsWith('[##############################] 100% 13/13')), ran.join('\n'));
  assert.equal(ran.at(-1), 'created 10, updated 0, skipped 1, rejected 2');
  // The same file again: every row now finds its contact.
  assert.equal(opencsm('import', file, '--entity', 'contacts').at(-1), 'created 0, updated 0, skipped 11, rejected 2');
});
