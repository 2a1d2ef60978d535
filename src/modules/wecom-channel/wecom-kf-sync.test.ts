import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { pino } from 'pino';
import { createApp } from '../../app/create-app.js';
import { queryRows } from '../../db/database.js';
import { channelSecrets, loadChannelAccount } from '../channels/index.js';
import { syncKfAccount } from './kf-sync.js';
import { kfText, openKfId, startWecomKit, type WecomKit } from './test-kit.js';
import { wecomApi } from './wecom-api.js';
import { wecomSettingsOf } from './wecom-settings.js';

let kit: WecomKit;
before(async () => {
  kit = await startWecomKit();
});
after(() => kit.close());

const customers = Array.from({ length: 10 }, (_, i) => `wmStress${String(i).padStart(2, '0')}`);
const now = () => kit.nowSeconds();

async function counts(prefix: string): Promise<Map<string, { tickets: number; messages: number }>> {
  const rows = await queryRows<{ customer: string; tickets: number; messages: number }>(
    kit.t.database.db,
    sql`select m.meta -> 'wecom' ->> 'externalUserId' as customer, count(distinct m.ticket_id)::int as tickets, count(*)::int as messages
        from ticket_messages m where m.channel = 'wecom' and m.meta -> 'wecom' ->> 'externalUserId' like ${`${prefix}%`} group by 1`,
  );
  return new Map(rows.map((r) => [r.customer, { tickets: r.tickets, messages: r.messages }]));
}

test('100 kf messages from 10 customers in one sync: 100 messages on the right tickets, none lost, none doubled', async (t) => {
  kit.fake.customerWrites(...customers.flatMap((c, i) => Array.from({ length: 10 }, (_, n) => kfText(`stress-${i}-${n}`, c, `${c} 第 ${n} 条`, now()))));
  // WeCom retries the callback when the answer is slow: the same Token twice stores one sync.
  const answers = await Promise.all([kit.notify('STRESS_TOKEN'), kit.notify('STRESS_TOKEN')]);
  assert.deepEqual(answers.map((a) => a.statusCode), [200, 200]);
  const started = performance.now();
  await kit.t.drain();
  t.diagnostic(`100 kf messages synced and filed in ${Math.round(performance.now() - started)} ms (diagnostic, not asserted)`);
  const byCustomer = await counts('wmStress');
  assert.equal(byCustomer.size, 10);
  for (const c of customers) assert.deepEqual(byCustomer.get(c), { tickets: 1, messages: 10 }, c);
  const [stored] = await queryRows<{ n: number }>(kit.t.database.db, sql`select count(*)::int as n from wecom_kf_messages where external_userid like 'wmStress%'`);
  assert.equal(stored!.n, 100);
  assert.equal(kit.fake.calls.filter((c) => c.path === '/cgi-bin/kf/sync_msg').length, 1, 'one sync for the callback and its retry');
});

test('a crash between pages: the page stored before it stays stored, the retry resumes at the next page, nothing lost or repeated', async () => {
  kit.fake.setPageSize(5);
  kit.fake.customerWrites(...Array.from({ length: 12 }, (_, n) => kfText(`crash-${n}`, 'wmCrash', `第 ${n} 条`, now())));
  const callsBefore = kit.fake.calls.filter((c) => c.path === '/cgi-bin/kf/sync_msg').length;
  // Page 1 answers, page 2 fails (the process "dies" there): the job fails after page 1 committed.
  kit.fake.failNext('/cgi-bin/kf/sync_msg', { status: 503 }, 1, 1);
  assert.equal((await kit.notify('CRASH_TOKEN')).statusCode, 200);
  await kit.t.drain();
  // Page 1 is on the ticket. (On a slow machine the queue's ~2 s backoff may already have run the retry within the same drain.)
  assert.ok((await counts('wmCrash')).get('wmCrash')!.messages >= 5, 'the first page is on the ticket');
  await kit.t.database.transaction((tx) => tx.execute(sql`update jobs set run_at = now() where type = 'wecom.kf_sync' and state = 'pending'`));
  await kit.t.drain();
  assert.deepEqual((await counts('wmCrash')).get('wmCrash'), { tickets: 1, messages: 12 });
  const cursors = kit.fake.calls.filter((c) => c.path === '/cgi-bin/kf/sync_msg').slice(callsBefore).map((c) => c.json!.cursor);
  // Page 2 is asked again after the failure; page 1 (stored) never is.
  assert.deepEqual(cursors, ['c100', 'c105', 'c105', 'c110']);
  kit.fake.setPageSize(1000);
});

test('a restarted process with the sync job to run again (kill -9 after the pages committed): nothing new, nothing doubled', async () => {
  // Every message row processed again and every sync callback run again, by another app on the same database.
  await kit.t.database.transaction((tx) => tx.execute(sql`update wecom_kf_messages set processed_at = null, outcome = null where external_userid like 'wmStress%'`));
  await kit.t.database.transaction((tx) =>
    tx.execute(sql`insert into jobs (id, type, payload, run_at, max_attempts) select gen_random_uuid(), 'wecom.kf_process', jsonb_build_object('messageId', id), now(), 12 from wecom_kf_messages where external_userid like 'wmStress%'`),
  );
  await kit.t.database.transaction((tx) => tx.execute(sql`update channel_inbound set processed_at = null where kind = 'wecom'`));
  await kit.t.database.transaction((tx) => tx.execute(sql`insert into jobs (id, type, payload, run_at, max_attempts) select gen_random_uuid(), 'wecom.kf_sync', jsonb_build_object('inboundId', id), now(), 12 from channel_inbound where kind = 'wecom'`));
  const restarted = await createApp(kit.t.config, kit.t.database, { log: pino({ level: 'silent' }), clock: kit.clock });
  try {
    await restarted.worker.runUntilIdle();
  } finally {
    await restarted.worker.stop();
    await restarted.server.close();
  }
  const byCustomer = await counts('wmStress');
  for (const c of customers) assert.deepEqual(byCustomer.get(c), { tickets: 1, messages: 10 }, c);
  assert.deepEqual((await counts('wmCrash')).get('wmCrash'), { tickets: 1, messages: 12 });
});

test('two processes syncing one kf account at once: every message stored once, the cursor only moves forward', async () => {
  kit.fake.setPageSize(4);
  kit.fake.customerWrites(...Array.from({ length: 30 }, (_, n) => kfText(`race-${n}`, `wmRace${n % 3}`, `并发 ${n}`, now())));
  const other = await createApp(kit.t.config, kit.t.database, { log: pino({ level: 'silent' }), clock: kit.clock });
  try {
    const account = (await loadChannelAccount(kit.t.database.db, channelSecrets(kit.t.config), kit.accountId))!;
    const sync = (context: typeof other.context) => syncKfAccount(context.database, wecomApi({ database: context.database, config: context.config, clock: kit.clock }, account.id, wecomSettingsOf(account.settings)), account.id, openKfId, undefined, () => kit.clock.now());
    // All four ask for the first page with the same cursor before any of them stores it.
    kit.fake.gateSyncs(4);
    const outcomes = await Promise.all([sync(kit.t.context), sync(other.context), sync(kit.t.context), sync(other.context)]);
    const summary = outcomes.map((o) => `${o.stored} stored/${o.pages} pages/${o.lostRaces} lost`).join(', ');
    assert.equal(outcomes.reduce((n, o) => n + o.stored, 0), 30, summary);
    assert.ok(outcomes.reduce((n, o) => n + o.lostRaces, 0) >= 3, `three of the four lost the race for page 1: ${summary}`);
    const [cursor] = await queryRows<{ cursor: string }>(kit.t.database.db, sql`select cursor from wecom_kf_cursors where open_kfid = ${openKfId}`);
    assert.equal(cursor!.cursor, 'c142', 'the cursor ends at the end, never set back by a slower process');
    await kit.t.drain();
    const byCustomer = await counts('wmRace');
    assert.deepEqual([...byCustomer.values()].map((v) => v.messages).sort(), [10, 10, 10]);
  } finally {
    await other.worker.stop();
    await other.server.close();
    kit.fake.setPageSize(1000);
  }
});
