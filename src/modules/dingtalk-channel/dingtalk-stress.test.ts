import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/database.js';
import { robotMessage, startDingtalkKit, type DingtalkKit } from './test-kit.js';

let kit: DingtalkKit;
before(async () => {
  kit = await startDingtalkKit();
});
after(() => kit.close());

const senders = Array.from({ length: 10 }, (_, i) => `stress${String(i).padStart(2, '0')}`);

async function counts(): Promise<Map<string, { tickets: number; messages: number }>> {
  const rows = await queryRows<{ sender: string; tickets: number; messages: number }>(
    kit.t.database.db,
    sql`select m.meta -> 'dingtalk' ->> 'senderKey' as sender, count(distinct m.ticket_id)::int as tickets, count(*)::int as messages
        from ticket_messages m where m.channel = 'dingtalk' and m.meta -> 'dingtalk' ->> 'senderKey' like 'stress%' group by 1`,
  );
  return new Map(rows.map((r) => [r.sender, { tickets: r.tickets, messages: r.messages }]));
}

test('100 robot messages from 10 senders within one second, each delivered twice by msgId: 100 messages on the right tickets, none lost, none doubled', async (t) => {
  // Timestamps spread over one second, as DingTalk would sign them; two messages may share a millisecond.
  const start = kit.clock.now().getTime();
  const posts = senders.flatMap((sender, s) =>
    Array.from({ length: 10 }, (_, n) => ({ message: robotMessage(kit, `msgStress${s}-${n}`, sender, { text: `${sender} 第 ${n} 条` }), timestamp: start + ((s * 10 + n) * 7) % 1000 })),
  );
  const started = performance.now();
  const answers = await Promise.all([...posts, ...posts].map((p) => kit.post(p.message, { timestamp: p.timestamp })));
  t.diagnostic(`200 callbacks answered in ${Math.round(performance.now() - started)} ms`);
  assert.deepEqual(new Set(answers.map((a) => `${a.statusCode} ${a.body}`)), new Set(['200 {}']));
  const [stored] = await queryRows<{ n: number }>(kit.t.database.db, sql`select count(*)::int as n from channel_inbound where kind = 'dingtalk' and external_id like 'msg:msgStress%'`);
  assert.equal(stored!.n, 100, 'each message stored once before it was answered');

  const draining = performance.now();
  await kit.t.drain();
  t.diagnostic(`100 messages processed into tickets in ${Math.round(performance.now() - draining)} ms`);
  const result = await counts();
  assert.equal(result.size, 10);
  for (const sender of senders) assert.deepEqual(result.get(sender), { tickets: 1, messages: 10 }, sender);
  const bodies = await queryRows<{ body: string; n: number }>(kit.t.database.db, sql`select body, count(*)::int as n from ticket_messages where channel = 'dingtalk' and body like 'stress%' group by body having count(*) > 1`);
  assert.deepEqual(bodies, [], 'no message twice');
});

test('a crash after the ticket side committed, its jobs run again: still 100, no duplicates', async () => {
  await kit.t.database.transaction((tx) => tx.execute(sql`update channel_inbound set processed_at = null, outcome = null where kind = 'dingtalk' and external_id like 'msg:msgStress%'`));
  await kit.t.database.transaction((tx) =>
    tx.execute(sql`insert into jobs (id, type, payload, run_at, max_attempts) select gen_random_uuid(), 'dingtalk.process', jsonb_build_object('inboundId', id), now(), 12 from channel_inbound where kind = 'dingtalk' and external_id like 'msg:msgStress%'`),
  );
  await kit.t.drain();
  const result = await counts();
  for (const sender of senders) assert.deepEqual(result.get(sender), { tickets: 1, messages: 10 }, sender);
});
