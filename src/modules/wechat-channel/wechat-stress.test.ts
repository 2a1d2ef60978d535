import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { pino } from 'pino';
import { createApp } from '../../app/create-app.js';
import { queryRows } from '../../db/database.js';
import { openPostgres } from '../../db/postgres.js';
import { cdata, startWechatKit, textXml, type WechatKit } from './test-kit.js';
import { wechatApi } from './wechat-api.js';
import { wechatSettingsOf } from './wechat-settings.js';
import { channelSecrets, loadChannelAccount } from '../channels/index.js';

let kit: WechatKit;
before(async () => {
  kit = await startWechatKit();
});
after(() => kit.close());

const followers = Array.from({ length: 10 }, (_, i) => `oStress${String(i).padStart(2, '0')}`);

async function wechatMessageCounts(): Promise<Map<string, { tickets: number; messages: number }>> {
  const rows = await queryRows<{ openid: string; tickets: number; messages: number }>(
    kit.t.database.db,
    sql`select m.meta -> 'wechat' ->> 'openid' as openid, count(distinct m.ticket_id)::int as tickets, count(*)::int as messages
        from ticket_messages m where m.channel = 'wechat' and m.meta -> 'wechat' ->> 'openid' like 'oStress%' group by 1`,
  );
  return new Map(rows.map((r) => [r.openid, { tickets: r.tickets, messages: r.messages }]));
}

test('100 messages from 10 followers posted at once, each twice as WeChat retries: 100 messages on the right tickets, none lost, none doubled', async (t) => {
  const base = Math.floor(kit.clock.now().getTime() / 1000);
  const posts = followers.flatMap((openid, f) => Array.from({ length: 10 }, (_, n) => textXml(openid, String(700000 + f * 100 + n), `${openid} 第 ${n} 条`, base)));
  // Each message twice (WeChat's retry reuses the request), all 200 requests concurrently.
  const started = performance.now();
  const answers = await Promise.all([...posts, ...posts].map((xml, i) => kit.post(xml, { nonce: `stress-${i % posts.length}` })));
  // A figure for BENCHMARKS-style reports, not an assertion (wall time on a shared machine).
  t.diagnostic(`200 callbacks answered in ${Math.round(performance.now() - started)} ms`);
  assert.deepEqual(new Set(answers.map((a) => `${a.statusCode} ${a.body}`)), new Set(['200 success']));
  const [stored] = await queryRows<{ n: number }>(kit.t.database.db, sql`select count(*)::int as n from channel_inbound where raw like '%oStress%'`);
  assert.equal(stored!.n, 100, 'each message stored once before it was answered');

  const draining = performance.now();
  await kit.t.drain();
  t.diagnostic(`100 messages processed into tickets in ${Math.round(performance.now() - draining)} ms`);
  const counts = await wechatMessageCounts();
  assert.equal(counts.size, 10);
  for (const openid of followers) assert.deepEqual(counts.get(openid), { tickets: 1, messages: 10 }, openid);
});

test('a crash after the ticket side committed but before the job finished, and a restarted app: still 100, no duplicates', async () => {
  // As if every job had died after receiveInboundMessage committed: the rows look unprocessed and their jobs run again.
  await kit.t.database.transaction((tx) => tx.execute(sql`update channel_inbound set processed_at = null, outcome = null where raw like '%oStress%'`));
  await kit.t.database.transaction((tx) =>
    tx.execute(sql`insert into jobs (id, type, payload, run_at, max_attempts) select gen_random_uuid(), 'wechat.process', jsonb_build_object('inboundId', id), now(), 12 from channel_inbound where raw like '%oStress%'`),
  );
  // A second app on the same database (a restarted process) does the work.
  const restarted = await createApp(kit.t.config, kit.t.database, { log: pino({ level: 'silent' }), clock: kit.clock });
  try {
    await restarted.worker.runUntilIdle();
  } finally {
    await restarted.worker.stop();
    await restarted.server.close();
  }
  const counts = await wechatMessageCounts();
  for (const openid of followers) assert.deepEqual(counts.get(openid), { tickets: 1, messages: 10 }, openid);
});

test('a processing job that fails once (media download 5xx) is retried and its message arrives once', async () => {
  kit.fake.addMedia('STRESS_IMG', Buffer.from('\x89PNG\r\n\x1a\nimg'), 'image/png');
  kit.fake.failNext('/cgi-bin/media/get', { status: 503 });
  const image = `<xml><ToUserName>${cdata('gh_test')}</ToUserName><FromUserName>${cdata('oStress00')}</FromUserName><CreateTime>${Math.floor(kit.clock.now().getTime() / 1000)}</CreateTime><MsgType>${cdata('image')}</MsgType><MediaId>${cdata('STRESS_IMG')}</MediaId><MsgId>799999</MsgId></xml>`;
  assert.equal((await kit.post(image)).body, 'success');
  await kit.t.drain();
  assert.equal((await wechatMessageCounts()).get('oStress00')!.messages, 10, 'the failed attempt wrote nothing');
  await kit.t.database.transaction((tx) => tx.execute(sql`update jobs set run_at = now() where type = 'wechat.process' and state = 'pending'`));
  await kit.t.drain();
  assert.deepEqual((await wechatMessageCounts()).get('oStress00'), { tickets: 1, messages: 11 });
});

test('two app instances on one database refresh an expired token once between them', async () => {
  // On PostgreSQL the second app has its own connection pool, as a second server process has; the
  // refresh is serialised by the cache row's lock in the database, not by anything in this process.
  const url = 'url' in kit.t.database && typeof kit.t.database.url === 'string' ? kit.t.database.url : undefined;
  const otherDatabase = url ? await openPostgres(url, 5) : kit.t.database;
  const other = await createApp(kit.t.config, otherDatabase, { log: pino({ level: 'silent' }), clock: kit.clock });
  try {
    const account = (await loadChannelAccount(kit.t.database.db, channelSecrets(kit.t.config), kit.accountId))!;
    const apiOf = (context: typeof other.context) => wechatApi({ database: context.database, config: context.config, clock: kit.clock }, account.id, wechatSettingsOf(account.settings));
    const tokenCalls = () => kit.fake.calls.filter((c) => c.path === '/cgi-bin/stable_token').length;
    // Past the cached token's expiry (2 h): both instances want a new one at once, eight times each.
    kit.clock.advanceMinutes(3 * 60);
    const before = tokenCalls();
    const tokens = await Promise.all(Array.from({ length: 16 }, (_, i) => apiOf(i % 2 ? other.context : kit.t.context).token()));
    assert.equal(new Set(tokens).size, 1, 'every caller got the same token');
    assert.equal(tokenCalls() - before, 1, 'one refresh between the two instances');
  } finally {
    kit.clock.advanceMinutes(-3 * 60);
    await other.worker.stop();
    await other.server.close();
    if (otherDatabase !== kit.t.database) await otherDatabase.close();
  }
});
