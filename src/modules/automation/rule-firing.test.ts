import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { createTestApp, type TestApp, type TestUser } from '../../app/test-app.js';
import { queryRows } from '../../db/database.js';
import { domainEvents } from '../../jobs/schema.js';

/** Rules firing on ticket events: each action through the owning service with cause rule:<id>, the firing log, stop_after. */
let t: TestApp;
let agent: TestUser;
let hardwareTeam: string;
let hardwareCategory: string;
before(async () => {
  t = await createTestApp();
  hardwareTeam = await t.team('硬件支持组');
  agent = await t.user('agent', { teamIds: [hardwareTeam] });
  const category = await t.api('POST', '/api/v1/categories', { body: { nameZh: '硬件故障' } });
  assert.equal(category.statusCode, 201, category.body);
  hardwareCategory = category.json().id;
});
after(() => t.close());

async function rule(body: Record<string, unknown>): Promise<{ id: string; version: number }> {
  const res = await t.api('POST', '/api/v1/rules', { body: { name: '规则', triggers: ['ticket.created'], ...body } });
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
}

async function disableAll(): Promise<void> {
  for (const existing of (await t.api('GET', '/api/v1/rules')).json().items) {
    if (existing.enabled) assert.equal((await t.api('PUT', `/api/v1/rules/${existing.id}/enabled`, { headers: { 'if-match': `"${existing.version}"` }, body: { enabled: false } })).statusCode, 200);
  }
}

const ticketOf = async (id: string) => (await t.api('GET', `/api/v1/tickets/${id}`)).json();
const eventsOf = (ticketId: string) => t.database.db.select().from(domainEvents).where(and(eq(domainEvents.aggregateType, 'ticket'), eq(domainEvents.aggregateId, ticketId))).orderBy(domainEvents.id);

test('微信来源且分类为硬件故障 → 分配给硬件支持组: the team is set and the assignee cleared by the rule, logged as a firing', async () => {
  const created = await rule({
    name: '微信硬件故障',
    conditions: { all: [{ field: 'channel', op: 'is', value: 'wechat' }, { field: 'category', op: 'is', value: hardwareCategory }] },
    actions: [{ type: 'assign_team', teamId: hardwareTeam }],
  });
  const matching = await t.createTicket({ channel: 'wechat', categoryId: hardwareCategory, subject: '打印机卡纸', assigneeId: agent.id });
  const other = await t.createTicket({ channel: 'api', categoryId: hardwareCategory, subject: '电话报修' });
  await t.drain();
  const after = await ticketOf(matching.id);
  assert.equal(after.teamId, hardwareTeam);
  assert.equal(after.assigneeId, null, 'the assignment module hands it out');
  assert.equal((await ticketOf(other.id)).teamId, null, 'another channel: no match');
  const update = (await eventsOf(matching.id)).find((event) => event.type === 'ticket.updated');
  assert.equal(update?.cause, `rule:${created.id}`);
  assert.equal(update?.actorId, created.id, 'the rule acts as itself: its timeline entry names it');
  const firings = (await t.api('GET', `/api/v1/rules/${created.id}/firings`)).json().items;
  assert.equal(firings.length, 1);
  assert.equal(firings[0].ticketId, matching.id);
  assert.equal(firings[0].ruleVersion, 1);
  assert.equal(firings[0].eventType, 'ticket.created');
  assert.equal(firings[0].eventCause, 'agent');
  assert.equal(firings[0].status, 'done');
  assert.equal(firings[0].depth, 1);
  assert.deepEqual(firings[0].actions.map((a: { type: string; ok: boolean }) => [a.type, a.ok]), [['assign_team', true]]);
  assert.ok(Number.isInteger(firings[0].durationMs));
  const global = (await t.api('GET', `/api/v1/rule-firings?ticketId=${matching.id}`)).json().items;
  assert.deepEqual(global.map((f: { id: string }) => f.id), [firings[0].id]);
  await disableAll();
});

test('every action goes through its module with cause rule:<id>: fields (custom too), tags, note, type, assignee, a linked follow-up', async () => {
  const field = await t.api('POST', '/api/v1/ticket-fields', { body: { key: 'device_sn', label: { 'zh-CN': '设备序列号', en: 'Device S/N' }, type: 'text' } });
  assert.equal(field.statusCode, 201, field.body);
  const type = await t.api('POST', '/api/v1/ticket-types', { body: { key: 'repair', label: { 'zh-CN': '维修', en: 'Repair' }, form: { sections: [], rules: [] } } });
  assert.equal(type.statusCode, 201, type.body);
  const everything = await rule({
    name: 'VIP 升级',
    conditions: { field: 'tags', op: 'contains', value: ['vip'] },
    actions: [
      { type: 'set_field', field: 'priority', value: 'urgent' },
      { type: 'set_field', field: 'fields.device_sn', value: 'SN-001' },
      { type: 'add_tags', tags: ['升级'] },
      { type: 'remove_tags', tags: ['vip'] },
      { type: 'add_note', body: '已按 VIP 规则升级' },
      { type: 'change_type', typeKey: 'repair' },
      { type: 'assign_user', userId: agent.id },
      { type: 'create_follow_up', subject: '回访 VIP 客户' },
    ],
  });
  const ticket = await t.createTicket({ subject: 'VIP 客户来电', tags: ['vip'], requester: { name: '王女士', email: 'wang@example.test' } });
  await t.drain();
  const after = await ticketOf(ticket.id);
  assert.equal(after.priority, 'urgent');
  assert.equal(after.fields.device_sn, 'SN-001');
  assert.deepEqual(after.tags, ['升级']);
  assert.equal(after.type?.key ?? after.type, 'repair');
  assert.equal(after.assigneeId, agent.id);
  const events = await eventsOf(ticket.id);
  const byRule = events.filter((event) => event.cause === `rule:${everything.id}`);
  assert.deepEqual(byRule.map((event) => event.type), ['ticket.updated', 'ticket.updated', 'ticket.updated', 'ticket.updated', 'ticket.message_added', 'ticket.updated', 'ticket.updated']);
  const note = byRule.find((event) => event.type === 'ticket.message_added');
  assert.equal(note?.payload.internal, true);
  const firing = (await t.api('GET', `/api/v1/rules/${everything.id}/firings`)).json().items[0];
  assert.equal(firing.status, 'done', JSON.stringify(firing));
  const followUpId = firing.actions.at(-1).detail.ticketId;
  const [followUpCreated] = await t.database.db.select().from(domainEvents).where(and(eq(domainEvents.type, 'ticket.created'), eq(domainEvents.aggregateId, followUpId)));
  assert.equal(followUpCreated?.cause, `rule:${everything.id}`);
  assert.equal(followUpCreated?.payload.followUpOf, ticket.id);
  const followUp = await ticketOf(followUpId);
  assert.equal(followUp.subject, '回访 VIP 客户');
  assert.equal(followUp.requester?.email, 'wang@example.test', 'the same requester');
  // The timeline's entries are the rule's, named by its rule name (the console shows "规则「VIP 升级」将 优先级 从 普通 改为 紧急").
  const timeline = (await t.api('GET', `/api/v1/tickets/${ticket.id}/timeline`, { as: agent })).json().items;
  const priority = timeline.find((entry: { field: string | null }) => entry.field === 'priority');
  assert.equal(priority.actor.id, everything.id);
  const names = (await t.api('GET', `/api/v1/rule-names?ids=${everything.id}`, { as: agent })).json().items;
  assert.deepEqual(names, [{ id: everything.id, name: 'VIP 升级' }]);
  await disableAll();
});

test('an action that fails ends its firing with the error logged; the queue goes on', async () => {
  const failing = await rule({ name: '坏值', conditions: { field: 'subject', op: 'contains', value: '坏值' }, actions: [{ type: 'add_tags', tags: ['先做'] }, { type: 'set_field', field: 'fields.device_sn', value: 12 }, { type: 'add_tags', tags: ['不做'] }] });
  const ticket = await t.createTicket({ subject: '坏值测试' });
  await t.drain();
  const firing = (await t.api('GET', `/api/v1/rules/${failing.id}/firings`)).json().items[0];
  assert.equal(firing.status, 'failed');
  assert.deepEqual(firing.actions.map((a: { type: string; ok: boolean }) => [a.type, a.ok]), [['add_tags', true], ['set_field', false]]);
  assert.ok(firing.error);
  assert.deepEqual((await ticketOf(ticket.id)).tags, ['先做']);
  await disableAll();
});

test('stop_after ends the pass for the event: later rules that hold do not fire', async () => {
  const condition = { field: 'subject', op: 'contains', value: '顺序' };
  const first = await rule({ name: '第一', conditions: condition, actions: [{ type: 'add_tags', tags: ['第一'] }], stopAfter: true });
  const second = await rule({ name: '第二', conditions: condition, actions: [{ type: 'add_tags', tags: ['第二'] }] });
  const stopped = await t.createTicket({ subject: '顺序一' });
  await t.drain();
  assert.deepEqual((await ticketOf(stopped.id)).tags, ['第一']);
  const res = await t.api('PATCH', `/api/v1/rules/${first.id}`, { headers: { 'if-match': `"${first.version}"` }, body: { stopAfter: false } });
  assert.equal(res.statusCode, 200, res.body);
  const both = await t.createTicket({ subject: '顺序二' });
  await t.drain();
  assert.deepEqual((await ticketOf(both.id)).tags, ['第一', '第二']);
  assert.equal((await t.api('GET', `/api/v1/rules/${second.id}/firings`)).json().items.length, 1);
  await disableAll();
});

test('loop guard: two rules that would ping-pong forever stop at the depth limit, with rule.chain_stopped saying why; an event replayed fires nothing twice', async () => {
  const toLow = await rule({ name: '紧急改低', triggers: ['ticket.updated'], conditions: { field: 'priority', op: 'changed_to', value: 'urgent' }, actions: [{ type: 'set_field', field: 'priority', value: 'low' }] });
  const toUrgent = await rule({ name: '低改紧急', triggers: ['ticket.updated'], conditions: { field: 'priority', op: 'changed_to', value: 'low' }, actions: [{ type: 'set_field', field: 'priority', value: 'urgent' }] });
  const ticket = await t.createTicket({ subject: '乒乓' });
  const patched = await t.api('PATCH', `/api/v1/tickets/${ticket.id}`, { headers: { 'if-match': `"${ticket.version}"` }, body: { priority: 'urgent' } });
  assert.equal(patched.statusCode, 200, patched.body);
  await t.drain();
  const firings = (await t.api('GET', `/api/v1/rule-firings?ticketId=${ticket.id}`)).json().items.reverse();
  assert.deepEqual(firings.map((f: { ruleId: string; depth: number }) => [f.ruleId, f.depth]), [[toLow.id, 1], [toUrgent.id, 2], [toLow.id, 3], [toUrgent.id, 4], [toLow.id, 5]]);
  const [stop] = (await eventsOf(ticket.id)).filter((event) => event.type === 'rule.chain_stopped');
  assert.ok(stop, 'an audit entry');
  assert.equal(stop.payload.depth, 6);
  assert.equal(stop.payload.limit, 5);
  assert.equal(stop.payload.causeRuleId, toLow.id);
  assert.deepEqual(stop.payload.ruleIds, [toUrgent.id]);
  assert.equal((await ticketOf(ticket.id)).priority, 'low', 'the last change stands');

  // The same events handed out again (a replay, a second worker) fire no rule a second time.
  const ids = firings.map((f: { eventId: number }) => f.eventId);
  await t.database.db.update(domainEvents).set({ dispatchedAt: null }).where(inArray(domainEvents.id, ids));
  await t.drain();
  const again = (await t.api('GET', `/api/v1/rule-firings?ticketId=${ticket.id}`)).json().items;
  assert.equal(again.length, 5);
  const [updates] = await queryRows<{ count: number }>(t.database.db, sql`select count(*)::int as count from domain_events where type = 'ticket.updated' and aggregate_id = ${ticket.id}`);
  assert.equal(updates?.count, 6, 'the agent’s change and five rule changes, nothing more');
  await disableAll();
});

test('the relay makes an automation job only for events some enabled rule listens to (no job per ticket without rules)', async () => {
  await disableAll();
  await t.drain(); // the worker's due-row poll reads the trigger set
  const subscription = t.context.jobs.subscribersOf('ticket.created').find((s) => s.jobType === 'automation.rules');
  assert.ok(subscription?.accepts);
  const created = { eventId: 1, type: 'ticket.created', version: 1, aggregateType: 'ticket', aggregateId: '019ab000-0000-7000-8000-000000000001', cause: 'agent', actorId: null, contactId: null, occurredAt: new Date().toISOString(), payload: { number: '1', teamId: null, assigneeId: null, priority: 'normal', channel: 'api' } };
  assert.equal(subscription.accepts(created), false, 'every rule disabled: no job');
  const listening = await rule({ name: '新建即打标签', conditions: { field: 'subject', op: 'contains', value: '不存在的词' }, actions: [{ type: 'add_tags', tags: ['x'] }] });
  assert.equal(subscription.accepts(created), true, 'a rule listening to ticket creation, saved through this process: at once');
  const updated = t.context.jobs.subscribersOf('ticket.updated').find((s) => s.jobType === 'automation.rules');
  await t.drain();
  assert.equal(updated?.accepts?.({ ...created, type: 'ticket.updated', payload: { fields: ['priority'] } }), false, 'nothing listens to updates');
  assert.equal(subscription.accepts(created), true);
  await t.api('PUT', `/api/v1/rules/${listening.id}/enabled`, { headers: { 'if-match': `"${listening.version}"` }, body: { enabled: false } });
  await t.drain();
  assert.equal(subscription.accepts(created), false);
});
