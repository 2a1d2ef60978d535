import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ManualClock } from '../../app/clock.js';
import { assertProblem, createTestApp, type TestApp, type TestUser } from '../../app/test-app.js';
import { recordEvent } from '../../jobs/events.js';
import { slaBreached, slaWarning } from '../sla/index.js';
import { ticketMessageAdded } from '../tickets/index.js';
import { notifyStaff } from './index.js';

/**
 * Who hears about which ticket event in the in-app centre (never the actor), the inbox API (pages,
 * unread, read, read all; nobody reaches another's), preferences switching a kind off, and
 * `notifyStaff` called by another module inside its own transaction.
 */
type Json = Record<string, any>;
const clock = new ManualClock('2026-12-07T10:00:00+08:00');
let t: TestApp;
let agent: TestUser;
let colleague: TestUser;
let lead: TestUser;
let outsider: TestUser;
let teamId: string;

before(async () => {
  t = await createTestApp({}, { clock });
  agent = await t.user('agent', { name: '坐席甲' });
  colleague = await t.user('agent', { name: '坐席乙' });
  lead = await t.user('supervisor', { name: '主管' });
  outsider = await t.user('agent', { name: '别组' });
  teamId = await t.team('硬件支持组', [agent.id, colleague.id, lead.id]);
  await t.team('软件组', [outsider.id]);
  for (const user of [agent, colleague, lead]) user.actor.teamIds = [teamId];
});
after(() => t.close());

async function inbox(user: TestUser, query: Record<string, string | number> = {}): Promise<Json> {
  const res = await t.api('GET', '/api/v1/notifications', { as: user, query });
  assert.equal(res.statusCode, 200, res.body);
  return res.data;
}
const kindsOf = async (user: TestUser) => (await inbox(user, { unread: 1 })).items.map((n: Json) => n.kind);

async function readAll(...users: TestUser[]): Promise<void> {
  for (const user of users) assert.equal((await t.api('POST', '/api/v1/notifications/read-all', { as: user })).statusCode, 200);
}

test('a ticket assigned to someone tells them, in their language, with the ticket; never the agent who assigned themselves', async () => {
  const ticket = await t.createTicket<Json>({ subject: '打印机卡纸', assigneeId: agent.id, teamId });
  await t.drain();
  const page = await inbox(agent);
  assert.equal(page.unreadCount, 1);
  assert.equal(page.items[0].kind, 'ticket_assigned');
  assert.equal(page.items[0].ticketId, ticket.id);
  assert.equal(page.items[0].title, `工单 #${ticket.number}「打印机卡纸」已分配给你`);
  assert.equal(page.items[0].cause, 'agent');
  assert.deepEqual(await kindsOf(colleague), [], 'an assigned ticket is not the team\'s to claim');
  // The subject is read when shown, not copied: an edited subject shows as it is now.
  const renamed = await t.api('PATCH', `/api/v1/tickets/${ticket.id}`, { body: { subject: '打印机卡纸（已更正）' }, ifMatch: ticket.version });
  assert.equal(renamed.statusCode, 200, renamed.body);
  assert.equal((await inbox(agent)).items[0].title, `工单 #${ticket.number}「打印机卡纸（已更正）」已分配给你`);

  // The agent takes a ticket themselves: nobody is told.
  await t.createTicket({ subject: '自己接的单', assigneeId: agent.id }, { as: agent });
  const reassigned = await t.createTicket<Json>({ subject: '转给同事' }, { as: agent });
  const res = await t.api('PATCH', `/api/v1/tickets/${reassigned.id}`, { as: agent, body: { assigneeId: colleague.id }, ifMatch: reassigned.version });
  assert.equal(res.statusCode, 200, res.body);
  await t.drain();
  assert.equal((await inbox(agent)).unreadCount, 1, 'nothing new for the agent who acted');
  assert.deepEqual(await kindsOf(colleague), ['ticket_assigned']);
  await readAll(agent, colleague);
});

test("a new ticket of a team without an assignee tells the team's members (not the creator, not other teams)", async () => {
  const ticket = await t.createTicket<Json>({ subject: '服务器宕机', teamId }, { as: colleague });
  await t.drain();
  assert.deepEqual(await kindsOf(agent), ['team_ticket_unassigned']);
  assert.deepEqual(await kindsOf(lead), ['team_ticket_unassigned']);
  assert.deepEqual(await kindsOf(colleague), []);
  assert.deepEqual(await kindsOf(outsider), []);
  assert.equal((await inbox(agent)).items[0].ticketId, ticket.id);
  await readAll(agent, lead);

  // Moved into the team without an assignee: the same; moved with an assignee: only the assignee hears.
  const moved = await t.createTicket<Json>({ subject: '转入本组' });
  const res = await t.api('PATCH', `/api/v1/tickets/${moved.id}`, { body: { teamId }, ifMatch: moved.version });
  assert.equal(res.statusCode, 200, res.body);
  const withAssignee = await t.createTicket<Json>({ subject: '带处理人转入' });
  const res2 = await t.api('PATCH', `/api/v1/tickets/${withAssignee.id}`, { body: { teamId, assigneeId: lead.id }, ifMatch: withAssignee.version });
  assert.equal(res2.statusCode, 200, res2.body);
  await t.drain();
  assert.deepEqual(await kindsOf(agent), ['team_ticket_unassigned']);
  assert.deepEqual(await kindsOf(lead), ['ticket_assigned', 'team_ticket_unassigned']);
  await readAll(agent, lead, colleague);
});

test("a customer's reply and a colleague's internal note tell the assignee; the assignee's own note tells nobody", async () => {
  const ticket = await t.createTicket<Json>({ subject: '发票问题', assigneeId: agent.id, teamId });
  await t.drain();
  await readAll(agent);
  // A customer's message as the inbound path records it.
  await t.database.transaction((tx) =>
    recordEvent(tx, ticketMessageAdded, { aggregateId: ticket.id, cause: 'customer', contactId: null, payload: { messageId: '00000000-0000-7000-8000-000000000001', internal: false, channel: 'email' } }),
  );
  const note = await t.api('POST', `/api/v1/tickets/${ticket.id}/messages`, { as: colleague, body: { body: '客户是 VIP', internal: true } });
  assert.equal(note.statusCode, 201, note.body);
  const own = await t.api('POST', `/api/v1/tickets/${ticket.id}/messages`, { as: agent, body: { body: '已联系', internal: true } });
  assert.equal(own.statusCode, 201, own.body);
  await t.drain();
  assert.deepEqual(await kindsOf(agent), ['internal_note', 'customer_replied']);
  assert.deepEqual(await kindsOf(colleague), []);
  await readAll(agent);
});

test("an SLA warning and a breach tell the assignee and the team's supervisors", async () => {
  const ticket = await t.createTicket<Json>({ subject: '网络中断', assigneeId: agent.id, teamId });
  await t.drain();
  await readAll(agent);
  const firing = { target: 'first_response' as const, cycle: 1, timerId: ticket.id, dueAt: null, plannedAt: clock.now().toISOString(), assigneeId: agent.id, teamId };
  await t.database.transaction(async (tx) => {
    await recordEvent(tx, slaWarning, { aggregateId: ticket.id, cause: 'sla', payload: { ...firing, event: 'warning' } });
    await recordEvent(tx, slaBreached, { aggregateId: ticket.id, cause: 'sla', payload: { ...firing, event: 'breached' } });
  });
  await t.drain();
  assert.deepEqual(await kindsOf(agent), ['sla_breached', 'sla_warning']);
  assert.deepEqual(await kindsOf(lead), ['sla_breached', 'sla_warning']);
  assert.deepEqual(await kindsOf(colleague), [], 'an agent of the team is no supervisor');
  assert.equal((await inbox(lead)).items[0].title, `SLA 已超时：#${ticket.number}「网络中断」`);
  await readAll(agent, lead);
});

test('pages newest first with a cursor, unread only on request, and each read counts down', async () => {
  for (let i = 1; i <= 5; i++) {
    await t.createTicket({ subject: `第 ${i} 张`, assigneeId: colleague.id });
    clock.advanceMinutes(1);
  }
  await t.drain();
  const first = await inbox(colleague, { limit: 2, unread: 1 });
  assert.deepEqual(first.items.map((n: Json) => n.title.match(/第 \d 张/)![0]), ['第 5 张', '第 4 张']);
  assert.equal(first.unreadCount, 5);
  const second = await inbox(colleague, { limit: 2, unread: 1, cursor: first.nextCursor });
  assert.deepEqual(second.items.map((n: Json) => n.title.match(/第 \d 张/)![0]), ['第 3 张', '第 2 张']);
  const third = await inbox(colleague, { limit: 2, unread: 1, cursor: second.nextCursor });
  assert.equal(third.items.length, 1);
  assert.equal(third.nextCursor, null);

  const read = await t.api('POST', `/api/v1/notifications/${first.items[0].id}/read`, { as: colleague });
  assert.equal(read.statusCode, 200, read.body);
  assert.equal(read.data.unreadCount, 4);
  assert.equal((await inbox(colleague, { unread: 1 })).items.length, 4);
  assert.ok((await inbox(colleague)).items.find((n: Json) => n.id === first.items[0].id).readAt, 'read ones stay in the full list');

  assertProblem(await t.api('GET', '/api/v1/notifications', { as: colleague, query: { cursor: 'bm9wZQ' } }), 400, 'validation.failed');
  assertProblem(await t.api('GET', '/api/v1/notifications', { as: colleague, query: { limit: 500 } }), 400, 'validation.failed');
  const all = await t.api('POST', '/api/v1/notifications/read-all', { as: colleague });
  assert.deepEqual(all.data, { marked: 4, unreadCount: 0 });
});

test("nobody reads or marks another user's notifications", async () => {
  await t.createTicket({ subject: '私人通知', assigneeId: agent.id });
  await t.drain();
  const mine = (await inbox(agent)).items[0];
  assert.equal((await inbox(outsider)).items.length, 0);
  assertProblem(await t.api('POST', `/api/v1/notifications/${mine.id}/read`, { as: outsider }), 404, 'notifications.not_found');
  await t.api('POST', '/api/v1/notifications/read-all', { as: outsider });
  assert.equal((await inbox(agent)).unreadCount, 1, "another user's read-all leaves mine unread");
  assertProblem(await t.api('GET', '/api/v1/notifications', { as: null }), 401, 'auth.unauthenticated');
  await readAll(agent);
});

test('a kind switched off in the preferences is not delivered; the preferences need the version read', async () => {
  const current = await t.api('GET', '/api/v1/me/notification-preferences', { as: agent });
  assert.equal(current.statusCode, 200, current.body);
  assert.equal(current.data.version, 0);
  assert.equal(current.data.kinds.ticket_assigned.enabled, true);
  assert.deepEqual(current.data.available, { email: false, wecom: false, dingtalk: false });
  const { version: _v, available: _a, ...settings } = current.data;
  const off = { ...settings, kinds: { ...settings.kinds, ticket_assigned: { ...settings.kinds.ticket_assigned, enabled: false } } };
  assertProblem(await t.api('PUT', '/api/v1/me/notification-preferences', { as: agent, body: off }), 428, 'notifications.if_match_required');
  assertProblem(await t.api('PUT', '/api/v1/me/notification-preferences', { as: agent, body: off, ifMatch: 3 }), 412, 'notifications.preferences_version_mismatch');
  const bad = await t.api('PUT', '/api/v1/me/notification-preferences', { as: agent, body: { ...off, quietHours: { start: '25:00', end: '07:00' } }, ifMatch: 0 });
  assertProblem(bad, 400, 'validation.failed');
  assert.ok(bad.data.errors.some((e: Json) => e.path === 'quietHours.start'), bad.body);
  assertProblem(await t.api('PUT', '/api/v1/me/notification-preferences', { as: agent, body: { ...off, timeZone: 'Mars/Base' }, ifMatch: 0 }), 400, 'validation.failed');
  const saved = await t.api('PUT', '/api/v1/me/notification-preferences', { as: agent, body: off, ifMatch: 0 });
  assert.equal(saved.statusCode, 200, saved.body);
  assert.equal(saved.data.version, 1);

  await t.createTicket({ subject: '不想收到', assigneeId: agent.id });
  await t.createTicket({ subject: '同事照常收到', assigneeId: colleague.id });
  await t.drain();
  assert.equal((await inbox(agent)).unreadCount, 0);
  assert.equal((await inbox(colleague)).unreadCount, 1);
  await readAll(colleague);
});

test('notifyStaff writes in the caller\'s transaction: users, teams and roles each once, never the actor, nothing on rollback, once per source', async () => {
  const ticket = await t.createTicket<Json>({ subject: 'VIP 客户' });
  await t.drain();
  const input = {
    recipients: { userIds: [colleague.id], teamIds: [teamId], roles: ['supervisor' as const] },
    kind: 'rule' as const,
    ticketId: ticket.id,
    message: { texts: { 'zh-CN': '规则「VIP 升级」：请尽快处理', en: 'Rule "VIP": please handle soon' } },
    cause: 'rule:0190a000-0000-7000-8000-000000000001' as const,
    actorId: agent.id,
    sourceKey: 'rule-firing:1',
    now: clock.now(),
    defaultTimeZone: 'Asia/Shanghai',
  };
  await assert.rejects(
    t.database.transaction(async (tx) => {
      await notifyStaff(tx, input);
      throw new Error('the caller fails');
    }),
  );
  assert.equal((await inbox(colleague)).unreadCount, 0, 'rolled back with the caller');
  const written = await t.database.transaction((tx) => notifyStaff(tx, input));
  assert.equal(written, 2 + (await t.api('GET', '/api/v1/users', { query: { role: 'supervisor' } })).data.items.filter((u: Json) => u.id !== lead.id && u.active !== false).length);
  assert.equal(await t.database.transaction((tx) => notifyStaff(tx, input)), 0, 'the same source again adds nothing');
  const got = (await inbox(colleague)).items[0];
  assert.equal(got.title, '规则「VIP 升级」：请尽快处理');
  assert.equal(got.cause, input.cause);
  assert.equal((await inbox(lead)).items[0].title, '规则「VIP 升级」：请尽快处理');
  assert.equal((await inbox(agent)).unreadCount, 0, 'the actor is not told');
  const english = await t.user('agent');
  await t.database.db.execute(`update users set locale = 'en' where id = '${english.id}'`);
  english.actor.locale = 'en';
  await t.database.transaction((tx) => notifyStaff(tx, { ...input, recipients: { userIds: [english.id] }, message: { key: 'notifications.title.ticket_assigned', params: { number: '1', subject: 'Printer' } }, sourceKey: 'rule-firing:2' }));
  // A catalogue message about a ticket reads the ticket's number and subject as they are now.
  assert.equal((await inbox(english)).items[0].title, `Ticket #${ticket.number} "VIP 客户" was assigned to you`);
  await assert.rejects(t.database.transaction((tx) => notifyStaff(tx, { ...input, message: { key: 'no.such.key', params: {} }, sourceKey: 'rule-firing:3' })));
});
