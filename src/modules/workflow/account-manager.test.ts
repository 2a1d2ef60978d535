import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { assertProblem, createTestApp, type TestApp, type TestUser } from '../../app/test-app.js';
import { complaintFlow } from '../../workflow-model/fixtures/complaint-flow.js';
import { getTicketSnapshot } from '../tickets/index.js';
import { resolveAccountManager } from './account-manager.js';
import { setUpComplaintType } from './test-complaint-process.js';

/**
 * The requester's account manager (客户经理, a contact's or organisation's `ownerId`): set through the
 * customers API by those who may edit customers, and resolved for stages whose worker is
 * `account_manager` (the complaint flow's 回访), falling back to the ticket's assignee or team.
 */
let t: TestApp;
let agent: TestUser;
let closer: TestUser;
let supervisor: TestUser;
let manager: TestUser;
let orgManager: TestUser;
let teamId: string;
before(async () => {
  t = await createTestApp();
  teamId = await t.team('投诉组');
  agent = await t.user('agent', { teamIds: [teamId] });
  closer = await t.user('agent', { teamIds: [teamId] });
  supervisor = await t.user('supervisor');
  // In the team: an agent sees only their teams' and their own tickets (an account manager outside the team would not see the stage's ticket).
  manager = await t.user('agent', { name: '客户经理 陈', teamIds: [teamId] });
  orgManager = await t.user('agent', { name: '大客户经理 林' });
  await setUpComplaintType(t);
  const created = await t.api('POST', '/api/v1/processes', { body: { key: 'complaint_flow', name: { 'zh-CN': '投诉处理' }, ticketType: 'complaint', definition: complaintFlow } });
  assert.equal((await t.api('POST', `/api/v1/processes/${created.data.id}/publish`)).statusCode, 201);
});
after(() => t.close());

let counter = 0;
/** A complaint from a new requester; answers the ticket and the requester's contact id. */
async function complaintFrom(): Promise<{ ticketId: string; contactId: string }> {
  counter += 1;
  const ticket = await t.createTicket({ type: 'complaint', subject: '地板起鼓', teamId, requester: { name: `业主 ${counter}`, email: `owner${counter}@example.test` } });
  await t.drain();
  const snapshot = await getTicketSnapshot(t.database.db, ticket.id);
  assert.ok(snapshot?.requesterId);
  return { ticketId: ticket.id, contactId: snapshot.requesterId };
}
const patchContact = (contactId: string, body: Record<string, unknown>, as: TestUser = supervisor) => t.api('PATCH', `/api/v1/contacts/${contactId}`, { as, body });
const stagesOf = async (ticketId: string) => (await t.api('GET', `/api/v1/tickets/${ticketId}/process`, { as: agent })).data as { revision: number; stages: Array<{ stage: string; assigneeUserId: string | null; assigneeTeamId: string | null }> };
async function walkToFollowUp(ticketId: string) {
  for (const [transition, values] of [['accepted', {}], ['judged', { liability: 'not_ours' }], ['explained', { explanation: '属正常热胀冷缩' }]] as const) {
    const res = await t.api('POST', `/api/v1/tickets/${ticketId}/transitions`, { as: agent, body: { transition, values, expectedRevision: (await stagesOf(ticketId)).revision } });
    assert.equal(res.statusCode, 200, res.body);
  }
  const [followUp] = (await stagesOf(ticketId)).stages;
  assert.equal(followUp?.stage, 'follow_up');
  return followUp;
}

describe('the requester’s account manager', () => {
  test('is set and read through the contacts API by those who may edit customers; an unknown user is refused at ownerId', async () => {
    const { contactId } = await complaintFrom();
    assertProblem(await patchContact(contactId, { ownerId: manager.id }, agent), 403, 'auth.forbidden');
    assert.deepEqual(assertProblem(await patchContact(contactId, { ownerId: '0190a000-0000-7000-8000-00000000beef' }), 400, 'validation.failed').errors?.map((e) => [e.path, e.code]), [['ownerId', 'customer.owner_invalid']]);
    const patched = await patchContact(contactId, { ownerId: manager.id });
    assert.equal(patched.statusCode, 200, patched.body);
    assert.deepEqual((await t.api('GET', `/api/v1/contacts/${contactId}`, { as: agent })).data.owner, { id: manager.id, name: '客户经理 陈' });
  });

  test('the 回访 stage (worker: account_manager) goes to the requester’s account manager, who may close it', async () => {
    const { ticketId, contactId } = await complaintFrom();
    assert.equal((await patchContact(contactId, { ownerId: manager.id })).statusCode, 200);
    const followUp = await walkToFollowUp(ticketId);
    assert.deepEqual([followUp.assigneeUserId, followUp.assigneeTeamId], [manager.id, null]);
    const mine = await t.api('GET', '/api/v1/process-stages?mine=1', { as: manager });
    assert.equal(mine.statusCode, 200, mine.body);
    assert.ok(JSON.stringify(mine.data).includes(ticketId), 'in the manager’s 待我处理的环节');
    const body = async () => ({ transition: 'close', expectedRevision: (await stagesOf(ticketId)).revision });
    assertProblem(await t.api('POST', `/api/v1/tickets/${ticketId}/transitions`, { as: closer, body: await body() }), 403, 'workflow.transition.not_allowed');
    const closed = await t.api('POST', `/api/v1/tickets/${ticketId}/transitions`, { as: manager, body: await body() });
    assert.equal(closed.statusCode, 200, closed.body);
  });

  test('without an account manager the stage falls back to the ticket’s team, as before', async () => {
    const { ticketId } = await complaintFrom();
    const followUp = await walkToFollowUp(ticketId);
    assert.deepEqual([followUp.assigneeUserId, followUp.assigneeTeamId], [null, teamId]);
    const closed = await t.api('POST', `/api/v1/tickets/${ticketId}/transitions`, { as: closer, body: { transition: 'close', expectedRevision: (await stagesOf(ticketId)).revision } });
    assert.equal(closed.statusCode, 200, closed.body);
  });

  test('resolveAccountManager: the contact’s own, else the organisation’s; a deactivated one is skipped', async () => {
    const { ticketId, contactId } = await complaintFrom();
    assert.equal(await resolveAccountManager(t.database.db, ticketId), null);
    const org = await t.api('POST', '/api/v1/organizations', { body: { name: `华南置业 ${counter}`, ownerId: orgManager.id } });
    assert.equal(org.statusCode, 201, org.body);
    assert.equal((await patchContact(contactId, { organizationId: org.data.id })).statusCode, 200);
    assert.equal(await resolveAccountManager(t.database.db, ticketId), orgManager.id);
    const leaving = await t.user('agent', { name: '离职经理' });
    assert.equal((await patchContact(contactId, { ownerId: leaving.id })).statusCode, 200);
    assert.equal(await resolveAccountManager(t.database.db, ticketId), leaving.id);
    assert.equal((await t.api('PATCH', `/api/v1/users/${leaving.id}`, { body: { active: false } })).statusCode, 200);
    assert.equal(await resolveAccountManager(t.database.db, ticketId), orgManager.id);
    const plain = await t.createTicket({ subject: '无提交人' });
    assert.equal(await resolveAccountManager(t.database.db, plain.id), null);
  });
});
