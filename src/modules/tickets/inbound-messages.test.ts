import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../app/test-app.js';
import { testChannelModule } from '../../app/test-channel-module.js';
import { queryRows } from '../../db/database.js';
import { attachmentStoreIn } from './attachment-store.js';
import { receiveInboundMessage, type InboundMessage } from './receive-inbound-message.js';
import { recordDelivery } from './record-delivery.js';

/** Messages customers send through any channel: stored once, threaded, reopening, answered on their channel. */
let t: TestApp;
before(async () => {
  // A chat channel that delivers replies, installed at boot as a channel module would (not the real WeCom module: this file does not depend on it).
  t = await createTestApp({}, { extraModules: [testChannelModule('line', { 'zh-CN': 'LINE', en: 'LINE' }, { deliversReplies: true })] });
});
after(() => t.close());

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function ok(method: 'GET' | 'POST' | 'PATCH', url: string, payload?: Json, headers: Record<string, string> = {}): Promise<Json> {
  const res = await t.api(method, url, { headers, body: payload });
  assert.ok(res.statusCode < 300, `${method} ${url} → ${res.statusCode} ${res.body}`);
  return res.json() as Json;
}

function receive(input: Partial<InboundMessage> & Pick<InboundMessage, 'externalId'>) {
  return receiveInboundMessage(
    t.database,
    { channel: 'email', requester: { name: '王先生', email: 'wang@example.cn' }, subject: '空调不制冷', body: '客厅空调开机后只吹风', ...input },
    { timeZone: t.config.OPENCSM_TIMEZONE, store: attachmentStoreIn(t.config.OPENCSM_DATA_DIR), guards: t.context.transitionGuards, fieldTypes: t.context.fieldTypes },
  );
}

async function timeline(ticketId: string): Promise<Json[]> {
  return (await ok('GET', `/api/v1/tickets/${ticketId}/timeline?limit=500`)).items as Json[];
}

test('a first message makes a ticket on its channel with the sender as requester; the same message again changes nothing', async () => {
  const first = await receive({ externalId: '<a1@mail.example.cn>', attachments: [{ filename: '故障照片.txt', contentType: 'text/plain', content: Buffer.from('照片') }] });
  assert.equal(first.createdTicket, true);
  assert.equal(first.duplicate, false);
  const ticket = await ok('GET', `/api/v1/tickets/${first.ticketId}`);
  assert.equal(ticket.channel, 'email');
  assert.equal(ticket.status, 'new');
  assert.equal(ticket.description, '客厅空调开机后只吹风');
  assert.equal(ticket.requester.email, 'wang@example.cn');

  const again = await receive({ externalId: '<a1@mail.example.cn>' });
  assert.deepEqual(again, { ...first, duplicate: true });
  const [count] = await queryRows<{ tickets: number; attachments: number }>(
    t.database.db,
    sql`select (select count(*)::int from tickets where requester_id = ${ticket.requester.id}) as tickets, (select count(*)::int from ticket_attachments where ticket_id = ${first.ticketId}) as attachments`,
  );
  assert.deepEqual(count, { tickets: 1, attachments: 1 });
});

test('two deliveries of one message racing make one ticket', async () => {
  const results = await Promise.all([receive({ externalId: '<race@mail.example.cn>' }), receive({ externalId: '<race@mail.example.cn>' })]);
  assert.equal(results[0].ticketId, results[1].ticketId);
  assert.deepEqual(results.map((r) => r.duplicate).sort(), [false, true]);
  const [row] = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from ticket_inbound_receipts where external_id = '<race@mail.example.cn>'`);
  assert.equal(row!.n, 1);
});

test('a reply joins its ticket as the customer\'s message, reopens it when pending or resolved, and emits the facts SLA needs', async () => {
  const first = await receive({ externalId: '<b1@mail.example.cn>' });
  const ticket = await ok('GET', `/api/v1/tickets/${first.ticketId}`);
  await ok('PATCH', `/api/v1/tickets/${first.ticketId}`, { status: 'pending' }, { 'if-match': `"${ticket.version}"` });

  const reply = await receive({ externalId: '<b2@mail.example.cn>', ticketId: first.ticketId, body: '今天还是不制冷', bodyHtml: '<p>今天还是不制冷</p>', meta: { from: 'wang@example.cn' } });
  assert.equal(reply.createdTicket, false);
  assert.ok(reply.messageId);
  const after = await ok('GET', `/api/v1/tickets/${first.ticketId}`);
  assert.equal(after.status, 'open', 'a customer reply reopens a pending ticket');

  const entries = await timeline(first.ticketId);
  const message = entries.find((e) => e.message?.id === reply.messageId)!.message;
  assert.equal(message.channel, 'email');
  assert.equal(message.authorContact.name, '王先生');
  assert.equal(message.bodyHtml, '<p>今天还是不制冷</p>');
  assert.deepEqual(message.meta, { from: 'wang@example.cn' });
  assert.ok(entries.some((e) => e.type === 'field_changed' && e.field === 'status' && e.oldValue === 'pending' && e.newValue === 'open' && e.actor === null));

  const [event] = await queryRows<{ payload: Json }>(t.database.db, sql`select payload from domain_events where type = 'ticket.message_added' and aggregate_id = ${first.ticketId} order by id desc limit 1`);
  assert.equal(event!.payload.authorContactId, after.requester.id);
  assert.equal(event!.payload.channel, 'email');
  assert.equal(event!.payload.internal, false);
});

test('a message to a closed ticket starts a follow-up ticket that names it', async () => {
  const first = await receive({ externalId: '<c1@mail.example.cn>' });
  const ticket = await ok('GET', `/api/v1/tickets/${first.ticketId}`);
  await ok('PATCH', `/api/v1/tickets/${first.ticketId}`, { status: 'closed' }, { 'if-match': `"${ticket.version}"` });
  const followUp = await receive({ externalId: '<c2@mail.example.cn>', ticketId: first.ticketId, body: '又坏了' });
  assert.equal(followUp.createdTicket, true);
  assert.notEqual(followUp.ticketId, first.ticketId);
  const created = (await timeline(followUp.ticketId)).find((e) => e.type === 'created')!;
  assert.equal(created.newValue.followUpOf, ticket.number);
  assert.equal((await ok('GET', `/api/v1/tickets/${first.ticketId}`)).status, 'closed');
});

test('an agent\'s reply goes out on the channel the customer last used; delivery is reported on the timeline', async () => {
  const first = await receive({ channel: 'phone', externalId: 'call-1', requester: { name: '李女士', phone: '13900001111' } });
  // Phone only, no address: the reply stays on the ticket for the portal.
  const phoneReply = await ok('POST', `/api/v1/tickets/${first.ticketId}/messages`, { body: '已登记' });
  assert.equal(phoneReply.channel, 'portal');
  assert.equal(phoneReply.deliveryStatus, null);

  // The customer writes again on a chat channel that delivers (its module registered it at boot, with a ready reply probe).
  await receive({ channel: 'line', externalId: 'line-msg-1', ticketId: first.ticketId, requester: { contactId: (await ok('GET', `/api/v1/tickets/${first.ticketId}`)).requester.id }, body: '师傅几点到？' });
  const reply = await ok('POST', `/api/v1/tickets/${first.ticketId}/messages`, { body: '下午两点前到' });
  assert.equal(reply.channel, 'line');
  assert.equal(reply.deliveryStatus, 'queued');
  const note = await ok('POST', `/api/v1/tickets/${first.ticketId}/messages`, { body: '备件已出库', internal: true });
  assert.equal(note.channel, 'agent');
  assert.equal(note.deliveryStatus, null);

  const [event] = await queryRows<{ payload: Json }>(t.database.db, sql`select payload from domain_events where type = 'ticket.message_added' and payload->>'messageId' = ${reply.id}`);
  assert.equal(event!.payload.deliver, true);
  assert.equal(event!.payload.channel, 'line');

  await recordDelivery(t.database, reply.id, { status: 'failed', error: '48002 api forbidden' });
  await recordDelivery(t.database, reply.id, { status: 'sent', meta: { msgid: 'w-1' } });
  await recordDelivery(t.database, reply.id, { status: 'sent' }); // a retried job reports again: nothing new
  const entries = await timeline(first.ticketId);
  const deliveries = entries.filter((e) => e.type === 'delivery_changed');
  assert.deepEqual(deliveries.map((e) => e.newValue.status), ['failed', 'sent']);
  assert.equal(deliveries[0]!.newValue.error, '48002 api forbidden');
  const shown = entries.find((e) => e.message?.id === reply.id)!.message;
  assert.equal(shown.deliveryStatus, 'sent');
  assert.equal(shown.deliveryError, null);
  assert.deepEqual(shown.meta, { msgid: 'w-1' });
});

test('a ticket from a web form is answered by email when the requester gave an address and a mailbox can send', async () => {
  const mailbox = await t.server.inject({ method: 'POST', url: '/api/v1/mailboxes', headers: t.admin.headers, payload: { address: 'service@acme.test', name: '客服中心', outbound: { host: 'smtp.acme.test', port: 465, user: 'service', pass: 'smtp-secret' } } });
  assert.equal(mailbox.statusCode, 201, mailbox.body);
  const first = await receive({ channel: 'web', externalId: 'form-1', requester: { name: '赵先生', email: 'zhao@example.cn' } });
  const reply = await ok('POST', `/api/v1/tickets/${first.ticketId}/messages`, { body: '收到' });
  assert.equal(reply.channel, 'email');
  assert.equal(reply.deliveryStatus, 'queued');
});

test('an empty external id is refused, naming the field', async () => {
  await assert.rejects(receive({ externalId: '  ' }), (error: Error & { errors?: Json[] }) => error.errors?.[0]?.path === 'externalId');
});
