import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { after, before, describe, test } from 'node:test';
import { assertProblem, createTestApp, type TestApp, type TestUser } from '../../app/test-app.js';
import { listAggregateEvents } from '../../jobs/events.js';
import { getTicketSnapshot } from '../tickets/index.js';
import { complaintFlow } from '../../workflow-model/fixtures/complaint-flow.js';
import { setUpComplaintType } from './test-complaint-process.js';
import { purchaseFlow, setUpPurchaseProcess } from './test-approval-process.js';

/** Approvals at run time (issue 19 §2): tiers, modes, decisions, 加签, delegation, deactivated approvers, 待我审批. */
let t: TestApp;
let complaintTeam: string;
let purchaseTeam: string;
let handler: TestUser; // takes the transitions
let supervisor: TestUser;
let lead: TestUser; // lead of the complaint team (部门总监) and of s3's team
const u: Record<string, TestUser> = {};
let purchaseProcess: string;

const setLead = (user: TestUser) => t.database.transaction((tx) => tx.execute(sql`update team_members set is_lead = true where user_id = ${user.id}`));

before(async () => {
  t = await createTestApp();
  complaintTeam = await t.team('投诉组');
  purchaseTeam = await t.team('采购组');
  const leadTeam = await t.team('总监组');
  handler = await t.user('agent', { teamIds: [complaintTeam, purchaseTeam] });
  supervisor = await t.user('supervisor');
  lead = await t.user('agent', { teamIds: [complaintTeam, leadTeam] });
  await setLead(lead);
  for (const name of ['a1', 'c1', 'c2', 'c3', 'y1', 'y2', 'n1', 'n2', 'n3', 's1', 's2', 'o1', 'o2', 'g1', 'g2', 'd1', 'd2', 'r1', 'r2', 'p1']) u[name] = await t.user('agent', { teamIds: [purchaseTeam], name });
  u.s3 = await t.user('agent', { teamIds: [purchaseTeam, leadTeam], name: 's3' });
  await setUpComplaintType(t);
  const complaint = await t.api('POST', '/api/v1/processes', { body: { key: 'complaint_flow', name: { 'zh-CN': '投诉处理' }, ticketType: 'complaint', definition: complaintFlow } });
  assert.equal((await t.api('POST', `/api/v1/processes/${complaint.data.id}/publish`)).statusCode, 201);
  const user = (name: string) => ({ kind: 'user' as const, userId: u[name]!.id });
  purchaseProcess = await setUpPurchaseProcess(t, purchaseFlow({
    single: { mode: 'single', approvers: [user('a1')] },
    chain: { mode: 'chain', approvers: [user('c1'), user('c2'), user('c3')] },
    any: { mode: 'any', approvers: [user('y1'), user('y2')] },
    n_of_m: { mode: 'n_of_m', n: 2, approvers: [user('n1'), user('n2'), user('n3')] },
    countersign: { mode: 'countersign', approvers: [user('s1'), user('s2'), user('s3')] },
    orphan: { mode: 'countersign', approvers: [user('o1'), user('o2')] },
    signer: { mode: 'countersign', approvers: [user('g1')] },
    delegated: { mode: 'single', approvers: [user('d1')] },
    race: { mode: 'any', approvers: [user('r1'), user('r2')] },
    paging: { mode: 'single', approvers: [user('p1')] },
    by_field: { mode: 'any', approvers: [{ kind: 'user_field', field: 'fields.account_manager' }, { kind: 'account_manager' }] },
  }));
});
after(() => t.close());

async function newTicket(type: 'complaint' | 'purchase'): Promise<string> {
  const ticket = await t.createTicket({ type, subject: type === 'complaint' ? '墙面开裂' : '采购打印机', teamId: type === 'complaint' ? complaintTeam : purchaseTeam });
  await t.drain();
  return ticket.id;
}
const run = async (ticketId: string) => (await t.api('GET', `/api/v1/tickets/${ticketId}/process`, { as: handler })).data;
const take = async (ticketId: string, transition: string, values: Record<string, unknown> = {}) =>
  t.api('POST', `/api/v1/tickets/${ticketId}/transitions`, { as: handler, body: { transition, values, expectedRevision: (await run(ticketId)).revision } });
/** Takes `transition`, which must ask for an approval; the request's id. */
async function ask(ticketId: string, transition: string, values: Record<string, unknown> = {}): Promise<string> {
  const res = await take(ticketId, transition, values);
  assert.equal(res.statusCode, 200, res.body);
  assert.ok(res.data.approvalRequestId, res.body);
  return res.data.approvalRequestId;
}
const decide = (requestId: string, as: TestUser, decision: 'approve' | 'reject' | 'return', reason?: string) =>
  t.api('POST', `/api/v1/approvals/${requestId}/decisions`, { as, body: { decision, ...(reason && { reason }) } });
async function approvals(ticketId: string) {
  const res = await t.api('GET', `/api/v1/tickets/${ticketId}/approvals`, { as: handler });
  assert.equal(res.statusCode, 200, res.body);
  return res.data.items as Array<{ id: string; status: string; tier: number | null; mode: string; needed: number; needsAttention: boolean; attention: string[]; reason: string | null; steps: Array<{ approverId: string; status: string; reason: string | null; delegatedFrom: string | null; reassignedFrom: string | null; decidedAt: string | null }> }>;
}
const mine = async (as: TestUser, query: Record<string, string | number> = {}) => {
  const res = await t.api('GET', '/api/v1/approvals', { as, query: { mine: 1, ...query } });
  assert.equal(res.statusCode, 200, res.body);
  return res.data as { items: Array<{ requestId: string; ticketId: string; ticketSubject: string | null; delegatedFrom: string | null }>; nextCursor: string | null };
};
const stagesOf = async (ticketId: string) => (await run(ticketId)).stages.map((s: { stage: string }) => s.stage);

/** A complaint at 赔偿方案 (我方责任). */
async function complaintAtPlan(): Promise<string> {
  const id = await newComplaint();
  assert.equal((await take(id, 'accepted')).statusCode, 200);
  assert.deepEqual((await take(id, 'judged', { liability: 'ours' })).data.stages, ['compensation_plan']);
  return id;
}
const newComplaint = () => newTicket('complaint');

describe('approvals at run time', () => {
  test('tiers by 赔偿金额: ≤ 500 the supervisors, ≤ 5000 the team’s lead, above countersigned by the lead and the admins', async () => {
    const cases: Array<[string, number, string, string[]]> = [
      ['500.00', 0, 'single', [supervisor.id]],
      ['500.01', 1, 'single', [lead.id]],
      ['5000', 1, 'single', [lead.id]],
      ['5000.01', 2, 'countersign', [lead.id, t.admin.id]],
    ];
    for (const [amount, tier, mode, approvers] of cases) {
      const id = await complaintAtPlan();
      const requestId = await ask(id, 'plan_agreed', { compensation: amount });
      const [request] = await approvals(id);
      assert.equal(request?.id, requestId);
      assert.equal(request?.tier, tier, amount);
      assert.equal(request?.mode, mode);
      assert.deepEqual(request?.steps.map((s) => s.approverId).sort(), [...approvers].sort(), amount);
      assert.ok(request?.steps.every((s) => s.status === 'pending'));
    }
  });

  test('the stage shows 审批中; a second attempt while pending is refused; a non-approver gets 403', async () => {
    const id = await complaintAtPlan();
    const requestId = await ask(id, 'plan_agreed', { compensation: '300' });
    const state = await run(id);
    assert.equal(state.approvalRequestId, requestId);
    assert.deepEqual(await stagesOf(id), ['compensation_plan']);
    assertProblem(await take(id, 'plan_agreed', { compensation: '300' }), 409, 'workflow.approval.pending');
    assertProblem(await decide(requestId, handler, 'approve'), 403, 'workflow.approval.not_approver');
    assertProblem(await decide(requestId, lead, 'approve'), 403, 'workflow.approval.not_approver');
    assertProblem(await t.api('POST', `/api/v1/approvals/${requestId}/signers`, { as: handler, body: { userId: u.a1!.id } }), 403, 'workflow.approval.not_approver');
    assertProblem(await t.api('POST', `/api/v1/approvals/${requestId}/reassign`, { as: supervisor, body: { to: u.a1!.id } }), 403, 'auth.forbidden');
  });

  test('a rejection needs a reason; it leaves the ticket at 赔偿方案 with the reason; asked again and approved, the transition is taken by the process', async () => {
    const id = await complaintAtPlan();
    const first = await ask(id, 'plan_agreed', { compensation: '300' });
    const noReason = assertProblem(await decide(first, supervisor, 'reject'), 400, 'validation.failed');
    assert.equal(noReason.errors?.[0]?.path, 'reason');
    const rejected = await decide(first, supervisor, 'reject', '金额偏高，请重新核算');
    assert.deepEqual(rejected.data.status, 'rejected', rejected.body);
    assert.deepEqual(await stagesOf(id), ['compensation_plan']);
    assert.equal((await run(id)).approvalRequestId, null);
    assertProblem(await decide(first, supervisor, 'approve'), 409, 'workflow.approval.not_pending');
    const [history] = await approvals(id);
    assert.equal(history?.reason, '金额偏高，请重新核算');
    assert.deepEqual(history?.steps.map((s) => [s.status, s.reason]), [['rejected', '金额偏高，请重新核算']]);
    const timeline = await t.api('GET', `/api/v1/tickets/${id}/timeline`, { as: handler });
    assert.ok(JSON.stringify(timeline.data).includes('金额偏高，请重新核算'), 'the reason is on the timeline');

    const second = await ask(id, 'plan_agreed', { compensation: '200' });
    const approved = await decide(second, supervisor, 'approve');
    assert.deepEqual(approved.data, { status: 'approved', revision: 2, stages: ['execute'] });
    assert.deepEqual(await stagesOf(id), ['execute']);
    const events = await listAggregateEvents(t.database.db, 'ticket', [id]);
    const taken = events.filter((e) => e.type === 'workflow.transition_taken' && e.payload.transition === 'plan_agreed');
    assert.equal(taken.length, 1);
    assert.equal(taken[0]?.actorId, supervisor.id);
    const decided = events.filter((e) => e.type === 'workflow.approval_decided');
    // Newest first.
    assert.deepEqual(decided.map((e) => [e.payload.decision, e.payload.outcome, e.cause]), [['approve', 'approved', taken[0]?.cause], ['reject', 'rejected', taken[0]?.cause]]);
    assert.ok(taken[0]?.cause.startsWith('process:'));
    // The one who asked stays 执行赔偿's handler's predecessor: the 赔偿方案 stage's actor is the requester.
    const returned = await t.api('POST', `/api/v1/tickets/${id}/transitions`, { as: handler, body: { transition: 'replan', reason: '重新核算', expectedRevision: (await run(id)).revision } });
    assert.equal(returned.statusCode, 200, returned.body);
  });

  test('return for changes ends the request at once, with its reason', async () => {
    const id = await newTicket('purchase');
    const requestId = await ask(id, 'countersign');
    assertProblem(await decide(requestId, u.s1!, 'return'), 400, 'validation.failed');
    assert.equal((await decide(requestId, u.s1!, 'return', '请补充报价单')).data.status, 'returned');
    const [request] = await approvals(id);
    assert.deepEqual(request?.steps.map((s) => s.status), ['returned', 'closed', 'closed']);
    assert.deepEqual(await stagesOf(id), ['apply']);
  });

  test('single: one approval takes the transition', async () => {
    const id = await newTicket('purchase');
    const requestId = await ask(id, 'single');
    assert.equal((await decide(requestId, u.a1!, 'approve')).data.status, 'approved');
    assert.deepEqual(await stagesOf(id), ['granted']);
  });

  test('chain: one after another in order; the next is asked only after the previous approved', async () => {
    const id = await newTicket('purchase');
    const requestId = await ask(id, 'chain');
    assert.equal((await mine(u.c1!)).items.find((item) => item.requestId === requestId)?.ticketSubject, '采购打印机', 'listed with the ticket\'s subject');
    assert.ok(!(await mine(u.c2!)).items.some((item) => item.requestId === requestId));
    assertProblem(await decide(requestId, u.c2!, 'approve'), 403, 'workflow.approval.not_approver');
    assert.equal((await decide(requestId, u.c1!, 'approve')).data.status, 'pending');
    assert.ok((await mine(u.c2!)).items.some((item) => item.requestId === requestId));
    assert.ok(!(await mine(u.c3!)).items.some((item) => item.requestId === requestId));
    assert.equal((await decide(requestId, u.c2!, 'approve')).data.status, 'pending');
    assert.equal((await decide(requestId, u.c3!, 'approve')).data.status, 'approved');
    const [request] = await approvals(id);
    assert.deepEqual(request?.steps.map((s) => s.approverId), [u.c1!.id, u.c2!.id, u.c3!.id]);
    assert.ok(request?.steps.every((s) => s.status === 'approved' && s.decidedAt));
  });

  test('any: a rejection leaves the others; the first approval decides', async () => {
    const id = await newTicket('purchase');
    const requestId = await ask(id, 'any');
    assert.equal((await decide(requestId, u.y1!, 'reject', '不需要')).data.status, 'pending');
    assert.equal((await decide(requestId, u.y2!, 'approve')).data.status, 'approved');
    assert.deepEqual(await stagesOf(id), ['granted']);
  });

  test('n of m: the request fails as soon as n approvals can no longer be reached', async () => {
    const id = await newTicket('purchase');
    const requestId = await ask(id, 'n_of_m');
    assert.equal((await decide(requestId, u.n1!, 'reject', '预算不足')).data.status, 'pending');
    assert.equal((await decide(requestId, u.n2!, 'reject', '预算不足')).data.status, 'rejected');
    const [request] = await approvals(id);
    assert.deepEqual(request?.steps.map((s) => s.status), ['rejected', 'rejected', 'closed']);
    assert.deepEqual(await stagesOf(id), ['apply']);
    const again = await ask(id, 'n_of_m');
    await decide(again, u.n1!, 'approve');
    assert.equal((await decide(again, u.n3!, 'approve')).data.status, 'approved');
  });

  test('countersign of three, one deactivated mid-flow: their step goes to their team’s lead', async () => {
    const id = await newTicket('purchase');
    const requestId = await ask(id, 'countersign');
    assert.equal((await decide(requestId, u.s1!, 'approve')).data.status, 'pending');
    assert.equal((await t.api('PATCH', `/api/v1/users/${u.s3!.id}`, { body: { active: false } })).statusCode, 200);
    await t.drain();
    const [request] = await approvals(id);
    assert.deepEqual(request?.steps.map((s) => [s.approverId, s.reassignedFrom]), [[u.s1!.id, null], [u.s2!.id, null], [lead.id, u.s3!.id]]);
    // The lead is outside the 采购组: being asked to approve lets them see the ticket.
    assert.ok((await mine(lead)).items.some((item) => item.requestId === requestId));
    assert.equal((await t.api('GET', `/api/v1/tickets/${id}`, { as: lead })).statusCode, 200);
    assert.equal((await decide(requestId, u.s2!, 'approve')).data.status, 'pending');
    assert.equal((await decide(requestId, lead, 'approve')).data.status, 'approved');
    assert.deepEqual(await stagesOf(id), ['granted']);
  });

  test('a deactivated approver without a lead flags the request to admins, who reassign the step', async () => {
    const id = await newTicket('purchase');
    const requestId = await ask(id, 'orphan');
    assert.equal((await t.api('PATCH', `/api/v1/users/${u.o2!.id}`, { body: { active: false } })).statusCode, 200);
    await t.drain();
    const [flagged] = await approvals(id);
    assert.equal(flagged?.needsAttention, true);
    assert.deepEqual(flagged?.attention, ['approver_inactive']);
    const attention = await t.api('GET', '/api/v1/approvals', { query: { attention: 1 } });
    assert.ok(attention.data.items.some((item: { requestId: string }) => item.requestId === requestId), attention.body);
    assertProblem(await t.api('GET', '/api/v1/approvals', { as: handler, query: { attention: 1 } }), 403, 'auth.forbidden');
    const bad = assertProblem(await t.api('POST', `/api/v1/approvals/${requestId}/reassign`, { body: { from: u.o1!.id, to: u.o1!.id } }), 409, 'workflow.approval.already_approver');
    assert.ok(bad);
    assertProblem(await t.api('POST', `/api/v1/approvals/${requestId}/reassign`, { body: { from: u.a1!.id, to: u.p1!.id } }), 400, 'validation.failed');
    assert.equal((await t.api('POST', `/api/v1/approvals/${requestId}/reassign`, { body: { from: u.o2!.id, to: u.p1!.id } })).statusCode, 200);
    const [reassigned] = await approvals(id);
    assert.equal(reassigned?.needsAttention, false);
    assert.deepEqual(reassigned?.steps.map((s) => [s.approverId, s.reassignedFrom]), [[u.o1!.id, null], [u.p1!.id, u.o2!.id]]);
    await decide(requestId, u.o1!, 'approve');
    assert.equal((await decide(requestId, u.p1!, 'approve')).data.status, 'approved');
  });

  test('approvers from a user field; nobody found (an empty field, no account manager set) flags the request, an admin names one', async () => {
    const assigned = await t.createTicket({ type: 'purchase', subject: '采购显示器', teamId: purchaseTeam, fields: { account_manager: u.a1!.id } });
    await t.drain();
    const fromField = await ask(assigned.id, 'by_field');
    const [request] = await approvals(assigned.id);
    assert.deepEqual(request?.steps.map((s) => s.approverId), [u.a1!.id]);
    assert.deepEqual(request?.attention, ['account_manager_unavailable']);
    assert.equal((await decide(fromField, u.a1!, 'approve')).data.status, 'approved');

    const id = await newTicket('purchase');
    const requestId = await ask(id, 'by_field');
    const [nobody] = await approvals(id);
    assert.deepEqual([nobody?.needsAttention, nobody?.steps.length, [...(nobody?.attention ?? [])].sort()], [true, 0, ['account_manager_unavailable', 'approver_field_empty', 'no_approvers']]);
    assert.equal((await t.api('POST', `/api/v1/approvals/${requestId}/reassign`, { body: { to: u.p1!.id } })).statusCode, 200);
    const [named] = await approvals(id);
    assert.deepEqual([named?.needsAttention, named?.steps.map((s) => [s.approverId, s.status])], [false, [[u.p1!.id, 'pending']]]);
    assert.equal((await decide(requestId, u.p1!, 'approve')).data.status, 'approved');
  });

  test('the requester\'s account manager (客户经理, the contact\'s owner) is asked when the plan names them', async () => {
    const ticket = await t.createTicket({ type: 'purchase', subject: '采购扫描仪', teamId: purchaseTeam, requester: { name: '采购客户', email: 'buyer-am@example.test' } });
    await t.drain();
    const requesterId = (await getTicketSnapshot(t.database.db, ticket.id))?.requesterId;
    assert.ok(requesterId);
    assert.equal((await t.api('PATCH', `/api/v1/contacts/${requesterId}`, { body: { ownerId: u.p1!.id } })).statusCode, 200);
    const requestId = await ask(ticket.id, 'by_field');
    const [request] = await approvals(ticket.id);
    assert.deepEqual([request?.steps.map((s) => s.approverId), request?.attention], [[u.p1!.id], ['approver_field_empty']]);
    assert.equal((await decide(requestId, u.p1!, 'approve')).data.status, 'approved');
  });

  test('delegation: a request to an absent approver goes to the substitute, recorded as delegated', async () => {
    const from = new Date(Date.now() - 86_400_000).toISOString();
    const until = new Date(Date.now() + 86_400_000).toISOString();
    assertProblem(await t.api('PUT', '/api/v1/me/approval-delegate', { as: u.d1!, body: { userId: u.d1!.id, from, until } }), 400, 'validation.failed');
    assertProblem(await t.api('PUT', '/api/v1/me/approval-delegate', { as: u.d1!, body: { userId: u.d2!.id, from: until, until: from } }), 400, 'validation.failed');
    const set = await t.api('PUT', '/api/v1/me/approval-delegate', { as: u.d1!, body: { userId: u.d2!.id, from, until } });
    assert.equal(set.statusCode, 200, set.body);
    assert.equal((await t.api('GET', '/api/v1/me/approval-delegate', { as: u.d1! })).data.delegate.userId, u.d2!.id);
    const id = await newTicket('purchase');
    const requestId = await ask(id, 'delegated');
    const waiting = await mine(u.d2!);
    assert.deepEqual(waiting.items.find((item) => item.requestId === requestId)?.delegatedFrom, u.d1!.id);
    assert.equal((await decide(requestId, u.d2!, 'approve')).data.status, 'approved');
    const [request] = await approvals(id);
    assert.deepEqual(request?.steps.map((s) => [s.approverId, s.delegatedFrom, s.status]), [[u.d2!.id, u.d1!.id, 'approved']]);
    assert.equal((await t.api('DELETE', '/api/v1/me/approval-delegate', { as: u.d1! })).statusCode, 204);
    // A step asked of a1 while present; a1 then names a substitute, who may decide it.
    const other = await newTicket('purchase');
    const laterId = await ask(other, 'single');
    await t.api('PUT', '/api/v1/me/approval-delegate', { as: u.a1!, body: { userId: u.d2!.id, from, until } });
    assert.equal((await decide(laterId, u.d2!, 'approve')).data.status, 'approved');
    const [later] = await approvals(other);
    assert.deepEqual(later?.steps.map((s) => [s.approverId, s.delegatedFrom]), [[u.d2!.id, u.a1!.id]]);
    await t.api('DELETE', '/api/v1/me/approval-delegate', { as: u.a1! });
  });

  test('加签: an approver adds a signer whose approval is needed too', async () => {
    const id = await newTicket('purchase');
    const requestId = await ask(id, 'signer');
    const added = await t.api('POST', `/api/v1/approvals/${requestId}/signers`, { as: u.g1!, body: { userId: u.g2!.id } });
    assert.equal(added.statusCode, 200, added.body);
    assertProblem(await t.api('POST', `/api/v1/approvals/${requestId}/signers`, { as: u.g1!, body: { userId: u.g2!.id } }), 409, 'workflow.approval.already_approver');
    assert.equal((await decide(requestId, u.g1!, 'approve')).data.status, 'pending');
    assert.equal((await decide(requestId, u.g2!, 'approve')).data.status, 'approved');
    const [request] = await approvals(id);
    assert.equal(request?.needed, 2);
  });

  test('two approvers approving at once on any: exactly one completes it, the transition is taken once', async () => {
    const id = await newTicket('purchase');
    const requestId = await ask(id, 'race');
    const answers = await Promise.all([decide(requestId, u.r1!, 'approve'), decide(requestId, u.r2!, 'approve')]);
    assert.deepEqual(answers.map((a) => a.statusCode).sort(), [200, 409], answers.map((a) => a.body).join('\n'));
    assertProblem(answers.find((a) => a.statusCode === 409)!, 409, 'workflow.approval.not_pending');
    const events = await listAggregateEvents(t.database.db, 'ticket', [id]);
    assert.equal(events.filter((e) => e.type === 'workflow.transition_taken').length, 1);
    assert.deepEqual(await stagesOf(id), ['granted']);
  });

  test('待我审批: oldest first, keyset pages; a bad cursor is refused', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push(await ask(await newTicket('purchase'), 'paging'));
    const first = await mine(u.p1!, { limit: 2 });
    assert.deepEqual(first.items.map((item) => item.requestId), ids.slice(0, 2));
    assert.ok(first.nextCursor);
    const second = await mine(u.p1!, { limit: 2, cursor: first.nextCursor! });
    assert.deepEqual(second.items.map((item) => item.requestId), ids.slice(2));
    assert.equal(second.nextCursor, null);
    assertProblem(await t.api('GET', '/api/v1/approvals', { as: u.p1!, query: { mine: 1, cursor: 'nonsense' } }), 400, 'validation.failed');
  });

  test('a process id in the events: every decision is caused by the process', async () => {
    const id = await newTicket('purchase');
    const requestId = await ask(id, 'single');
    await decide(requestId, u.a1!, 'approve');
    const events = await listAggregateEvents(t.database.db, 'ticket', [id]);
    for (const type of ['workflow.approval_requested', 'workflow.approval_decided', 'workflow.transition_taken']) assert.equal(events.find((e) => e.type === type)?.cause, `process:${purchaseProcess}`, type);
  });
  // Last: it publishes a second version of the purchase process.
  test('a ticket waiting for its approval is not migrated to another version until the approval is decided', async () => {
    const ticket = await t.createTicket({ type: 'purchase', subject: '采购投影仪', teamId: purchaseTeam, fields: { account_manager: u.a1!.id } });
    await t.drain();
    const requestId = await ask(ticket.id, 'by_field');
    assert.equal((await t.api('POST', `/api/v1/processes/${purchaseProcess}/publish`)).statusCode, 201);
    const order = { fromVersion: 1, toVersion: 2, ticketIds: [ticket.id] };
    const preview = await t.api('POST', `/api/v1/processes/${purchaseProcess}/migrations/preview`, { body: order });
    assert.deepEqual(preview.data.items[0].problems.map((p: { code: string }) => p.code), ['workflow.migration.approval_pending']);
    const expectedRevisions = { [ticket.id]: preview.data.items[0].revision };
    const refused = await t.api('POST', `/api/v1/processes/${purchaseProcess}/migrations`, { body: { ...order, confirm: true, expectedRevisions } });
    assert.deepEqual(refused.data.outcomes.map((o: { outcome: string }) => o.outcome), ['refused']);
    assert.equal((await decide(requestId, u.a1!, 'approve')).data.status, 'approved');
    const after = await t.api('POST', `/api/v1/processes/${purchaseProcess}/migrations/preview`, { body: order });
    assert.deepEqual(after.data.items[0].problems, []);
  });
});
