import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { pino } from 'pino';
import { ManualClock } from '../../app/clock.js';
import { createTestApp, type TestApp, type TestUser } from '../../app/test-app.js';
import { recordEvent } from '../../jobs/events.js';
import { domainEvents } from '../../jobs/schema.js';
import { Worker } from '../../jobs/worker.js';
import { ticketMessageAdded } from '../tickets/index.js';

/**
 * SLA timers end to end over HTTP with a controllable clock: nothing sleeps; the clock moves and
 * the worker runs until idle. Calendar: the seeded default (Asia/Shanghai, 09–12 and 13–18 on
 * workdays, China's holidays and 调休 make-up days).
 */
const clock = new ManualClock('2026-03-02T09:00:00+08:00');
let t: TestApp;
let agent: TestUser;
let lead: TestUser;
let teamId: string;
let policyId: string;

type Json = Record<string, any>;
type Sla = { target: string; dueAt: string | null; state: string; remainingMinutes: number };

const escalation = [
  { afterMinutes: 0, target: 'any', actions: [{ type: 'notify', to: 'assignee' }, { type: 'notify', to: 'supervisors' }], businessHoursOnly: true },
  { afterMinutes: 30, target: 'any', actions: [{ type: 'reassign', to: 'team_lead' }], businessHoursOnly: true },
  { afterMinutes: 120, target: 'any', actions: [{ type: 'set_priority', priority: 'urgent' }, { type: 'notify', to: 'supervisors' }], businessHoursOnly: false },
];

before(async () => {
  t = await createTestApp({}, { clock });
  agent = await t.user('agent', { name: '客服小王' });
  lead = await t.user('agent', { name: '组长老李' });
  teamId = await t.team('售后一组', [agent.id, lead.id]);
  await t.database.transaction((tx) => tx.execute(sql`update team_members set is_lead = true where user_id = ${lead.id}`));
  // "P1 answered in 2 hours": urgent and high tickets, ahead of the seeded default policy.
  const created = await t.api('POST', '/api/v1/sla/policies', { body: {
    nameZh: '重点工单',
    conditions: { all: [{ field: 'priority', op: 'in', values: ['urgent', 'high'] }] },
    targets: { urgent: { firstResponseMinutes: 120, nextResponseMinutes: 60, resolutionMinutes: 480 }, high: { firstResponseMinutes: 240, resolutionMinutes: 960 } },
    pauseStatuses: ['pending'],
    warningPercent: 80,
    escalation,
  } });
  assert.equal(created.statusCode, 201, created.body);
  policyId = created.json().id;
  const all = (await t.api('GET', '/api/v1/sla/policies')).json().items as Json[];
  const reordered = await t.api('POST', '/api/v1/sla/policies/reorder', { body: { ids: [policyId, ...all.map((p) => p.id).filter((id) => id !== policyId)] } });
  assert.equal(reordered.statusCode, 200, reordered.body);
  // A channel with a policy that sets no targets: "no SLA".
  const none = await t.api('POST', '/api/v1/sla/policies', { body: { nameZh: '电话咨询（无 SLA）', conditions: { all: [{ field: 'channel', op: 'in', values: ['phone'] }] }, targets: {} } });
  assert.equal(none.statusCode, 201, none.body);
  const order = (await t.api('GET', '/api/v1/sla/policies')).json().items.map((p: Json) => p.id) as string[];
  await t.api('POST', '/api/v1/sla/policies/reorder', { body: { ids: [none.json().id, ...order.filter((id) => id !== none.json().id)] } });
});
after(() => t.close());
beforeEach(() => clock.set('2026-03-02T09:00:00+08:00'));

async function createTicket(body: Json = {}): Promise<Json> {
  const ticket = await t.createTicket<Json>({ subject: 'SLA 测试', priority: 'urgent', teamId, assigneeId: agent.id, requester: { email: 'kehu@example.test' }, ...body });
  await t.drain();
  return ticket;
}

async function slaOf(id: string): Promise<Record<string, Sla>> {
  const res = await t.api('GET', `/api/v1/tickets/${id}`);
  assert.equal(res.statusCode, 200, res.body);
  return Object.fromEntries((res.json().sla as Sla[]).map((s) => [s.target, s]));
}

async function update(id: string, changes: Json): Promise<void> {
  const current = (await t.api('GET', `/api/v1/tickets/${id}`)).json();
  const res = await t.api('PATCH', `/api/v1/tickets/${id}`, { body: changes, ifMatch: current.version });
  assert.equal(res.statusCode, 200, res.body);
  await t.drain();
}

async function reply(id: string, internal: boolean): Promise<void> {
  const res = await t.api('POST', `/api/v1/tickets/${id}/messages`, { body: { body: internal ? '内部备注' : '您好，已收到', internal }, as: agent });
  assert.equal(res.statusCode, 201, res.body);
  await t.drain();
}

async function slaEvents(ticketId: string): Promise<Array<{ type: string; payload: Json }>> {
  const rows = await t.database.db.select().from(domainEvents).where(and(eq(domainEvents.aggregateType, 'ticket'), eq(domainEvents.aggregateId, ticketId))).orderBy(domainEvents.id);
  return rows.filter((r) => r.type.startsWith('sla.')).map((r) => ({ type: r.type, payload: r.payload }));
}

const at = (local: string) => new Date(local).toISOString();

describe('due times in business time', () => {
  test('a P1 ticket at Friday 17:30 before the Spring Festival is due on the make-up Saturday, not at 19:30', async () => {
    clock.set('2026-02-13T17:30:00+08:00');
    const ticket = await createTicket();
    const sla = await slaOf(ticket.id);
    // 30 minutes on Friday; the Saturday 2026-02-14 is a 调休 workday: 09:00 + 90 minutes.
    assert.equal(sla.first_response!.dueAt, at('2026-02-14T10:30:00+08:00'));
    assert.equal(sla.first_response!.state, 'running');
    assert.equal(sla.first_response!.remainingMinutes, 120);
    // 480 minutes: 30 on Friday, 450 on Saturday (09–12, 13–18 = 480) → Saturday 17:30.
    assert.equal(sla.resolution!.dueAt, at('2026-02-14T17:30:00+08:00'));
  });

  test('a change of the timers is a ticket event, so open consoles refetch the SLA badge; a change that leaves them alone is not', async () => {
    const ticket = await createTicket();
    const changes = async () =>
      (await t.database.db.select({ type: domainEvents.type, payload: domainEvents.payload }).from(domainEvents).where(and(eq(domainEvents.aggregateType, 'ticket'), eq(domainEvents.aggregateId, ticket.id)))).filter((e) => e.type === 'sla.timers_changed');
    const afterCreate = (await changes()).length;
    assert.ok(afterCreate >= 1, 'starting the timers is announced');
    await update(ticket.id, { status: 'pending' });
    const paused = await changes();
    assert.equal(paused.length, afterCreate + 1, 'pausing is announced once');
    assert.deepEqual(((paused.at(-1)!.payload as Json).targets as string[]).sort(), ['first_response', 'resolution']);
    await update(ticket.id, { subject: 'SLA 测试（改标题）' });
    assert.equal((await changes()).length, afterCreate + 1, 'a change that leaves the timers alone says nothing');
  });

  test('a P1 ticket at 17:30 before National Day waits out the whole holiday week', async () => {
    clock.set('2025-09-30T17:30:00+08:00');
    const ticket = await createTicket();
    const sla = await slaOf(ticket.id);
    assert.equal(sla.first_response!.dueAt, at('2025-10-09T10:30:00+08:00'));
    // The answer counts in business time, not wall-clock time: at 08:00 on 10-05, 90 minutes are left.
    clock.set('2025-10-05T08:00:00+08:00');
    assert.equal((await slaOf(ticket.id)).first_response!.remainingMinutes, 90);
  });

  test('a pending period pauses the clock; the paused time does not count', async () => {
    const ticket = await createTicket(); // Monday 09:00, first response due 11:00
    assert.equal((await slaOf(ticket.id)).first_response!.dueAt, at('2026-03-02T11:00:00+08:00'));
    clock.set('2026-03-02T09:30:00+08:00');
    await update(ticket.id, { status: 'pending' });
    let sla = await slaOf(ticket.id);
    assert.equal(sla.first_response!.state, 'paused');
    assert.equal(sla.first_response!.dueAt, null);
    assert.equal(sla.first_response!.remainingMinutes, 90);
    clock.set('2026-03-02T14:00:00+08:00');
    assert.equal((await slaOf(ticket.id)).first_response!.remainingMinutes, 90, 'frozen while paused');
    await update(ticket.id, { status: 'open' });
    sla = await slaOf(ticket.id);
    assert.equal(sla.first_response!.state, 'running');
    assert.equal(sla.first_response!.dueAt, at('2026-03-02T15:30:00+08:00'));
    assert.equal(sla.resolution!.dueAt, at('2026-03-03T13:30:00+08:00'), '450 minutes left from 14:00: 240 on Monday, 210 on Tuesday');
    const history = (await t.api('GET', `/api/v1/tickets/${ticket.id}/sla`)).json().items.find((x: Json) => x.target === 'first_response').history.map((h: Json) => h.event);
    assert.deepEqual(history, ['started', 'paused', 'resumed']);
  });

  test('a priority change recomputes the targets with the minutes already used', async () => {
    const ticket = await createTicket({ priority: 'high' }); // first response 240 → due 14:00
    assert.equal((await slaOf(ticket.id)).first_response!.dueAt, at('2026-03-02T14:00:00+08:00'));
    clock.set('2026-03-02T09:30:00+08:00');
    await update(ticket.id, { priority: 'urgent' }); // 120 − 30 used → 11:00
    const sla = await slaOf(ticket.id);
    assert.equal(sla.first_response!.dueAt, at('2026-03-02T11:00:00+08:00'));
    assert.equal(sla.first_response!.remainingMinutes, 90);
    assert.equal(sla.resolution!.dueAt, at('2026-03-02T18:00:00+08:00'));
  });

  test('resolving meets the targets; reopening runs resolution again from where it stopped', async () => {
    const ticket = await createTicket();
    clock.set('2026-03-02T10:00:00+08:00');
    await update(ticket.id, { status: 'resolved' });
    let sla = await slaOf(ticket.id);
    assert.equal(sla.resolution!.state, 'met');
    assert.equal(sla.first_response!.state, 'met');
    clock.set('2026-03-03T09:00:00+08:00');
    await update(ticket.id, { status: 'open' });
    sla = await slaOf(ticket.id);
    assert.equal(sla.resolution!.state, 'running');
    assert.equal(sla.resolution!.remainingMinutes, 420);
    assert.equal(sla.first_response!.state, 'met');
  });
});

describe('responses', () => {
  test('an agent public reply meets first response; an internal note does not', async () => {
    const ticket = await createTicket();
    clock.set('2026-03-02T09:20:00+08:00');
    await reply(ticket.id, true);
    assert.equal((await slaOf(ticket.id)).first_response!.state, 'running');
    clock.set('2026-03-02T09:40:00+08:00');
    await reply(ticket.id, false);
    const sla = await slaOf(ticket.id);
    assert.equal(sla.first_response!.state, 'met');
    assert.equal(sla.first_response!.remainingMinutes, 80);
    assert.equal(sla.resolution!.state, 'running');
  });

  test('a customer message starts next response; the agent reply meets it', async () => {
    const ticket = await createTicket();
    await reply(ticket.id, false);
    clock.set('2026-03-02T11:00:00+08:00');
    // The inbound channels record a customer's message like this (authorContactId, no agent).
    await t.database.transaction((tx) =>
      recordEvent(tx, ticketMessageAdded, { aggregateId: ticket.id, cause: 'customer', contactId: ticket.requester.id, payload: { messageId: ticket.id, authorContactId: ticket.requester.id, channel: 'email', internal: false } }),
    );
    await t.drain();
    let sla = await slaOf(ticket.id);
    assert.equal(sla.next_response!.dueAt, at('2026-03-02T12:00:00+08:00'));
    clock.set('2026-03-02T11:30:00+08:00');
    await reply(ticket.id, false);
    sla = await slaOf(ticket.id);
    assert.equal(sla.next_response!.state, 'met');
    assert.equal(sla.next_response!.remainingMinutes, 30);
  });

  test('a ticket no policy gives targets to has sla: [] and never errors', async () => {
    const ticket = await createTicket({ channel: 'phone' });
    assert.deepEqual(Object.keys(await slaOf(ticket.id)), []);
    await reply(ticket.id, false);
    await update(ticket.id, { status: 'pending' });
    assert.deepEqual(Object.keys(await slaOf(ticket.id)), []);
    const list = await t.api('GET', `/api/v1/tickets?q=${encodeURIComponent('SLA 测试')}&sort=slaDueAt&limit=100`);
    assert.equal(list.statusCode, 200, list.body);
  });
});

describe('warnings and escalation', () => {
  const log = pino({ level: 'silent' });
  /** Two workers on the same database, racing for the same due rows. */
  async function twoWorkers(): Promise<void> {
    const workers = [1, 2].map(() => new Worker(t.database, t.context.jobs, log, { batchSize: 5 }));
    await Promise.all(workers.map((w) => w.runUntilIdle()));
    await t.drain();
  }
  const kinds = (events: Array<{ type: string; payload: Json }>, target = 'first_response') =>
    events.filter((e) => e.payload.target === target).map((e) => (e.type === 'sla.escalated' ? `step${e.payload.step}:${e.payload.part}` : e.type));

  test('the warning and each escalation step fire exactly once, with two workers running', async () => {
    const ticket = await createTicket({ priority: 'high' }); // Monday 09:00: first response due 14:00, warning at 80 % = 12:12 → 13:12 (lunch)
    clock.set('2026-03-02T13:11:00+08:00');
    await twoWorkers();
    assert.deepEqual(kinds(await slaEvents(ticket.id)), []);
    clock.set('2026-03-02T13:12:00+08:00');
    await twoWorkers();
    await twoWorkers();
    assert.deepEqual(kinds(await slaEvents(ticket.id)), ['sla.warning']);
    assert.equal((await slaOf(ticket.id)).first_response!.state, 'warning');

    clock.set('2026-03-02T14:00:00+08:00');
    await twoWorkers();
    assert.deepEqual(kinds(await slaEvents(ticket.id)), ['sla.warning', 'sla.breached', 'step0:notify']);
    assert.equal((await slaOf(ticket.id)).first_response!.state, 'breached');

    clock.set('2026-03-02T14:30:00+08:00');
    await twoWorkers();
    await twoWorkers();
    assert.deepEqual(kinds(await slaEvents(ticket.id)), ['sla.warning', 'sla.breached', 'step0:notify', 'step1:actions']);
    const reassigned = (await t.api('GET', `/api/v1/tickets/${ticket.id}`)).json();
    assert.equal(reassigned.assigneeId, lead.id, 'reassigned to the team lead');

    clock.set('2026-03-02T16:00:00+08:00');
    await twoWorkers();
    await twoWorkers();
    const fired = kinds(await slaEvents(ticket.id));
    assert.deepEqual(fired, ['sla.warning', 'sla.breached', 'step0:notify', 'step1:actions', 'step2:actions', 'step2:notify']);
    const raised = (await t.api('GET', `/api/v1/tickets/${ticket.id}`)).json();
    assert.equal(raised.priority, 'urgent', 'priority raised by the SLA, through the tickets service');
    // The raise recomputed the targets, and nothing fired twice.
    clock.set('2026-03-02T17:00:00+08:00');
    await twoWorkers();
    assert.deepEqual(kinds(await slaEvents(ticket.id)), fired);

    const timeline = (await t.api('GET', `/api/v1/tickets/${ticket.id}/timeline`)).json().items as Json[];
    const slaEntries = timeline.filter((e) => e.type === 'sla' && e.newValue.target === 'first_response').map((e) => e.newValue.event);
    assert.deepEqual(slaEntries, ['warning', 'breached', 'escalated', 'escalated', 'escalated', 'escalated']);
    const priorityChange = timeline.find((e) => e.type === 'field_changed' && e.field === 'priority');
    assert.equal(priorityChange?.actor?.id, '00000000-0000-7000-8000-00000000051a', 'the SLA is the audited actor');
    // Every event of the escalation says the SLA caused it: the firings, and the ticket changes its steps made.
    const caused = await t.database.db.select({ type: domainEvents.type, cause: domainEvents.cause, actorId: domainEvents.actorId, payload: domainEvents.payload }).from(domainEvents).where(and(eq(domainEvents.aggregateType, 'ticket'), eq(domainEvents.aggregateId, ticket.id))).orderBy(domainEvents.id);
    assert.deepEqual([...new Set(caused.filter((e) => e.type.startsWith('sla.')).map((e) => e.cause))], ['sla']);
    const stepChanges = caused.filter((e) => e.type === 'ticket.updated' && e.actorId === '00000000-0000-7000-8000-00000000051a');
    assert.deepEqual(stepChanges.map((e) => [e.cause, e.payload.fields]), [['sla', ['assigneeId']], ['sla', ['priority']]]);
  });

  test('after downtime the missed steps fire once each on recovery', async () => {
    const ticket = await createTicket({ priority: 'high', assigneeId: undefined });
    clock.set('2026-03-05T10:00:00+08:00'); // the workers were down for three days
    await twoWorkers();
    const first = kinds(await slaEvents(ticket.id));
    assert.deepEqual(first, ['sla.warning', 'sla.breached', 'step0:notify', 'step1:actions', 'step2:actions', 'step2:notify']);
    await twoWorkers();
    clock.set('2026-03-06T10:00:00+08:00');
    await twoWorkers();
    assert.deepEqual(kinds(await slaEvents(ticket.id)), first);
  });

  test('notifications wait for business hours unless the step says otherwise; other actions do not', async () => {
    clock.set('2026-03-02T15:00:00+08:00');
    const ticket = await createTicket({ priority: 'urgent' }); // first response due 17:00
    clock.set('2026-03-02T17:00:00+08:00');
    await twoWorkers();
    assert.deepEqual(kinds(await slaEvents(ticket.id)), ['sla.warning', 'sla.breached', 'step0:notify']);
    clock.set('2026-03-02T18:59:00+08:00');
    await twoWorkers();
    assert.deepEqual(kinds(await slaEvents(ticket.id)), ['sla.warning', 'sla.breached', 'step0:notify', 'step1:actions']);
    // +120 is 19:00, after hours: its notification goes out then too (businessHoursOnly: false).
    clock.set('2026-03-02T19:00:00+08:00');
    await twoWorkers();
    assert.deepEqual(kinds(await slaEvents(ticket.id)), ['sla.warning', 'sla.breached', 'step0:notify', 'step1:actions', 'step2:actions', 'step2:notify']);
  });

  test('a breach at closing time holds its notice until the next opening', async () => {
    const ticket = await createTicket({ priority: 'urgent' }); // 09:00; resolution 480 → due 18:00 (closing)
    await reply(ticket.id, false);
    clock.set('2026-03-02T18:00:00+08:00');
    await twoWorkers();
    assert.deepEqual(kinds(await slaEvents(ticket.id), 'resolution'), ['sla.warning', 'sla.breached']);
    clock.set('2026-03-02T18:30:00+08:00');
    await twoWorkers();
    assert.deepEqual(kinds(await slaEvents(ticket.id), 'resolution'), ['sla.warning', 'sla.breached', 'step1:actions'], 'the reassignment happens at +30, in the evening');
    clock.set('2026-03-03T08:59:00+08:00');
    await twoWorkers();
    assert.ok(!kinds(await slaEvents(ticket.id), 'resolution').includes('step0:notify'));
    clock.set('2026-03-03T09:00:00+08:00');
    await twoWorkers();
    const events = await slaEvents(ticket.id);
    const notice = events.find((e) => e.payload.target === 'resolution' && e.type === 'sla.escalated' && e.payload.step === 0)!;
    assert.equal(notice.payload.heldForBusinessHours, true);
    assert.equal(notice.payload.stepAt, at('2026-03-02T18:00:00+08:00'));
  });
});

describe('admin changes', () => {
  test('a policy\'s new target recomputes running timers with the minutes already used', async () => {
    const ticket = await createTicket(); // 09:00, first response 120 → 11:00
    clock.set('2026-03-02T09:30:00+08:00');
    const policy = (await t.api('GET', `/api/v1/sla/policies/${policyId}`)).json();
    const targets = { ...policy.targets, urgent: { ...policy.targets.urgent, firstResponseMinutes: 60 } };
    const changed = await t.api('PATCH', `/api/v1/sla/policies/${policyId}`, { body: { targets }, ifMatch: policy.version });
    assert.equal(changed.statusCode, 200, changed.body);
    await t.drain();
    assert.equal((await slaOf(ticket.id)).first_response!.dueAt, at('2026-03-02T10:00:00+08:00'));
    const restored = await t.api('PATCH', `/api/v1/sla/policies/${policyId}`, { body: { targets: policy.targets }, ifMatch: changed.json().version });
    assert.equal(restored.statusCode, 200, restored.body);
    await t.drain();
    assert.equal((await slaOf(ticket.id)).first_response!.dueAt, at('2026-03-02T11:00:00+08:00'));
  });
});

describe('lists', () => {
  test('sorted by SLA due time; the 已超时 and 即将超时 views', async () => {
    // The manual clock is in the past, so these timers are overdue by the database's own time.
    const overdue = await createTicket({ subject: 'SLA 列表 A' });
    const list = await t.api('GET', `/api/v1/tickets?view=breached&sort=slaDueAt&limit=100`);
    assert.equal(list.statusCode, 200, list.body);
    const items = list.json().items as Json[];
    assert.ok(items.some((i) => i.id === overdue.id));
    const dues = items.map((i) => Math.min(...(i.sla as Sla[]).filter((s) => s.dueAt && s.state !== 'met' && s.state !== 'paused').map((s) => Date.parse(s.dueAt!))));
    assert.deepEqual(dues, [...dues].sort((a, b) => a - b));
    const soon = await t.api('GET', '/api/v1/tickets?view=due_soon&limit=100');
    assert.ok(!(soon.json().items as Json[]).some((i) => i.id === overdue.id));
    // Due within the hour by the database's clock: due soon.
    await t.database.transaction(async (tx) => {
      await tx.execute(sql`update sla_ticket_timers set due_at = now() + interval '30 minutes', breached_at = null, state = 'running' where ticket_id = ${overdue.id}`);
      await tx.execute(sql`update tickets set sla_due_at = now() + interval '30 minutes' where id = ${overdue.id}`);
    });
    const soonNow = await t.api('GET', '/api/v1/tickets?view=due_soon&limit=100');
    assert.ok((soonNow.json().items as Json[]).some((i) => i.id === overdue.id));
    const counts = (await t.api('GET', '/api/v1/ticket-views/counts')).json().counts;
    assert.ok(counts.due_soon >= 1 && counts.breached >= 1);
  });
});
