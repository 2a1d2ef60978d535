import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { ManualClock } from '../../app/clock.js';
import { createTestApp, type TestApp, type TestUser } from '../../app/test-app.js';
import { queryRows } from '../../db/database.js';
import type { ProcessDefinitionInput } from '../../workflow-model/definition.js';
import { getTicketSnapshot } from '../tickets/index.js';
import { setUpComplaintType } from './test-complaint-process.js';

/**
 * Stage SLA timers and approval reminders through the SLA module's named timers (issue 19 §1, §2,
 * §5), over HTTP with a controllable clock: nothing sleeps, the clock moves and the worker runs
 * until idle. Calendar: the seeded default (Asia/Shanghai, 09–12 and 13–18 on workdays, China's
 * holidays and 调休 make-up days: Saturday 2026-05-09 is a workday).
 */
const clock = new ManualClock('2026-05-08T16:00:00+08:00');
let t: TestApp;
let handler: TestUser;
let lead: TestUser;
let supervisor: TestUser;
let approver: TestUser;
let teamId: string;

const label = (zh: string, en: string) => ({ 'zh-CN': zh, en });
const at = (x: number) => ({ x, y: 0 });

function flow(approverId: string): ProcessDefinitionInput {
  return {
    start: 'handle',
    nodes: [
      {
        kind: 'stage', id: 'handle', name: label('处理', 'Handle'), position: at(0),
        assignee: { kind: 'user_field', field: 'fields.account_manager' },
        slaTargetMinutes: 240, slaWarningPercent: 75,
        slaEscalation: { notify: ['team_lead', 'supervisors'], raisePriority: 'urgent' },
      },
      { kind: 'stage', id: 'review', name: label('复核', 'Review'), position: at(200) },
      { kind: 'end', id: 'done', name: label('完成', 'Done'), position: at(400) },
    ],
    transitions: [
      { id: 'submit', from: 'handle', to: 'review', label: label('提交', 'Submit'), allow: [{ kind: 'role', role: 'agent' }] },
      {
        id: 'close', from: 'review', to: 'done', label: label('结案', 'Close'), allow: [{ kind: 'role', role: 'agent' }],
        approval: { kind: 'fixed', mode: 'single', approvers: [{ kind: 'user', userId: approverId }], reminderAfterHours: 1, escalateAfterHours: 3 },
      },
    ],
  };
}

before(async () => {
  t = await createTestApp({}, { clock });
  teamId = await t.team('投诉组');
  handler = await t.user('agent', { teamIds: [teamId], name: '处理人' });
  lead = await t.user('agent', { teamIds: [teamId], name: '组长' });
  supervisor = await t.user('supervisor', { name: '主管' });
  approver = await t.user('agent', { name: '审批人' });
  await t.database.transaction((tx) => tx.execute(sql`update team_members set is_lead = true where user_id = ${lead.id}`));
  await setUpComplaintType(t);
  const created = await t.api('POST', '/api/v1/processes', { body: { key: 'timed_complaint', name: label('限时投诉', 'Timed complaint'), ticketType: 'complaint', definition: flow(approver.id) } });
  assert.equal(created.statusCode, 201, created.body);
  assert.equal((await t.api('POST', `/api/v1/processes/${created.data.id}/publish`)).statusCode, 201);
});
after(() => t.close());
beforeEach(() => clock.set('2026-05-08T16:00:00+08:00'));

async function newTicket(): Promise<string> {
  const ticket = await t.createTicket({ type: 'complaint', subject: '维修超时', teamId, priority: 'normal', fields: { account_manager: handler.id } });
  await t.drain();
  return ticket.id;
}
const run = async (ticketId: string) => {
  const res = await t.api('GET', `/api/v1/tickets/${ticketId}/process`, { as: handler });
  assert.equal(res.statusCode, 200, res.body);
  return res.data;
};
const take = async (ticketId: string, transition: string) => {
  const res = await t.api('POST', `/api/v1/tickets/${ticketId}/transitions`, { as: handler, body: { transition, expectedRevision: (await run(ticketId)).revision } });
  assert.equal(res.statusCode, 200, res.body);
  return res.data;
};
const firings = (ticketId: string) =>
  queryRows<{ type: string; key: string }>(t.database.db, sql`select type, payload->>'key' as key from domain_events where aggregate_id = ${ticketId} and type like 'sla.named_timer_%' order by id`);
const noticesOf = (ticketId: string) =>
  queryRows<{ user_id: string; message: { texts?: Record<string, string> } }>(t.database.db, sql`select user_id, message from notifications where ticket_id = ${ticketId} and kind = 'rule' order by created_at, id`);
const moveTo = async (instant: string) => {
  clock.set(instant);
  await t.drain();
};

test('a stage entered on Friday afternoon is due on the 调休 Saturday, and the run view shows the timer\'s due time', async () => {
  const ticketId = await newTicket();
  const [stage] = (await run(ticketId)).stages;
  assert.equal(stage.stage, 'handle');
  // Friday 16:00–18:00 is 120 minutes; Saturday 2026-05-09 is a make-up workday: 09:00–11:00 the other 120.
  assert.equal(new Date(stage.sla.dueAt).toISOString(), new Date('2026-05-09T11:00:00+08:00').toISOString());
  assert.deepEqual({ target: stage.sla.targetMinutes, state: stage.sla.state, left: stage.sla.remainingMinutes }, { target: 240, state: 'running', left: 240 });
});

test('warning and breach fire once each; the breach tells the assignee, the team lead and supervisors and raises the priority', async () => {
  const ticketId = await newTicket();
  await moveTo('2026-05-09T09:59:00+08:00');
  assert.deepEqual(await firings(ticketId), [], 'nothing before 75 % (180 minutes: Saturday 10:00)');
  await moveTo('2026-05-09T10:00:00+08:00');
  await moveTo('2026-05-09T10:30:00+08:00');
  assert.deepEqual((await firings(ticketId)).map((row) => row.type), ['sla.named_timer_warning']);
  const warned = await noticesOf(ticketId);
  assert.deepEqual(warned.map((row) => row.user_id), [handler.id], 'the warning goes to the stage\'s assignee');
  assert.match(warned[0]!.message.texts!['zh-CN']!, /环节「处理」的时限快到了/);
  assert.equal((await run(ticketId)).stages[0].sla.state, 'warning');

  await moveTo('2026-05-09T11:00:00+08:00');
  await moveTo('2026-05-11T09:00:00+08:00');
  assert.deepEqual((await firings(ticketId)).map((row) => row.type), ['sla.named_timer_warning', 'sla.named_timer_breached']);
  const told = (await noticesOf(ticketId)).slice(1).map((row) => row.user_id).sort();
  assert.deepEqual(told, [handler.id, lead.id, supervisor.id].sort());
  assert.equal((await getTicketSnapshot(t.database.db, ticketId))!.priority, 'urgent');
  const [stage] = (await run(ticketId)).stages;
  assert.equal(stage.sla.state, 'breached', 'the console says 已超时');
  assert.ok(stage.sla.remainingMinutes < 0);
});

test('leaving the stage before it is due fires nothing', async () => {
  const ticketId = await newTicket();
  await take(ticketId, 'submit');
  await moveTo('2026-05-12T18:00:00+08:00');
  assert.deepEqual(await firings(ticketId), []);
  assert.equal((await run(ticketId)).stages[0].sla, null, 'the review stage has no target');
  const [left] = await queryRows<{ count: number }>(t.database.db, sql`select count(*)::int as count from sla_named_timers where ticket_id = ${ticketId}`);
  assert.equal(left!.count, 0, 'the timer went with the move');
});

test('a pending approver is reminded once after an hour of business time, and the request escalates after three', async () => {
  const ticketId = await newTicket();
  await take(ticketId, 'submit');
  const asked = await take(ticketId, 'close');
  assert.ok(asked.approvalRequestId);
  // Asked Friday 16:00: one business hour is 17:00; three are Saturday (调休) 10:00.
  await moveTo('2026-05-08T17:00:00+08:00');
  await moveTo('2026-05-08T17:30:00+08:00');
  // The approver was also told when asked (the approval notice): the reminders are the ones that say how long it waited.
  const reminders = (await noticesOf(ticketId)).filter((row) => row.user_id === approver.id && /已等待您/.test(row.message.texts?.['zh-CN'] ?? ''));
  assert.equal(reminders.length, 1, 'reminded once');
  assert.match(reminders[0]!.message.texts!['zh-CN']!, /审批已等待您 1 个工作小时/);
  await moveTo('2026-05-09T10:00:00+08:00');
  const [request] = (await t.api('GET', `/api/v1/tickets/${ticketId}/approvals`, { as: handler })).data.items;
  assert.equal(request.needsAttention, true);
  assert.ok(request.attention.includes('approval_overdue'));
  assert.deepEqual((await noticesOf(ticketId)).filter((row) => row.user_id === lead.id).length, 1, 'the team lead hears once');
  assert.deepEqual((await firings(ticketId)).filter((row) => row.key.startsWith('approval:')).map((row) => row.type), ['sla.named_timer_warning', 'sla.named_timer_breached']);
});

test('an approver who decides before the reminder is not reminded', async () => {
  const ticketId = await newTicket();
  await take(ticketId, 'submit');
  const { approvalRequestId } = await take(ticketId, 'close');
  const decided = await t.api('POST', `/api/v1/approvals/${approvalRequestId}/decisions`, { as: approver, body: { decision: 'approve' } });
  assert.equal(decided.statusCode, 200, decided.body);
  await moveTo('2026-05-12T18:00:00+08:00');
  assert.deepEqual((await noticesOf(ticketId)).filter((row) => row.user_id === approver.id), []);
  assert.deepEqual(await firings(ticketId), []);
});

test('the stage clock pauses while the ticket\'s SLA is paused (待处理 under the default policy) and keeps the minutes it had', async () => {
  const ticketId = await newTicket();
  const setStatus = async (status: string) => {
    const ticket = await getTicketSnapshot(t.database.db, ticketId);
    const res = await t.api('PATCH', `/api/v1/tickets/${ticketId}`, { headers: { 'if-match': `"${ticket!.version}"` }, body: { status } });
    assert.equal(res.statusCode, 200, res.body);
    await t.drain();
  };
  await moveTo('2026-05-08T17:00:00+08:00'); // 60 of 240 minutes used
  await setStatus('pending');
  const paused = (await run(ticketId)).stages[0].sla;
  assert.deepEqual({ state: paused.state, dueAt: paused.dueAt, left: paused.remainingMinutes }, { state: 'paused', dueAt: null, left: 180 });
  await moveTo('2026-05-11T09:00:00+08:00'); // Saturday's business hours pass while paused
  assert.deepEqual(await firings(ticketId), []);
  await setStatus('open');
  const resumed = (await run(ticketId)).stages[0].sla;
  assert.equal(resumed.state, 'running');
  assert.equal(new Date(resumed.dueAt).toISOString(), new Date('2026-05-11T12:00:00+08:00').toISOString(), 'the 180 minutes left, from Monday 09:00');
});

test("a signer added to a request is asked at the app clock's time, from which their reminder counts", async () => {
  const ticketId = await newTicket();
  await take(ticketId, 'submit');
  const asked = await take(ticketId, 'close');
  const later = '2026-05-11T09:30:00+08:00';
  clock.set(later);
  const added = await t.api('POST', `/api/v1/approvals/${asked.approvalRequestId}/signers`, { as: approver, body: { userId: supervisor.id } });
  assert.equal(added.statusCode, 200, added.body);
  const inbox = await t.api('GET', '/api/v1/approvals?mine=1', { as: supervisor });
  const mine = inbox.data.items.find((item: { ticketId: string }) => item.ticketId === ticketId);
  assert.ok(mine, inbox.body);
  assert.equal(new Date(mine.askedAt).toISOString(), new Date(later).toISOString());
});
