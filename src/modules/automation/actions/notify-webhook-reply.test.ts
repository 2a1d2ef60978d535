import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { inArray, sql } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import { assertProblem, createTestApp, type TestApp, type TestUser } from '../../../app/test-app.js';
import { queryRows } from '../../../db/database.js';
import { domainEvents } from '../../../jobs/schema.js';
import { startWebhookReceiver, type WebhookReceiver } from '../../webhooks/webhook-receiver-kit.js';

/**
 * The notify, webhook and reply actions end to end from a rule firing: staff notifications (not the
 * user whose change fired the rule), the requester's reply through the ticket’s channel (an email
 * queued for delivery), a signed webhook call received on loopback, problems on save, and a
 * replayed firing that acts nothing twice.
 */
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let t: TestApp;
let receiver: WebhookReceiver;
let hardwareTeam: string;
let li: TestUser;
let wang: TestUser;
let supervisor: TestUser;

before(async () => {
  t = await createTestApp();
  receiver = await startWebhookReceiver();
  hardwareTeam = await t.team('硬件支持组');
  li = await t.user('agent', { teamIds: [hardwareTeam], name: '李娜' });
  wang = await t.user('agent', { teamIds: [hardwareTeam], name: '王强' });
  supervisor = await t.user('supervisor', { name: '赵主管' });
  const mailbox = await t.api('POST', '/api/v1/mailboxes', { body: { address: 'service@acme.test', name: '客服中心', outbound: { host: 'smtp.acme.test', port: 465, user: 'service', pass: 'smtp-secret' } } });
  assert.equal(mailbox.statusCode, 201, mailbox.body);
});
after(async () => {
  await receiver.close();
  await t.close();
});

async function rule(body: Json): Promise<{ id: string; version: number }> {
  const res = await t.api('POST', '/api/v1/rules', { body: { name: 'VIP 升级', triggers: ['ticket.created'], ...body } });
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
}

async function disable(created: { id: string; version: number }): Promise<void> {
  assert.equal((await t.api('PUT', `/api/v1/rules/${created.id}/enabled`, { ifMatch: created.version, body: { enabled: false } })).statusCode, 200);
}

const notificationsOf = (ticketId: string) =>
  queryRows<{ userId: string; kind: string; cause: string; message: Json }>(t.database.db, sql`select user_id as "userId", kind, cause, message from notifications where ticket_id = ${ticketId} order by user_id`);
const firingsOf = async (ruleId: string) => (await t.api('GET', `/api/v1/rules/${ruleId}/firings`)).json<{ items: Json[] }>().items;
const messagesOf = async (ticketId: string) => (await t.api('GET', `/api/v1/tickets/${ticketId}/timeline?limit=100`)).json<{ items: Json[] }>().items;

/** Hands every event of the ticket out again, as a retried job or a second worker would. */
async function replay(ticketId: string): Promise<void> {
  const [ids] = [await queryRows<{ id: number }>(t.database.db, sql`select id from domain_events where aggregate_type = 'ticket' and aggregate_id = ${ticketId}`)];
  await t.database.db.update(domainEvents).set({ dispatchedAt: null }).where(inArray(domainEvents.id, ids.map((row) => row.id)));
  await t.drain();
}

test('notify: the team’s members, a role and the assignee get the rule’s text rendered per language, never the agent whose change fired it; a replay notifies nobody twice', async () => {
  const created = await rule({
    triggers: ['ticket.updated'],
    conditions: { field: 'priority', op: 'changed_to', value: 'urgent' },
    actions: [{ type: 'notify', recipients: { roles: ['supervisor'], teamMembers: true }, texts: { 'zh-CN': '工单 {{ticket.number}} 升级为{{ticket.priority}}', en: 'Ticket {{ticket.number}} is now {{ticket.priority}}' } }],
  });
  const ticket = await t.createTicket({ subject: '服务器宕机', teamId: hardwareTeam });
  const patched = await t.api('PATCH', `/api/v1/tickets/${ticket.id}`, { as: li, ifMatch: ticket.version, body: { priority: 'urgent' } });
  assert.equal(patched.statusCode, 200, patched.body);
  await t.drain();
  const rows = await notificationsOf(ticket.id);
  const ruled = rows.filter((row) => row.kind === 'rule');
  assert.deepEqual(ruled.map((row) => row.userId).sort(), [wang.id, supervisor.id].sort(), 'the team (without 李娜, who made the change) and the supervisor role');
  assert.ok(ruled.every((row) => row.cause === `rule:${created.id}`));
  assert.deepEqual(ruled[0]!.message.texts, { 'zh-CN': `工单 ${ticket.number} 升级为紧急`, en: `Ticket ${ticket.number} is now Urgent` });
  const [firing] = await firingsOf(created.id);
  assert.deepEqual([firing!.status, firing!.actions[0].type, firing!.actions[0].detail.notified], ['done', 'notify', 2]);
  const activity = (await messagesOf(ticket.id)).find((entry) => entry.type === 'rule_notified');
  assert.ok(activity, 'the timeline says whom the rule notified');
  assert.deepEqual([activity.newValue.teamIds, activity.newValue.names, activity.newValue.roles], [[hardwareTeam], ['硬件支持组'], ['supervisor']]);
  assert.equal(activity.actor?.id, created.id, 'the rule acts as itself: the console names it 规则「VIP 升级」');

  await replay(ticket.id);
  assert.equal((await notificationsOf(ticket.id)).filter((row) => row.kind === 'rule').length, 2, 'nobody twice');
  assert.equal((await firingsOf(created.id)).length, 1);
  await disable(created);
});

test('notify the requester: a public reply through the ticket’s channel (email, queued for delivery) with cause rule:<id>', async () => {
  const created = await rule({
    actions: [{ type: 'notify', recipients: { requester: true, userIds: [wang.id] }, texts: { 'zh-CN': '{{requester.name}}您好，工单 {{ticket.number}} 已受理', en: 'Dear {{requester.name}}, {{ticket.number}} received' } }],
  });
  const ticket = await t.createTicket({ subject: '打印机卡纸', channel: 'email', requester: { name: '吴先生', email: 'wu@example.cn' } });
  await t.drain();
  const replies = await queryRows<{ body: string; channel: string; deliveryStatus: string; internal: boolean; authorUserId: string | null }>(
    t.database.db,
    sql`select body, channel, delivery_status as "deliveryStatus", internal, author_user_id as "authorUserId" from ticket_messages where ticket_id = ${ticket.id} and body like '%已受理%'`,
  );
  assert.equal(replies.length, 1);
  assert.deepEqual([replies[0]!.body, replies[0]!.channel, replies[0]!.internal], [`吴先生您好，工单 ${ticket.number} 已受理`, 'email', false]);
  assert.ok(['queued', 'sent'].includes(replies[0]!.deliveryStatus), replies[0]!.deliveryStatus);
  const [event] = await queryRows<{ cause: string }>(t.database.db, sql`select cause from domain_events where type = 'ticket.message_added' and aggregate_id = ${ticket.id} and cause like 'rule:%'`);
  assert.equal(event?.cause, `rule:${created.id}`);
  assert.deepEqual((await notificationsOf(ticket.id)).filter((row) => row.kind === 'rule').map((row) => row.userId), [wang.id]);

  await replay(ticket.id);
  const [{ count } = { count: 0 }] = await queryRows<{ count: number }>(t.database.db, sql`select count(*)::int as count from ticket_messages where ticket_id = ${ticket.id} and body like '%已受理%'`);
  assert.equal(count, 1, 'a replayed firing replies once');
  await disable(created);
});

test('reply from a template: rendered as an agent reads the ticket (a field agents may not read stays empty), sent through the channel; a replay replies once', async () => {
  const open = await t.api('POST', '/api/v1/ticket-fields', { body: { key: 'device_model', label: { 'zh-CN': '设备型号', en: 'Model' }, type: 'text' } });
  assert.equal(open.statusCode, 201, open.body);
  const secret = await t.api('POST', '/api/v1/ticket-fields', { body: { key: 'cost_price', label: { 'zh-CN': '成本价', en: 'Cost' }, type: 'text', readRoles: ['admin', 'supervisor'] } });
  assert.equal(secret.statusCode, 201, secret.body);
  const created = await rule({ actions: [{ type: 'reply', body: '{{requester.name}}您好：{{fields.device_model}} 已登记。[{{fields.cost_price}}]' }] });
  const ticket = await t.createTicket({ subject: '设备报修', channel: 'email', requester: { name: '周女士', email: 'zhou@example.cn' }, fields: { device_model: 'X-200', cost_price: '888' } });
  await t.drain();
  const [reply] = await queryRows<{ body: string; channel: string; internal: boolean }>(t.database.db, sql`select body, channel, internal from ticket_messages where ticket_id = ${ticket.id} and body like '%已登记%'`);
  assert.deepEqual([reply?.body, reply?.channel, reply?.internal], ['周女士您好：X-200 已登记。[]', 'email', false]);
  const [firing] = await firingsOf(created.id);
  assert.deepEqual([firing!.status, firing!.actions[0].type, firing!.actions[0].ok], ['done', 'reply', true]);
  await replay(ticket.id);
  const [{ count } = { count: 0 }] = await queryRows<{ count: number }>(t.database.db, sql`select count(*)::int as count from ticket_messages where ticket_id = ${ticket.id} and body like '%已登记%'`);
  assert.equal(count, 1);
  await disable(created);
});

test('webhook: a signed call with the thin ticket facts, the changed fields and the rule id; an endpoint deleted later fails the action, not the worker', async () => {
  const hook = await t.api('POST', '/api/v1/webhooks', { body: { url: receiver.url, eventTypes: ['survey.answered'] } });
  assert.equal(hook.statusCode, 201, hook.body);
  const { endpoint, secret } = hook.data as Json;
  const created = await rule({ triggers: ['ticket.updated'], conditions: { field: 'priority', op: 'changed_to', value: 'urgent' }, actions: [{ type: 'webhook', endpointId: endpoint.id, eventType: 'rule.vip_escalated' }] });
  const ticket = await t.createTicket({ subject: '数据库告警' });
  receiver.reset();
  assert.equal((await t.api('PATCH', `/api/v1/tickets/${ticket.id}`, { ifMatch: ticket.version, body: { priority: 'urgent' } })).statusCode, 200);
  await t.drain();
  assert.equal(receiver.received.length, 1);
  const got = receiver.received[0]!;
  const parsed = new Webhook(secret).verify(got.body, { 'webhook-id': String(got.headers['webhook-id']), 'webhook-timestamp': String(got.headers['webhook-timestamp']), 'webhook-signature': String(got.headers['webhook-signature']) }) as Json;
  assert.equal(parsed.type, 'rule.vip_escalated');
  assert.equal(parsed.data.ruleId, created.id);
  assert.deepEqual(parsed.data.ticket, { id: ticket.id, number: ticket.number, status: 'new', priority: 'urgent', teamId: null, assigneeId: null, typeId: null });
  assert.deepEqual([parsed.data.trigger, parsed.data.changedFields], ['ticket.updated', ['priority']]);
  assert.ok(!got.body.includes('数据库告警'), 'no ticket text');
  const [delivery] = (await t.api('GET', `/api/v1/webhooks/${endpoint.id}/deliveries`)).data.items as Json[];
  assert.equal(delivery!.cause, `rule:${created.id}`);

  await replay(ticket.id);
  assert.equal(receiver.received.length, 1, 'a replayed firing calls once');

  const { version } = (await t.api('GET', `/api/v1/webhooks/${endpoint.id}`)).data as Json;
  assert.equal((await t.api('DELETE', `/api/v1/webhooks/${endpoint.id}`, { ifMatch: version })).statusCode, 204);
  const second = await t.createTicket({ subject: '又一次告警' });
  assert.equal((await t.api('PATCH', `/api/v1/tickets/${second.id}`, { ifMatch: second.version, body: { priority: 'urgent' } })).statusCode, 200);
  await t.drain();
  const failed = (await firingsOf(created.id)).find((f) => f.ticketId === second.id);
  assert.deepEqual([failed?.status, failed?.actions[0].ok, failed?.error], ['failed', false, 'webhook.not_found']);
  // Its dangling endpoint is refused on any save (disabling too), so the rule is deleted.
  assert.equal((await t.api('DELETE', `/api/v1/rules/${created.id}`, { ifMatch: created.version })).statusCode, 204);
});

test('saving: unknown recipients, a disabled or unknown endpoint, no recipient, and unknown variables with line and column are 400s at the action’s field', async () => {
  const hook = await t.api('POST', '/api/v1/webhooks', { body: { url: receiver.url, eventTypes: ['survey.answered'] } });
  const endpoint = (hook.data as Json).endpoint;
  assert.equal((await t.api('PATCH', `/api/v1/webhooks/${endpoint.id}`, { body: { enabled: false }, ifMatch: endpoint.version })).statusCode, 200);
  const res = await t.api('POST', '/api/v1/rules', {
    body: {
      name: '坏规则',
      triggers: ['ticket.created'],
      actions: [
        { type: 'notify', recipients: { userIds: ['019ab000-0000-7000-8000-00000000dead'], teamIds: ['019ab000-0000-7000-8000-00000000beef'] }, texts: { 'zh-CN': '好', en: 'ok {{ticket.nmber}}' } },
        { type: 'webhook', endpointId: endpoint.id, eventType: 'rule.x' },
        { type: 'reply', body: '您好\n请看 {{requester.nam}}' },
        { type: 'notify', recipients: {}, texts: { 'zh-CN': '好', en: 'ok' } },
        { type: 'webhook', endpointId: '019ab000-0000-7000-8000-00000000f00d', eventType: 'rule.x' },
      ],
    },
  });
  const problem = assertProblem(res, 400, 'validation.failed');
  const at = (path: string) => problem.errors!.find((e) => e.path === path) as Json | undefined;
  assert.equal(at('actions.0.recipients.userIds')?.code, 'automation.action.unknown_user');
  assert.equal(at('actions.0.recipients.teamIds')?.code, 'automation.action.unknown_team');
  assert.equal(at('actions.0.texts.en')?.code, 'template.unknown_variable');
  assert.equal(at('actions.1.endpointId')?.code, 'automation.action.unknown_webhook');
  assert.deepEqual([at('actions.2.body')?.code, at('actions.2.body')?.params?.line, at('actions.2.body')?.params?.column], ['template.unknown_variable', 2, 4]);
  assert.equal(at('actions.3.recipients')?.code, 'automation.action.recipients_required');
  assert.equal(at('actions.4.endpointId')?.code, 'automation.action.unknown_webhook');
  const english = await t.api('POST', '/api/v1/rules', { headers: { 'accept-language': 'en' }, body: { name: 'x', triggers: ['ticket.created'], actions: [{ type: 'notify', recipients: {}, texts: { 'zh-CN': '好', en: 'ok' } }] } });
  assert.match(english.body, /Choose at least one recipient/);
});

test('the requester’s language: a contact whose locale is en gets the English text and a reply whose variables are in English; one without gets Chinese', async () => {
  const created = await rule({
    actions: [
      { type: 'notify', recipients: { requester: true }, texts: { 'zh-CN': '工单 {{ticket.number}} 已受理', en: 'Ticket {{ticket.number}} received' } },
      { type: 'reply', body: '[{{ticket.priority}}]' },
    ],
  });
  const contact = await t.api('POST', '/api/v1/contacts', { body: { name: 'Mr Smith', identities: [{ kind: 'email', value: 'smith@example.com' }], attributes: { locale: 'en-GB' } } });
  assert.equal(contact.statusCode, 201, contact.body);
  const english = await t.createTicket({ subject: 'Printer jam', channel: 'email', requester: { name: 'Mr Smith', email: 'smith@example.com' } });
  const chinese = await t.createTicket({ subject: '打印机卡纸', channel: 'email', requester: { name: '陈女士', email: 'chen@example.cn' } });
  await t.drain();
  const bodies = async (ticketId: string) =>
    (await queryRows<{ body: string }>(t.database.db, sql`select body from ticket_messages where ticket_id = ${ticketId} and not internal and (body like 'Ticket %' or body like '工单 %' or body like '[%') order by created_at, id`)).map((row) => row.body);
  assert.deepEqual(await bodies(english.id), [`Ticket ${english.number} received`, '[Normal]']);
  assert.deepEqual(await bodies(chinese.id), [`工单 ${chinese.number} 已受理`, '[中]']);
  await disable(created);
});
