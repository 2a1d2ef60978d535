import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { pino } from 'pino';
import { loadConfig } from '../../app/config.js';
import { createApp } from '../../app/create-app.js';
import { crashWorkspace } from '../../app/crash-workspace.js';
import { nodeArgsForScript } from '../../app/test-child.js';
import { queryRows } from '../../db/database.js';
import { openDatabase } from '../../db/open-database.js';
import { smtpSend } from './smtp-test-kit.js';

/**
 * Crash safety of the SMTP path, with real processes killed by SIGKILL: once we answered 250 the
 * mail is not lost, and a crash after the ticket was made but before the job finished makes no
 * second ticket. On PGlite the child owns the data folder; on PostgreSQL, a fresh test database.
 */
const workspace = crashWorkspace('opencsm-email-crash-');

const child = nodeArgsForScript(new URL('./crash/crash-child.ts', import.meta.url));

async function receiveThenKill(raw: string): Promise<void> {
  const proc = spawn(process.execPath, [...child, 'receive', workspace.dataDir], { env: workspace.childEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  proc.stderr.on('data', (d) => (err += d));
  const port = await new Promise<number>((resolve, reject) => {
    proc.stdout.on('data', (d) => {
      out += d;
      const match = /port (\d+)/.exec(out);
      if (match) resolve(Number(match[1]));
    });
    proc.once('exit', () => reject(new Error(`child exited early: ${err}`)));
  });
  const sent = await smtpSend(port, raw, { from: 'zhang@customer.cn', to: ['support@acme.test'] });
  assert.ok(sent.ok, JSON.stringify(sent));
  // 250 received: kill the server before any worker touched the mail.
  proc.kill('SIGKILL');
  await new Promise((resolve) => (proc.exitCode !== null || proc.signalCode ? resolve(null) : proc.once('exit', resolve)));
}

test('250 then SIGKILL, then SIGKILL right after the ticket commit, then a normal restart: exactly one ticket', { timeout: 120_000 }, async () => {
  const raw = 'From: 张三 <zhang@customer.cn>\r\nTo: support@acme.test\r\nSubject: =?UTF-8?B?5omT5Y2w5py65Y2h57q4?=\r\nMessage-ID: <crash-1@customer.cn>\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nprinter jam\r\n';
  await receiveThenKill(raw);

  const processing = spawnSync(process.execPath, [...child, 'process', workspace.dataDir], { env: workspace.childEnv(), encoding: 'utf8' });
  assert.equal(processing.signal, 'SIGKILL', `${processing.stdout}${processing.stderr}`);

  // The same mail delivered again by the sender (it never saw our 250 in its logs, say).
  await receiveThenKill(raw);

  const config = loadConfig({ OPENCSM_DATA_DIR: workspace.dataDir, DATABASE_URL: workspace.databaseUrl ?? '', LOG_LEVEL: 'silent' });
  const database = await openDatabase(config);
  try {
    const tickets = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from tickets`);
    assert.equal(tickets[0]!.n, 1, 'the ticket made before the crash is there');
    // The crashed job's lease runs out (as it would after a few minutes); a restarted worker takes over.
    await database.transaction((tx) => tx.execute(sql`update jobs set locked_until = now() - interval '1 second' where state = 'running'`));
    const app = await createApp(config, database, { log: pino({ level: 'silent' }) });
    await app.worker.runUntilIdle();
    await app.server.close();
    const after = await queryRows<{ tickets: number; messages: number; inbound: number; unprocessed: number }>(
      database.db,
      sql`select (select count(*)::int from tickets) as tickets, (select count(*)::int from ticket_messages) as messages,
                 (select count(*)::int from email_inbound) as inbound, (select count(*)::int from email_inbound where processed_at is null) as unprocessed`,
    );
    // One message: the mail that opened the ticket (a retried job adds no second one).
    assert.deepEqual(after[0], { tickets: 1, messages: 1, inbound: 2, unprocessed: 0 });
    const outcomes = await queryRows<{ outcome: string }>(database.db, sql`select outcome from email_inbound order by received_at`);
    // Which of the two copies counts as "the" ticket's mail depends on which job ran first.
    assert.deepEqual(outcomes.map((o) => o.outcome).sort(), ['duplicate', 'ticket']);
  } finally {
    await database.close();
  }
});
