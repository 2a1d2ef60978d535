import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { crashWorkspace } from '../../app/crash-workspace.js';
import { nodeArgsForScript } from '../../app/test-child.js';

/**
 * Resume of a ticket import (issue 21 §2): a JSON-lines file of 300 tickets, each with two
 * messages and one inline attachment; `kill -9` right after the second batch of 100 commits; the
 * next run continues from the checkpoint — every ticket once, none missing, with its messages and
 * attachment — on the engine the run uses (PGlite, or PostgreSQL with TEST_DATABASE_URL). Every
 * fifth ticket's requester is the requester of a ticket in an earlier batch, so requesters are
 * found again across the crash rather than created twice.
 */
const workspace = crashWorkspace('opencsm-ticket-import-crash-');
const child = nodeArgsForScript(new URL('./crash/import-crash-child.ts', import.meta.url));
const ticketsInFile = 300;

const life = (...args: string[]) => spawnSync(process.execPath, [...child, ...args], { env: workspace.childEnv(), encoding: 'utf8' });

test('a ticket import killed after a committed batch resumes with no duplicate and no gap', () => {
  const lines: string[] = [];
  const requesters = new Set<number>();
  for (let n = 0; n < ticketsInFile; n += 1) {
    const who = n % 5 === 4 && n >= 150 ? n - 150 : n;
    requesters.add(who);
    lines.push(JSON.stringify({
      externalId: `R-${n}`,
      subject: `旧工单 ${n}`,
      status: n % 2 ? 'closed' : 'open',
      requester: { name: `客户${who}`, phone: `137${String(who).padStart(8, '0')}` },
      createdAt: `2021-03-${String((n % 28) + 1).padStart(2, '0')}T10:00:00+08:00`,
      messages: [
        { authorKind: 'contact', body: `问题 ${n}`, createdAt: `2021-03-${String((n % 28) + 1).padStart(2, '0')}T10:00:00+08:00`, attachments: [{ filename: `n${n}.txt`, base64: Buffer.from(`附件 ${n}`).toString('base64') }] },
        { authorKind: 'system', body: `回复 ${n}`, createdAt: `2021-03-${String((n % 28) + 1).padStart(2, '0')}T11:00:00+08:00` },
      ],
    }));
  }
  const file = join(workspace.dataDir, 'resume-tickets.jsonl');
  writeFileSync(file, lines.join('\n') + '\n');
  const prepared = life('prepare', workspace.dataDir, file, 'tickets');
  assert.equal(prepared.status, 0, prepared.stderr);
  const jobId = prepared.stdout.trim();

  const killed = life('run', workspace.dataDir, jobId, '2');
  assert.equal(killed.signal, 'SIGKILL', `${killed.stdout}${killed.stderr}`);

  const resumed = life('resume', workspace.dataDir, jobId);
  assert.equal(resumed.status, 0, resumed.stderr);
  const facts = JSON.parse(resumed.stdout.trim().split('\n').pop()!);
  assert.equal(facts.resumedFrom, 200, 'two batches of 100 lines had committed');
  assert.equal(facts.state, 'done');
  assert.deepEqual(facts.counts, { created: ticketsInFile, updated: 0, skipped: 0, rejected: 0 });
  assert.equal(facts.tickets, ticketsInFile);
  assert.equal(facts.ticket_numbers, ticketsInFile);
  assert.equal(facts.messages, ticketsInFile * 2);
  assert.equal(facts.attachments, ticketsInFile);
  assert.equal(facts.search_documents, ticketsInFile);
  assert.equal(facts.contacts, requesters.size, 'requesters found again, not made twice');
  assert.equal(facts.rows, ticketsInFile);
  assert.equal(facts.distinct_rows, ticketsInFile);
  assert.equal(facts.first_row, 1);
  assert.equal(facts.last_row, ticketsInFile);
  assert.equal(facts.batches, 3);
});
