import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../app/test-app.js';
import { queryRows } from '../../db/database.js';
import { attachmentStoreIn, receiveInboundMessage } from '../tickets/index.js';
import { createPortalSession, portalCookieName } from './portal-sessions.js';
import { multipartBody } from './test-multipart.js';

/**
 * The message that creates a ticket (an email, a web form) is a real message: agents see it on the
 * timeline with its attachments and HTML, the customer sees it in the portal; it is not an agent's
 * answer and not a later customer message, so first response, status and SLA facts do not move.
 */
let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function ok(method: 'GET' | 'POST', url: string, headers: Record<string, string> = t.admin.headers, payload?: Json): Promise<Json> {
  const res = await t.server.inject({ method, url, headers, ...(payload && { payload }) });
  assert.ok(res.statusCode < 300, `${method} ${url} → ${res.statusCode} ${res.body}`);
  return res.json() as Json;
}

async function portalView(ticketId: string): Promise<Json> {
  const [ticket] = await queryRows<{ requester_id: string }>(t.database.db, sql`select requester_id from tickets where id = ${ticketId}`);
  const { secret } = await t.database.transaction((tx) => createPortalSession(tx, ticket!.requester_id, 1));
  const res = await t.server.inject({ method: 'GET', url: `/api/v1/portal/tickets/${ticketId}`, cookies: { [portalCookieName]: secret } });
  assert.equal(res.statusCode, 200, res.body);
  return { ...(res.json() as Json), secret };
}

const png = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(64, 1)]);

test('an email that creates a ticket is its opening message: text, sanitised HTML and attachments on the agent timeline and in the portal', async () => {
  const html = '<p>复印机<b>卡纸</b>，见附图</p>';
  const received = await receiveInboundMessage(
    t.database,
    {
      channel: 'email',
      externalId: '<opening-1@customer.cn>',
      requester: { name: '张三', email: 'zhang.san@customer.cn' },
      subject: '复印机卡纸',
      body: '复印机卡纸，见附图',
      bodyHtml: html,
      meta: { from: 'zhang.san@customer.cn' },
      attachments: [{ filename: '卡纸.png', contentType: 'image/png', content: png }],
    },
    { timeZone: t.config.OPENCSM_TIMEZONE, store: attachmentStoreIn(t.config.OPENCSM_DATA_DIR), guards: t.context.transitionGuards, fieldTypes: t.context.fieldTypes },
  );
  assert.equal(received.createdTicket, true);

  const { items } = await ok('GET', `/api/v1/tickets/${received.ticketId}/timeline?limit=100`);
  const withMessage = (items as Json[]).filter((e) => e.message);
  assert.equal(withMessage.length, 1, 'one message: the opening one');
  const [opening] = withMessage;
  assert.equal(opening!.type, 'created', 'the created entry carries it');
  assert.equal(opening!.message.body, '复印机卡纸，见附图');
  assert.equal(opening!.message.bodyHtml, html);
  assert.equal(opening!.message.internal, false);
  assert.equal(opening!.message.channel, 'email');
  assert.equal(opening!.message.authorContact.name, '张三');
  assert.deepEqual(opening!.message.attachments.map((a: Json) => [a.filename, a.contentType, a.size]), [['卡纸.png', 'image/png', png.length]]);
  const download = await t.server.inject({ method: 'GET', url: `/api/v1/attachments/${opening!.message.attachments[0].id}`, headers: t.admin.headers });
  assert.equal(download.statusCode, 200);
  assert.deepEqual(download.rawPayload, png);

  const portal = await portalView(received.ticketId);
  assert.equal(portal.description, '复印机卡纸，见附图', 'the description is kept');
  assert.deepEqual(portal.attachments, [], 'the files are the message\'s now, not loose on the ticket');
  const messages = (portal.entries as Json[]).filter((e) => e.kind === 'message');
  assert.equal(messages.length, 1);
  assert.equal(messages[0]!.opening, true);
  assert.equal(messages[0]!.bodyHtml, html);
  assert.equal(messages[0]!.author.kind, 'customer');
  assert.equal(messages[0]!.enteredByAgent, false, 'the customer wrote it themselves');
  assert.deepEqual(messages[0]!.attachments.map((a: Json) => a.filename), ['卡纸.png']);
  const portalDownload = await t.server.inject({ method: 'GET', url: `/api/v1/portal/attachments/${messages[0]!.attachments[0].id}`, cookies: { [portalCookieName]: portal.secret } });
  assert.equal(portalDownload.statusCode, 200);
});

test('the opening message is no answer and no new customer message: status, first response and events keep their meaning', async () => {
  const received = await receiveInboundMessage(
    t.database,
    { channel: 'email', externalId: '<opening-2@customer.cn>', requester: { email: 'li.si@customer.cn' }, subject: '发票', body: '请开发票' },
    { timeZone: t.config.OPENCSM_TIMEZONE, store: attachmentStoreIn(t.config.OPENCSM_DATA_DIR), guards: t.context.transitionGuards, fieldTypes: t.context.fieldTypes },
  );
  const ticket = await ok('GET', `/api/v1/tickets/${received.ticketId}`);
  assert.equal(ticket.status, 'new');
  assert.equal(ticket.firstResponseAt, null);
  const events = await queryRows<{ type: string; payload: Json }>(t.database.db, sql`select type, payload from domain_events where aggregate_id = ${received.ticketId} order by id`);
  assert.deepEqual(events.map((e) => e.type), ['ticket.created'], 'no ticket.message_added: SLA, notices and delivery ignore it');
  const [message] = await queryRows<{ id: string }>(t.database.db, sql`select id from ticket_messages where ticket_id = ${received.ticketId}`);
  assert.equal(events[0]!.payload.messageId, message!.id, 'ticket.created names it');

  // The agent's reply is still the first response, and opens the ticket.
  await ok('POST', `/api/v1/tickets/${received.ticketId}/messages`, t.admin.headers, { body: '好的，今天开' });
  const answered = await ok('GET', `/api/v1/tickets/${received.ticketId}`);
  assert.equal(answered.status, 'open');
  assert.ok(answered.firstResponseAt);
});

test('a web form ticket with attachments shows one opening message with them, for the agent and in the portal', async () => {
  const body = multipartBody({ name: '赵女士', email: 'zhao@example.cn', description: '空调外机噪音很大\n附录音和照片' }, [
    { filename: '外机.png', contentType: 'image/png', data: png },
    { filename: '噪音说明.txt', contentType: 'text/plain', data: Buffer.from('晚上十点以后最响') },
  ]);
  const res = await t.server.inject({ method: 'POST', url: '/api/v1/portal/forms/tickets', payload: body.payload, headers: body.headers, remoteAddress: '203.0.113.90' });
  assert.equal(res.statusCode, 201, res.body);
  const [row] = await queryRows<{ id: string }>(t.database.db, sql`select id from tickets where number = ${(res.json() as Json).number}`);

  const { items } = await ok('GET', `/api/v1/tickets/${row!.id}/timeline?limit=100`);
  const withMessage = (items as Json[]).filter((e) => e.message);
  assert.equal(withMessage.length, 1);
  assert.equal(withMessage[0]!.type, 'created');
  assert.equal(withMessage[0]!.message.channel, 'web');
  assert.equal(withMessage[0]!.message.body, '空调外机噪音很大\n附录音和照片');
  assert.equal(withMessage[0]!.message.bodyHtml, null, 'the form is plain text');
  assert.deepEqual(withMessage[0]!.message.attachments.map((a: Json) => a.filename).sort(), ['噪音说明.txt', '外机.png'].sort());

  const portal = await portalView(row!.id);
  const messages = (portal.entries as Json[]).filter((e) => e.kind === 'message');
  assert.deepEqual(messages.map((m) => [m.opening, m.attachments.length]), [[true, 2]]);
});
