import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { ManualClock } from '../../app/clock.js';
import { createTestApp, type TestApp } from '../../app/test-app.js';
import { writeRulesOf } from '../../app/write-rules.js';
import { queryRows } from '../../db/database.js';
import { countStatements } from '../../db/statement-count.js';
import { attachmentStoreIn, receiveInboundMessage } from '../tickets/index.js';
import { timeRuleDueRows } from './fire-time-rules.js';
import { RuleSetCache } from './rule-set.js';
import { TriggerCache } from './trigger-cache.js';

/**
 * Time rules (定时规则) with a ManualClock: 等待客户 7 个工作日 → 关闭 over a calendar with the 2026
 * National Day holidays and its 调休 Saturday (10-10), anchors that move, N polls, downtime, a rule
 * changed after its rows were written, and the cost of a poll among many waiting tickets.
 */
const clock = new ManualClock('2026-10-09T10:00:00+08:00');
let t: TestApp;
let calendarId: string;
const office = [{ start: '09:00', end: '18:00' }];
before(async () => {
  t = await createTestApp({}, { clock });
  const calendar = await t.api('POST', '/api/v1/sla/calendars', {
    body: { nameZh: '上海客服中心', weekly: [[], office, office, office, office, office, []], holidays: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'], workdays: ['2026-09-20', '2026-10-10'] },
  });
  assert.equal(calendar.statusCode, 201, calendar.body);
  calendarId = calendar.json().id;
});
after(() => t.close());

const closedTag = '超时关闭';
const waitingRule = (days: number, extra: Record<string, unknown> = {}) => ({
  name: `等待客户 ${days} 个工作日 → 关闭`,
  kind: 'time',
  timeTrigger: { anchor: 'status', status: 'pending', amount: days, unit: 'business_days', calendarId },
  // "→ 关闭" should be set_field status closed: on main the set_field check refuses every valid
  // status (it falls through to the custom-field check; actions/ belongs to another change), so the
  // rule marks the ticket and the test reads the mark.
  actions: [{ type: 'add_tags', tags: [closedTag] }],
  ...extra,
});

async function createRule(body: Record<string, unknown>): Promise<{ id: string; version: number }> {
  const res = await t.api('POST', '/api/v1/rules', { body });
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
}

async function removeRule(rule: { id: string }): Promise<void> {
  const current = (await t.api('GET', `/api/v1/rules/${rule.id}`)).json();
  assert.equal((await t.api('DELETE', `/api/v1/rules/${rule.id}`, { headers: { 'if-match': `"${current.version}"` } })).statusCode, 204);
  await t.drain();
}

/** A ticket a customer opened by email, then set 等待客户 by an agent at the clock's now. */
async function pendingTicket(subject: string): Promise<string> {
  const received = await receiveInboundMessage(t.database, { channel: 'email', externalId: `<${subject}@mail.example.cn>`, requester: { name: '王先生', email: 'wang@example.cn' }, subject, body: '空调不制冷' }, inboundOptions());
  await t.drain();
  await setStatus(received.ticketId, 'pending');
  return received.ticketId;
}

const inboundOptions = () => ({ timeZone: t.config.OPENCSM_TIMEZONE, store: attachmentStoreIn(t.config.OPENCSM_DATA_DIR), guards: t.context.transitionGuards, fieldTypes: t.context.fieldTypes });

async function setStatus(ticketId: string, status: string): Promise<void> {
  const ticket = (await t.api('GET', `/api/v1/tickets/${ticketId}`)).json();
  const res = await t.api('PATCH', `/api/v1/tickets/${ticketId}`, { headers: { 'if-match': `"${ticket.version}"` }, body: { status } });
  assert.equal(res.statusCode, 200, res.body);
  await t.drain();
}

/** `closed` once the rule's mark is on the ticket (see waitingRule), else the ticket's status. */
const statusOf = async (ticketId: string) => {
  const ticket = (await t.api('GET', `/api/v1/tickets/${ticketId}`)).json();
  return ticket.tags.includes(closedTag) ? 'closed' : (ticket.status as string);
};
const firingsOf = async (ruleId: string, ticketId: string) => (await t.api('GET', `/api/v1/rule-firings?ticketId=${ticketId}`)).json().items.filter((f: { ruleId: string }) => f.ruleId === ruleId);

async function at(instant: string): Promise<void> {
  clock.set(instant);
  await t.drain();
}

test('validation names the field: a time rule needs its trigger, a status for the status anchor, a calendar for business time', async () => {
  const cases: Array<[Record<string, unknown>, string]> = [
    [{ ...waitingRule(7), timeTrigger: undefined }, 'timeTrigger'],
    [waitingRule(7, { timeTrigger: { anchor: 'status', amount: 3, unit: 'business_days', calendarId } }), 'timeTrigger.status'],
    [waitingRule(7, { timeTrigger: { anchor: 'unassigned', amount: 30, unit: 'business_minutes' } }), 'timeTrigger.calendarId'],
    [waitingRule(7, { timeTrigger: { anchor: 'unassigned', amount: 30, unit: 'business_hours', calendarId: '019ab000-0000-7000-8000-000000000000' } }), 'timeTrigger.calendarId'],
    [waitingRule(7, { triggers: ['ticket.created'] }), 'triggers'],
    [{ name: '没有触发事件', actions: [{ type: 'add_tags', tags: ['x'] }] }, 'triggers'],
  ];
  for (const [body, path] of cases) {
    const res = await t.api('POST', '/api/v1/rules', { body });
    assert.equal(res.statusCode, 400, `${path}: ${res.body}`);
    assert.ok(res.json().errors.some((error: { path: string }) => error.path === path), `${path}: ${res.body}`);
  }
});

test('等待客户 7 个工作日 → 关闭: counts the 调休 Saturday, skips the weekends, fires on the 7th business day at the anchor time, not before, once', async () => {
  clock.set('2026-10-09T10:00:00+08:00'); // a Friday
  const rule = await createRule(waitingRule(7));
  const ticketId = await pendingTicket('七个工作日');
  // Working days after Fri 10-09: Sat 10-10 (调休), Mon 12 … Fri 16, Mon 19 → the 7th is Mon 10-19.
  await at('2026-10-16T18:00:00+08:00');
  await at('2026-10-19T09:59:00+08:00');
  assert.equal(await statusOf(ticketId), 'pending', 'not before the 7th business day');
  await at('2026-10-19T10:00:00+08:00');
  assert.equal(await statusOf(ticketId), 'closed');
  const firings = await firingsOf(rule.id, ticketId);
  assert.equal(firings.length, 1);
  assert.equal(firings[0].dueAt, '2026-10-19T02:00:00.000Z');
  assert.equal(firings[0].eventType, 'rule.time_due');
  assert.equal(firings[0].status, 'done');
  const closing = await queryRows<{ cause: string }>(t.database.db, sql`select cause from domain_events where aggregate_id = ${ticketId} and type = 'ticket.updated' order by id desc limit 1`);
  assert.equal(closing[0]?.cause, `rule:${rule.id}`, 'the change names the rule');
  const timeline = (await t.api('GET', `/api/v1/tickets/${ticketId}/timeline?limit=100`)).json().items;
  assert.ok(timeline.some((entry: { field: string | null; actor: { id: string } | null }) => entry.field === 'tags' && entry.actor?.id === rule.id), 'the timeline shows the rule as the actor (the console names it)');
  await at('2026-10-30T10:00:00+08:00');
  assert.equal((await firingsOf(rule.id, ticketId)).length, 1, 'a later poll fires nothing more');
  await removeRule(rule);
});

test('a customer reply in between moves the anchor: nothing fires at the old due time, the new one fires once', async () => {
  clock.set('2026-10-09T10:00:00+08:00');
  const rule = await createRule(waitingRule(7));
  const ticketId = await pendingTicket('客户回复');
  clock.set('2026-10-12T15:00:00+08:00');
  await receiveInboundMessage(t.database, { channel: 'email', externalId: '<reply-1@mail.example.cn>', ticketId, requester: { name: '王先生', email: 'wang@example.cn' }, subject: 'Re: 客户回复', body: '还是不制冷' }, inboundOptions());
  await t.drain();
  assert.equal(await statusOf(ticketId), 'open', 'the reply reopened it');
  clock.set('2026-10-13T11:00:00+08:00'); // a Tuesday: 7 working days later is Thu 10-22 11:00
  await setStatus(ticketId, 'pending');
  await at('2026-10-19T10:00:00+08:00');
  assert.equal(await statusOf(ticketId), 'pending', 'the old due time fires nothing');
  await at('2026-10-22T10:59:00+08:00');
  assert.equal(await statusOf(ticketId), 'pending');
  await at('2026-10-22T11:00:00+08:00');
  assert.equal(await statusOf(ticketId), 'closed');
  const firings = await firingsOf(rule.id, ticketId);
  assert.deepEqual(firings.map((f: { dueAt: string }) => f.dueAt), ['2026-10-22T03:00:00.000Z']);
  await removeRule(rule);
});

test('two workers polling at once and polls repeated fire each due row once; after downtime every missed due time fires once', async () => {
  clock.set('2026-10-09T10:00:00+08:00');
  const rule = await createRule({ name: '未分配 30 分钟 → 通知主管', kind: 'time', timeTrigger: { anchor: 'unassigned', amount: 30, unit: 'minutes' }, actions: [{ type: 'add_tags', tags: ['无人认领'] }] });
  const tickets: string[] = [];
  for (const minutes of [0, 60, 180]) {
    clock.set(new Date(Date.parse('2026-10-09T10:00:00+08:00') + minutes * 60_000));
    tickets.push((await t.createTicket({ subject: `未分配 ${minutes}` })).id);
    await t.drain();
  }
  // Down until the evening: all three fell due meanwhile (10:30, 11:30, 13:30).
  clock.set('2026-10-09T20:00:00+08:00');
  await Promise.all([t.drain(), t.drain(), t.drain()]);
  await t.drain();
  for (const ticketId of tickets) {
    assert.equal((await firingsOf(rule.id, ticketId)).length, 1, `ticket ${ticketId}`);
    assert.ok((await t.api('GET', `/api/v1/tickets/${ticketId}`)).json().tags.includes('无人认领'));
  }
  // (The earlier tests' tickets, unassigned too, were backfilled at their creation by the system clock: not due here.)
  const due = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from automation_time_due where rule_id = ${rule.id} and ticket_id in (${sql.join(tickets.map((id) => sql`${id}::uuid`), sql`, `)})`);
  assert.equal(due[0]!.n, 0, 'every due row was consumed');
  await removeRule(rule);
});

test('a rule changed after its rows were written: a shorter delay fires at the new due time, a new anchor drops the old rows', async () => {
  clock.set('2026-10-09T10:00:00+08:00');
  const rule = await createRule(waitingRule(7));
  const ticketId = await pendingTicket('规则改短');
  const other = await pendingTicket('规则改锚点');
  const changed = await t.api('PATCH', `/api/v1/rules/${rule.id}`, { headers: { 'if-match': `"${rule.version}"` }, body: { timeTrigger: { anchor: 'status', status: 'pending', amount: 3, unit: 'business_days', calendarId } } });
  assert.equal(changed.statusCode, 200, changed.body);
  await t.drain();
  // Sat 10-10 (调休), Mon 12, Tue 13 → due Tue 10-13 10:00.
  await at('2026-10-13T09:59:00+08:00');
  assert.equal(await statusOf(ticketId), 'pending');
  await at('2026-10-13T10:00:00+08:00');
  assert.equal(await statusOf(ticketId), 'closed');
  assert.equal(await statusOf(other), 'closed');
  // Another anchor: the rows written for 等待客户 no longer mean anything.
  const third = await pendingTicket('锚点改变');
  const current = (await t.api('GET', `/api/v1/rules/${rule.id}`)).json();
  const moved = await t.api('PATCH', `/api/v1/rules/${rule.id}`, { headers: { 'if-match': `"${current.version}"` }, body: { timeTrigger: { anchor: 'status', status: 'resolved', amount: 3, unit: 'business_days', calendarId } } });
  assert.equal(moved.statusCode, 200, moved.body);
  await t.drain();
  await at('2026-11-30T10:00:00+08:00');
  assert.equal(await statusOf(third), 'pending', 'a row of the old anchor fired nothing');
  await removeRule(rule);
});

test('cost: 10 000 tickets waiting, one due → one firing and the same statements as with 10 waiting', async () => {
  clock.set('2026-10-09T10:00:00+08:00');
  const rule = await createRule({ name: '创建 1 小时 → 标记', kind: 'time', timeTrigger: { anchor: 'created', amount: 60, unit: 'minutes' }, actions: [{ type: 'add_tags', tags: ['一小时'] }] });
  const log = pino({ level: 'silent' });
  // The revision read once and trusted from then on: a cache read a second old reads the revision row
  // again, and inserting 10 000 rows takes about that long, which made the count follow the wall clock.
  const source = timeRuleDueRows({ rules: new RuleSetCache(new TriggerCache(Number.POSITIVE_INFINITY)), types: t.context.fieldTypes, clock, writeRules: writeRulesOf(t.context), replyChannels: t.context.replyChannels, timeZone: 'Asia/Shanghai' });
  const waiting = async (count: number) =>
    t.database.db.execute(sql`insert into automation_time_due (ticket_id, rule_id, anchor_at, due_at, rule_version)
      select gen_random_uuid(), ${rule.id}::uuid, ${clock.now().toISOString()}::timestamptz, ${'2026-12-31T00:00:00Z'}::timestamptz + (n || ' seconds')::interval, 1 from generate_series(1, ${count}) n`);
  const oneDue = async (subject: string) => {
    const ticket = await t.createTicket({ subject });
    await t.drain();
    clock.advanceMinutes(60);
    return ticket.id as string;
    // (the clock stays an hour on: each next ticket is due an hour after the previous)
  };
  await waiting(10);
  const first = await oneDue('预热');
  await source({ database: t.database, log }); // compiles the rule set once, as a worker's first round does
  const small = await oneDue('少量等待');
  const fewStatements = await countStatements(t.database, () => source({ database: t.database, log }));
  await waiting(9_990);
  const large = await oneDue('大量等待');
  const manyStatements = await countStatements(t.database, () => source({ database: t.database, log }));
  for (const ticketId of [first, small, large]) assert.equal((await firingsOf(rule.id, ticketId)).length, 1);
  assert.equal(manyStatements, fewStatements, `10 000 waiting: ${manyStatements} statements, 10 waiting: ${fewStatements}`);
  assert.ok(manyStatements <= 30, `${manyStatements} statements`);
  const idle = await countStatements(t.database, () => source({ database: t.database, log }));
  assert.equal(idle, 1, 'nothing due: one index probe');
  await t.database.db.execute(sql`delete from automation_time_due where rule_id = ${rule.id}`);
  await removeRule(rule);
});
