import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { pino } from 'pino';
import { loadConfig } from '../../app/config.js';
import { createApp } from '../../app/create-app.js';
import { crashWorkspace } from '../../app/crash-workspace.js';
import { nodeArgsForScript } from '../../app/test-child.js';
import { queryRows, type Database } from '../../db/database.js';
import { openDatabase } from '../../db/open-database.js';
import { crashFollowers } from './crash/crash-messages.js';

/**
 * Issue 16 §6 with a real `kill -9`: 100 WeChat messages are taken (stored before answered), a
 * worker process is killed by SIGKILL in the middle of turning them into tickets, and a restarted
 * one finishes: 100 messages on the right tickets, none lost, none doubled. On PGlite the children
 * own the data folder in turn; on PostgreSQL, a fresh test database.
 */
const workspace = crashWorkspace('opencsm-wechat-crash-');

const child = nodeArgsForScript(new URL('./crash/wechat-crash-child.ts', import.meta.url));
const run = (mode: string) => spawnSync(process.execPath, [...child, mode, workspace.dataDir], { env: workspace.childEnv(), encoding: 'utf8' });

type Counts = { stored: number; processed: number; messages: number };
const countsIn = async (database: Database) =>
  (
    await queryRows<Counts>(
      database.db,
      sql`select (select count(*)::int from channel_inbound) as stored, (select count(*)::int from channel_inbound where processed_at is not null) as processed,
                 (select count(*)::int from ticket_messages where channel = 'wechat') as messages`,
    )
  )[0]!;

test('100 messages taken, the worker killed with SIGKILL mid-processing, a restarted worker: 100 messages on 10 tickets, none lost or doubled', { timeout: 180_000 }, async () => {
  const received = run('receive');
  assert.equal(received.status, 0, received.stderr);
  assert.match(received.stdout, /answered 100/);

  const processing = run('process');
  assert.equal(processing.signal, 'SIGKILL', `${processing.stdout}${processing.stderr}`);

  const config = loadConfig({ OPENCSM_DATA_DIR: workspace.dataDir, DATABASE_URL: workspace.databaseUrl ?? '', LOG_LEVEL: 'silent' });
  const database = await openDatabase(config);
  try {
    const killed = await countsIn(database);
    assert.equal(killed.stored, 100);
    assert.ok(killed.messages > 0 && killed.processed < 100, `killed in the middle: ${JSON.stringify(killed)}`);
    // What a minute after the crash brings: the dead worker's job lease and follower lease run out.
    await database.transaction(async (tx) => {
      await tx.execute(sql`update jobs set locked_until = now() - interval '1 second' where state = 'running'`);
      await tx.execute(sql`update wechat_followers set processing_until = null`);
    });
    const app = await createApp(config, database, { log: pino({ level: 'silent' }) });
    await app.worker.runUntilIdle();
    await app.server.close();

    assert.deepEqual(await countsIn(database), { stored: 100, processed: 100, messages: 100 });
    const perFollower = await queryRows<{ openid: string; tickets: number; messages: number; distinct_bodies: number }>(
      database.db,
      sql`select i.value as openid, count(distinct m.ticket_id)::int as tickets, count(*)::int as messages, count(distinct m.body)::int as distinct_bodies
          from ticket_messages m join tickets t on t.id = m.ticket_id join contact_identities i on i.contact_id = t.requester_id and i.kind = 'wechat_openid'
          where m.channel = 'wechat' group by i.value order by i.value`,
    );
    assert.deepEqual(perFollower, crashFollowers.map((openid) => ({ openid, tickets: 1, messages: 10, distinct_bodies: 10 })));
    const bodies = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from ticket_messages m join tickets t on t.id = m.ticket_id join contact_identities i on i.contact_id = t.requester_id where m.channel = 'wechat' and strpos(m.body, i.value) <> 1`);
    assert.equal(bodies[0]!.n, 0, 'each message on its own follower’s ticket');
  } finally {
    await database.close();
  }
});
