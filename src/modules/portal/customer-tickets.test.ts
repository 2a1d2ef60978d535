import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp, type TestUser } from '../../app/test-app.js';
import { queryRows } from '../../db/database.js';
import { startSmtpSink, type SmtpSink } from './test-smtp-sink.js';

/**
 * What customers see and do in the portal: their own tickets (an organisation admin: the
 * organisation's), never an internal note, another customer's ticket or an agent-only field;
 * replies that agents see as the customer's portal messages; closing.
 */
let t: TestApp;
let smtp: SmtpSink;
let agent: TestUser;
let orgId: string;
const cookies: Record<string, string> = {};
const ids: Record<string, string> = {};

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function api(method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: Json, headers: Record<string, string> = t.admin.headers): Promise<Json> {
  const res = await t.api(method, url, { as: null, headers, body: payload });
  assert.ok(res.statusCode < 300, `${method} ${url} → ${res.statusCode} ${res.body}`);
  return res.json() as Json;
}

async function signIn(email: string): Promise<string> {
  const mark = smtp.mails.length;
  await t.api('POST', '/api/v1/portal/login-codes', { as: null, body: { email } });
  const code = await smtp.waitForCode(email, { after: mark });
  const res = await t.api('POST', '/api/v1/portal/sessions', { as: null, body: { email, code } });
  assert.equal(res.statusCode, 200, res.body);
  return res.cookies.find((c) => c.name === 'opencsm_portal')!.value;
}

function portal(who: string, method: 'GET' | 'POST', url: string, payload?: Json, headers: Record<string, string> = {}) {
  return t.api(method, url, { as: null, headers: { cookie: `opencsm_portal=${cookies[who]!}`, 'sec-fetch-site': 'same-origin', ...headers }, body: payload });
}

before(async () => {
  smtp = await startSmtpSink();
  t = await createTestApp({ OPENCSM_SMTP_URL: smtp.url });
  agent = await t.user('agent', { name: 'Li Na' });
  orgId = (await api('POST', '/api/v1/organizations', { name: '华东制冷设备有限公司' })).id;
  for (const [key, name, email, organizationId] of [
    ['chen', '陈经理', 'chen@huadong.cn', orgId],
    ['zhou', '周工', 'zhou@huadong.cn', orgId],
    ['stranger', '吴先生', 'wu@example.cn', null],
  ] as const) {
    ids[key] = (await api('POST', '/api/v1/contacts', { name, identities: [{ kind: 'email', value: email }], ...(organizationId && { organizationId }) })).id;
    ids[`${key}Ticket`] = (await api('POST', '/api/v1/tickets', { subject: `${name}的报修`, description: `${name}：设备故障`, channel: 'phone', requester: { email }, tags: ['vip-internal'], assigneeId: agent.id })).id;
    cookies[key] = await signIn(email);
  }
});
after(async () => {
  await t.close();
  await smtp.close();
});

test('a customer sees only their tickets; another customer\'s ticket by id or number is 404', async () => {
  const list = (await portal('chen', 'GET', '/api/v1/portal/tickets')).json() as Json;
  assert.deepEqual(list.items.map((i: Json) => i.id), [ids.chenTicket]);

  const theirs = await api('GET', `/api/v1/tickets/${ids.strangerTicket}`);
  for (const key of [ids.strangerTicket, theirs.number]) {
    const res = await portal('chen', 'GET', `/api/v1/portal/tickets/${key}`);
    assert.equal(res.statusCode, 404);
    assert.equal((res.json() as Json).code, 'ticket.not_found');
  }
  const byNumber = await portal('chen', 'GET', `/api/v1/portal/tickets/${(await api('GET', `/api/v1/tickets/${ids.chenTicket}`)).number}`);
  assert.equal(byNumber.statusCode, 200);
});

test('internal notes, their attachments and agent-only fields never reach the customer', async () => {
  const ticketId = ids.chenTicket!;
  const upload = await t.api('POST', `/api/v1/tickets/${ticketId}/attachments`, { as: null, headers: { ...agent.headers, 'content-type': 'multipart/form-data; boundary=x' }, body: '--x\r\nContent-Disposition: form-data; name="file"; filename="报价底价.txt"\r\nContent-Type: text/plain\r\n\r\n底价 8000\r\n--x--\r\n' });
  assert.equal(upload.statusCode, 201, upload.body);
  await api('POST', `/api/v1/tickets/${ticketId}/messages`, { body: '内部：客户是重点客户，底价 8000', internal: true, attachmentIds: [(upload.json() as Json).id] }, agent.headers);
  await api('POST', `/api/v1/tickets/${ticketId}/messages`, { body: '您好，工程师明天上午上门。' }, agent.headers);
  const current = await api('GET', `/api/v1/tickets/${ticketId}`);
  await api('PATCH', `/api/v1/tickets/${ticketId}`, { status: 'pending' }, { ...agent.headers, 'if-match': `"${current.version}"` });
  // Custom fields: the customer sees a customer-visible value, never an agent-only one.
  await api('POST', '/api/v1/ticket-fields', { key: 'visit_window', label: { 'zh-CN': '上门时段' }, type: 'text', customerVisible: true });
  await api('POST', '/api/v1/ticket-fields', { key: 'margin_note', label: { 'zh-CN': '利润备注' }, type: 'text' });
  const pending = await api('GET', `/api/v1/tickets/${ticketId}`);
  await api('PATCH', `/api/v1/tickets/${ticketId}`, { fields: { visit_window: '明天上午', margin_note: '底价以上' } }, { ...agent.headers, 'if-match': `"${pending.version}"` });

  const res = await portal('chen', 'GET', `/api/v1/portal/tickets/${ticketId}`);
  assert.equal(res.statusCode, 200);
  const body = res.body;
  for (const secret of ['内部', '底价', 'vip-internal', agent.email, 'Li Na', agent.id]) assert.ok(!body.includes(secret), `the customer must not see ${secret}`);
  const ticket = res.json() as Json;
  assert.deepEqual(Object.keys(ticket).sort(), ['attachments', 'channel', 'createdAt', 'description', 'entries', 'fields', 'id', 'mine', 'number', 'status', 'subject', 'updatedAt']);
  assert.deepEqual(ticket.fields, { visit_window: '明天上午' });
  // (A phone ticket opens with the customer's own message since issue 13 §3; the agent's reply follows it.)
  const reply = ticket.entries.find((e: Json) => e.kind === 'message' && e.author.kind === 'agent');
  assert.deepEqual(reply.author, { kind: 'agent', name: 'Li' });
  assert.equal(reply.body, '您好，工程师明天上午上门。');
  assert.ok(ticket.entries.some((e: Json) => e.kind === 'status' && e.to === 'pending'), 'status changes are shown');

  const download = await portal('chen', 'GET', `/api/v1/portal/attachments/${(upload.json() as Json).id}`);
  assert.equal(download.statusCode, 404, 'an internal note\'s attachment is not downloadable');
});

test('a reply reaches the agent as the customer\'s portal message, reopens a pending ticket, and is stored once per Idempotency-Key', async () => {
  const ticketId = ids.zhouTicket!;
  const current = await api('GET', `/api/v1/tickets/${ticketId}`);
  await api('PATCH', `/api/v1/tickets/${ticketId}`, { status: 'pending' }, { ...t.admin.headers, 'if-match': `"${current.version}"` });

  const first = await portal('zhou', 'POST', `/api/v1/portal/tickets/${ticketId}/messages`, { body: '今天下午也可以' }, { 'idempotency-key': 'reply-1' });
  assert.equal(first.statusCode, 201, first.body);
  const again = await portal('zhou', 'POST', `/api/v1/portal/tickets/${ticketId}/messages`, { body: '今天下午也可以' }, { 'idempotency-key': 'reply-1' });
  assert.equal((again.json() as Json).duplicate, true);

  const ticket = await api('GET', `/api/v1/tickets/${ticketId}`);
  assert.equal(ticket.status, 'open');
  const timeline = (await api('GET', `/api/v1/tickets/${ticketId}/timeline?limit=500`)).items as Json[];
  const messages = timeline.filter((e) => e.message?.body === '今天下午也可以');
  assert.equal(messages.length, 1);
  assert.equal(messages[0]!.message.channel, 'portal');
  assert.equal(messages[0]!.message.authorContact.id, ids.zhou);

  // With a file (multipart), and the agent's answer goes out on the portal.
  const withFile = await t.api('POST', `/api/v1/portal/tickets/${ticketId}/messages`, { as: null, headers: { cookie: `opencsm_portal=${cookies.zhou!}`, 'content-type': 'multipart/form-data; boundary=y', 'sec-fetch-site': 'same-origin' }, body: '--y\r\nContent-Disposition: form-data; name="body"\r\n\r\n铭牌照片见附件\r\n--y\r\nContent-Disposition: form-data; name="files"; filename="铭牌.txt"\r\nContent-Type: text/plain\r\n\r\nKFR-35GW\r\n--y--\r\n' });
  assert.equal(withFile.statusCode, 201, withFile.body);
  const mark = smtp.mails.length;
  const answer = await api('POST', `/api/v1/tickets/${ticketId}/messages`, { body: '收到照片' }, agent.headers);
  assert.equal(answer.channel, 'portal');
  // The customer has an email: the portal reply is announced there ("你的工单有新回复"); internal notes are not.
  await api('POST', `/api/v1/tickets/${ticketId}/messages`, { body: '内部：照片已转工程师', internal: true }, agent.headers);
  await t.drain();
  const notices = smtp.mails.slice(mark).filter((m) => m.to === 'zhou@huadong.cn');
  assert.equal(notices.length, 1, JSON.stringify(notices));
  assert.match(notices[0]!.subject, /你的工单有新回复/);
  assert.match(notices[0]!.text, /收到照片/);
  assert.ok(!notices[0]!.text.includes('内部'));

  const seen = (await portal('zhou', 'GET', `/api/v1/portal/tickets/${ticketId}`)).json() as Json;
  const mine = seen.entries.find((e: Json) => e.kind === 'message' && e.body === '铭牌照片见附件');
  assert.deepEqual(mine.author, { kind: 'customer', name: null });
  assert.equal(mine.attachments[0].filename, '铭牌.txt');
  const file = await portal('zhou', 'GET', `/api/v1/portal/attachments/${mine.attachments[0].id}`);
  assert.equal(file.statusCode, 200);
  assert.equal(file.body, 'KFR-35GW');
  assert.equal((await portal('stranger', 'GET', `/api/v1/portal/attachments/${mine.attachments[0].id}`)).statusCode, 404);

  const empty = await portal('zhou', 'POST', `/api/v1/portal/tickets/${ticketId}/messages`, { body: '' });
  assert.equal(empty.statusCode, 400);
  assert.equal((empty.json() as Json).errors[0].path, 'body');
  const foreign = await portal('stranger', 'POST', `/api/v1/portal/tickets/${ticketId}/messages`, { body: '我也来说一句' });
  assert.equal(foreign.statusCode, 404);
});

test('an organisation admin sees and acts on the organisation\'s tickets; a plain contact does not', async () => {
  const plain = (await portal('zhou', 'GET', '/api/v1/portal/tickets')).json() as Json;
  assert.deepEqual(plain.items.map((i: Json) => i.id), [ids.zhouTicket]);
  assert.equal((await portal('zhou', 'GET', `/api/v1/portal/tickets/${ids.chenTicket}`)).statusCode, 404);

  const forbidden = await t.api('PUT', `/api/v1/contacts/${ids.chen}/portal-access`, { as: agent, body: { orgAdmin: true } });
  assert.equal(forbidden.statusCode, 403, 'agents without customers.write cannot grant it');
  const noOrg = await t.api('PUT', `/api/v1/contacts/${ids.stranger}/portal-access`, { body: { orgAdmin: true } });
  assert.equal(noOrg.statusCode, 422);
  assert.deepEqual(await api('PUT', `/api/v1/contacts/${ids.chen}/portal-access`, { orgAdmin: true }), { contactId: ids.chen, orgAdmin: true });

  const admin = (await portal('chen', 'GET', '/api/v1/portal/tickets')).json() as Json;
  assert.deepEqual(admin.items.map((i: Json) => i.id).sort(), [ids.chenTicket, ids.zhouTicket].sort());
  const colleagues = (await portal('chen', 'GET', `/api/v1/portal/tickets/${ids.zhouTicket}`)).json() as Json;
  assert.equal(colleagues.mine, false);
  assert.equal((await portal('chen', 'GET', `/api/v1/portal/tickets/${ids.strangerTicket}`)).statusCode, 404);
  assert.equal(((await portal('zhou', 'GET', '/api/v1/portal/tickets')).json() as Json).items.length, 1, 'colleagues still see only their own');
});

test('the customer closes their ticket: no actor, the event\'s cause is the customer, naming their contact', async () => {
  const ticketId = ids.strangerTicket!;
  const foreign = await portal('chen', 'POST', `/api/v1/portal/tickets/${ticketId}/close`);
  assert.equal(foreign.statusCode, 404);
  const closed = await portal('stranger', 'POST', `/api/v1/portal/tickets/${ticketId}/close`);
  assert.equal(closed.statusCode, 200, closed.body);
  assert.equal((closed.json() as Json).status, 'closed');
  assert.equal((await portal('stranger', 'POST', `/api/v1/portal/tickets/${ticketId}/close`)).statusCode, 200, 'closing again changes nothing');

  const ticket = await api('GET', `/api/v1/tickets/${ticketId}`);
  assert.equal(ticket.status, 'closed');
  const timeline = (await api('GET', `/api/v1/tickets/${ticketId}/timeline?limit=500`)).items as Json[];
  const change = timeline.filter((e) => e.field === 'status' && e.newValue === 'closed');
  assert.equal(change.length, 1);
  assert.equal(change[0]!.actor, null);
  const events = await queryRows<{ payload: Json; actor_id: string | null; cause: string; contact_id: string | null; version: number }>(t.database.db, sql`select payload, actor_id, cause, contact_id, version from domain_events where aggregate_id = ${ticketId} and type = 'ticket.updated' order by id`);
  assert.deepEqual({ ...events.at(-1)! }, { payload: { fields: ['status'], changes: { status: { from: 'open', to: 'closed' } } }, actor_id: null, cause: 'customer', contact_id: ids.stranger!, version: 2 });

  // A reply to a closed ticket becomes a follow-up ticket of theirs.
  const followUp = await portal('stranger', 'POST', `/api/v1/portal/tickets/${ticketId}/messages`, { body: '又坏了' });
  assert.equal((followUp.json() as Json).createdTicket, true);
  assert.equal(((await portal('stranger', 'GET', '/api/v1/portal/tickets')).json() as Json).items.length, 2);
});

test('the app\'s transition guards are asked when the customer closes a ticket (409, nothing written) and when their reply would reopen it (kept as it is, the reply stored)', async () => {
  const asked: Array<{ from: string; to: string; cause: string; actorId: string | null }> = [];
  // A stand-in for the process engine's guard: the customer may neither close nor reopen a ticket tagged `survey-pending`.
  t.context.transitionGuards.add('test.survey_pending', async (tx, transition) => {
    asked.push({ from: transition.from, to: transition.to, cause: transition.cause, actorId: transition.actorId });
    const [row] = await queryRows<{ tags: string[] }>(tx, sql`select tags from tickets where id = ${transition.ticketId}`);
    return transition.cause === 'customer' && row?.tags.includes('survey-pending') ? { code: 'ticket.transition_refused' } : null;
  });
  const ticket = await api('POST', '/api/v1/tickets', { subject: '周工的现场勘察', channel: 'phone', requester: { email: 'zhou@huadong.cn' }, tags: ['survey-pending'], assigneeId: agent.id });

  const refused = await portal('zhou', 'POST', `/api/v1/portal/tickets/${ticket.id}/close`);
  assert.equal(refused.statusCode, 409, refused.body);
  assert.equal((refused.json() as Json).code, 'ticket.transition_refused');
  assert.match((refused.json() as Json).title, /test\.survey_pending/, 'the message names the guard');
  assert.equal((await api('GET', `/api/v1/tickets/${ticket.id}`)).status, 'open', 'nothing was written');
  assert.deepEqual(asked, [{ from: 'open', to: 'closed', cause: 'customer', actorId: null }]);

  // The agent resolves it (the guard allows agents)…
  const resolved = await t.api('PATCH', `/api/v1/tickets/${ticket.id}`, { ifMatch: ticket.version, body: { status: 'resolved' } });
  assert.equal(resolved.statusCode, 200, resolved.body);
  asked.length = 0;
  // …the customer's reply would reopen it: the guard keeps it resolved, and the reply is stored.
  const reply = await portal('zhou', 'POST', `/api/v1/portal/tickets/${ticket.id}/messages`, { body: '勘察时间改到周五' });
  assert.equal(reply.statusCode, 201, reply.body);
  assert.deepEqual(asked, [{ from: 'resolved', to: 'open', cause: 'customer', actorId: null }]);
  const after = await api('GET', `/api/v1/tickets/${ticket.id}`);
  assert.equal(after.status, 'resolved');
  const messages = await queryRows<{ body: string; channel: string }>(t.database.db, sql`select body, channel from ticket_messages where ticket_id = ${ticket.id}`);
  assert.deepEqual(messages.map((m) => ({ ...m })), [{ body: '勘察时间改到周五', channel: 'portal' }], 'the reply is on the ticket');
});
