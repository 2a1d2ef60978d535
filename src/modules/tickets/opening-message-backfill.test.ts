import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../app/test-app.js';
import { queryRows } from '../../db/database.js';
import { attachmentStoreIn } from './attachment-store.js';
import { receiveInboundMessage } from './receive-inbound-message.js';

/**
 * Tickets made by a customer's message before that message was kept get it from the backfill
 * migration (0013_ticket_opening_messages_backfill.sql, renumbered at merge): rebuilt from the
 * description, with the files sent along, named by the `created` entry; tickets agents made do not.
 */
let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const backfill = sql.raw(await readFile(new URL('../../../migrations/0013_ticket_opening_messages_backfill.sql', import.meta.url), 'utf8'));

/** A ticket as the channels stored it before: no opening message, its files loose on the ticket. */
async function oldStyleTicket(externalId: string): Promise<string> {
  const { ticketId } = await receiveInboundMessage(
    t.database,
    { channel: 'web', externalId, requester: { name: '吴先生', phone: '13600001111' }, subject: '洗衣机漏水', body: '洗衣机底部漏水', attachments: [{ filename: '漏水.txt', content: Buffer.from('照片说明') }] },
    { timeZone: t.config.OPENCSM_TIMEZONE, store: attachmentStoreIn(t.config.OPENCSM_DATA_DIR), guards: t.context.transitionGuards, fieldTypes: t.context.fieldTypes },
  );
  await t.database.transaction(async (tx) => {
    await tx.execute(sql`update ticket_attachments set message_id = null where ticket_id = ${ticketId}`);
    await tx.execute(sql`update ticket_events set message_id = null where ticket_id = ${ticketId} and type = 'created'`);
    await tx.execute(sql`delete from ticket_messages where ticket_id = ${ticketId}`);
  });
  return ticketId;
}

async function timelineMessages(ticketId: string): Promise<Json[]> {
  const res = await t.server.inject({ method: 'GET', url: `/api/v1/tickets/${ticketId}/timeline?limit=100`, headers: t.admin.headers });
  return ((res.json() as Json).items as Json[]).filter((e) => e.message);
}

test('the backfill gives an older inbound ticket its opening message with its files, once; agent-made tickets get none', async () => {
  const inbound = await oldStyleTicket('old-1');
  const agentMade = (await t.server.inject({ method: 'POST', url: '/api/v1/tickets', headers: t.admin.headers, payload: { subject: '电话记录', description: '客户来电' } })).json() as Json;
  assert.deepEqual(await timelineMessages(inbound), [], 'the old shape: nothing for staff to see');

  await t.database.transaction((tx) => tx.execute(backfill));
  const entries = await timelineMessages(inbound);
  assert.equal(entries.length, 1);
  assert.equal(entries[0]!.type, 'created');
  assert.equal(entries[0]!.message.body, '洗衣机底部漏水');
  assert.equal(entries[0]!.message.channel, 'web');
  assert.equal(entries[0]!.message.authorContact.name, '吴先生');
  assert.deepEqual(entries[0]!.message.attachments.map((a: Json) => a.filename), ['漏水.txt']);
  assert.deepEqual(await timelineMessages(agentMade.id), []);

  await t.database.transaction((tx) => tx.execute(backfill));
  const [count] = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from ticket_messages where ticket_id = ${inbound}`);
  assert.equal(count!.n, 1, 'running it again adds nothing');
  const [events] = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from domain_events where aggregate_id = ${inbound} and type = 'ticket.message_added'`);
  assert.equal(events!.n, 0, 'no event: SLA and notices are not woken by history');
});
