import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { assertProblem, createTestApp, type TestApp, type TestUser } from '../../app/test-app.js';
import type { ProcessDefinitionInput } from '../../workflow-model/definition.js';
import { complaintFlow } from '../../workflow-model/fixtures/complaint-flow.js';
import { setUpComplaintType } from './test-complaint-process.js';

/**
 * The transitions a ticket's process offers its reader (GET /tickets/{id}/process), judged like the
 * POST: who may take them, the required fields still empty (named by label), the condition, a
 * return (no fields, a reason), an approval — and the POST agrees with every answer.
 */
const label = (zh: string, en: string) => ({ 'zh-CN': zh, en });
/** The complaint flow with a conditional shortcut out of 受理 and a return from 责任判定, so every kind of reason shows on its first stages. */
const flow: ProcessDefinitionInput = {
  ...complaintFlow,
  transitions: [
    ...complaintFlow.transitions,
    { id: 'straight_to_survey', from: 'accept', to: 'site_survey', label: label('直接勘察', 'Straight to survey'), condition: { field: 'fields.needs_site_survey', op: 'is', value: true } },
    { id: 'back_to_accept', from: 'judge', to: 'accept', kind: 'return', label: label('退回受理', 'Back to accept') },
  ],
};

type Option = { id: string; kind: string; available: boolean; needsApproval: boolean; reasons: Array<{ code: string; message: string; fields?: Array<{ key: string; label: Record<string, string> }> }>; fields: Array<{ key: string }> };
type Stage = { stage: string; name: Record<string, string>; assigneeRole: string | null; requiredFields: Array<{ key: string; label: Record<string, string> }>; sla: { targetMinutes: number; dueAt: string } | null; enteredAt: string; transitions: Option[] };

let t: TestApp;
let agent: TestUser;
let teamId: string;
before(async () => {
  t = await createTestApp();
  teamId = await t.team('投诉组');
  agent = await t.user('agent', { teamIds: [teamId] });
  await setUpComplaintType(t);
  const created = await t.api('POST', '/api/v1/processes', { body: { key: 'complaint_flow', name: label('投诉处理', 'Complaints'), ticketType: 'complaint', definition: flow } });
  assert.equal(created.statusCode, 201, created.body);
  assert.equal((await t.api('POST', `/api/v1/processes/${created.data.id}/publish`)).statusCode, 201);
});
after(() => t.close());

async function newComplaint(): Promise<string> {
  const ticket = await t.createTicket({ type: 'complaint', subject: '墙面开裂', teamId });
  await t.drain();
  return ticket.id;
}
async function run(ticketId: string, as: TestUser = agent, language = 'zh-CN') {
  const res = await t.api('GET', `/api/v1/tickets/${ticketId}/process`, { as, headers: { 'accept-language': language } });
  assert.equal(res.statusCode, 200, res.body);
  return res.data as { revision: number; approvalRequestId: string | null; stages: Stage[]; doneStages: string[]; map: { nodes: Array<{ id: string; kind: string }>; transitions: Array<{ id: string }> } };
}
const option = (stage: Stage | undefined, id: string) => {
  const found = stage?.transitions.find((candidate) => candidate.id === id);
  assert.ok(found, `no option ${id} at ${stage?.stage}`);
  return found;
};
const take = async (ticketId: string, transition: string, body: Record<string, unknown> = {}, as: TestUser = agent) =>
  t.api('POST', `/api/v1/tickets/${ticketId}/transitions`, { as, body: { transition, expectedRevision: (await run(ticketId, as)).revision, ...body } });
async function setField(ticketId: string, key: string, value: unknown) {
  const ticket = await t.api('GET', `/api/v1/tickets/${ticketId}`);
  const res = await t.api('PATCH', `/api/v1/tickets/${ticketId}`, { body: { fields: { [key]: value } }, ifMatch: ticket.data.version });
  assert.equal(res.statusCode, 200, res.body);
}

describe('the transitions a ticket offers its reader', () => {
  test('the stage’s worker may take 受理完成; someone else sees why not, and the POST says the same', async () => {
    const id = await newComplaint();
    const mine = await run(id);
    const [accept] = mine.stages;
    assert.equal(accept?.stage, 'accept');
    assert.deepEqual(accept?.name, { 'zh-CN': '受理', en: 'Accept' });
    assert.equal(accept?.assigneeRole, 'agent');
    assert.equal(accept?.sla, null);
    assert.deepEqual(option(accept, 'accepted'), { id: 'accepted', label: { 'zh-CN': '受理完成', en: 'Accepted' }, kind: 'forward', needsApproval: false, available: true, reasons: [], fields: [] });
    assert.deepEqual(mine.doneStages, []);
    assert.deepEqual(mine.map.nodes.map((node) => node.id), flow.nodes.map((node) => node.id));
    assert.equal(mine.map.transitions.length, flow.transitions.length);

    const supervisor = await t.user('supervisor');
    const theirs = option((await run(id, supervisor)).stages[0], 'accepted');
    assert.equal(theirs.available, false);
    assert.deepEqual(theirs.reasons.map((reason) => [reason.code, reason.message]), [['not_allowed', '你不能执行这个流转']]);
    assertProblem(await take(id, 'accepted', {}, supervisor), 403, 'workflow.transition.not_allowed');
    assert.equal((await take(id, 'accepted')).statusCode, 200);
  });

  test('a required field still empty is named by its label, in the reader’s language, until it is filled', async () => {
    const id = await newComplaint();
    assert.equal((await take(id, 'straight_to_survey', { values: { needs_site_survey: true } })).statusCode, 200);
    const state = await run(id);
    const survey = state.stages[0];
    assert.equal(survey?.stage, 'site_survey');
    assert.deepEqual(state.doneStages, ['accept']);
    assert.deepEqual(survey?.requiredFields, [{ key: 'fields.survey_result', label: label('勘察结果', 'Survey result') }]);
    assert.equal(survey?.sla?.targetMinutes, 960);
    assert.ok(Date.parse(survey!.sla!.dueAt) > Date.parse(survey!.enteredAt));
    const submit = option(survey, 'surveyed');
    assert.equal(submit.available, false);
    assert.deepEqual(submit.fields.map((field) => field.key), ['fields.survey_result']);
    assert.deepEqual(submit.reasons, [{ code: 'fields_missing', message: '需要先填写 勘察结果', fields: [{ key: 'fields.survey_result', label: label('勘察结果', 'Survey result') }] }]);
    assert.equal(option((await run(id, agent, 'en')).stages[0], 'surveyed').reasons[0]?.message, 'Fill in Survey result first');
    assertProblem(await take(id, 'surveyed'), 400, 'validation.failed');

    await setField(id, 'survey_result', '墙体裂缝 2 米');
    const filled = option((await run(id)).stages[0], 'surveyed');
    assert.deepEqual([filled.available, filled.reasons], [true, []]);
    assert.deepEqual((await take(id, 'surveyed')).data.stages, ['judge']);
  });

  test('a condition that does not hold blocks its transition until the ticket’s values make it hold', async () => {
    const id = await newComplaint();
    const blocked = option((await run(id)).stages[0], 'straight_to_survey');
    assert.equal(blocked.available, false);
    assert.deepEqual(blocked.reasons.map((reason) => [reason.code, reason.message]), [['condition_not_met', '不满足流转“直接勘察”的条件']]);
    assertProblem(await take(id, 'straight_to_survey'), 409, 'workflow.transition.condition_not_met');
    await setField(id, 'needs_site_survey', true);
    assert.equal(option((await run(id)).stages[0], 'straight_to_survey').available, true);
    assert.deepEqual((await take(id, 'straight_to_survey')).data.stages, ['site_survey']);
  });

  test('a return asks for no fields; while an approval is pending every button says so, as the POST does', async () => {
    const id = await newComplaint();
    await take(id, 'accepted');
    const judge = (await run(id)).stages[0];
    assert.equal(judge?.stage, 'judge');
    const back = option(judge, 'back_to_accept');
    assert.deepEqual([back.kind, back.available, back.fields, back.reasons], ['return', true, [], []]);
    assert.deepEqual(option(judge, 'judged').reasons.map((reason) => reason.message), ['需要先填写 责任判定']);
    assertProblem(await take(id, 'back_to_accept'), 400, 'validation.failed');
    assert.deepEqual((await take(id, 'back_to_accept', { reason: '信息不全' })).data.stages, ['accept']);

    await take(id, 'accepted');
    await take(id, 'judged', { values: { liability: 'ours' } });
    const plan = option((await run(id)).stages[0], 'plan_agreed');
    assert.equal(plan.needsApproval, true);
    assert.deepEqual(plan.reasons.map((reason) => reason.code), ['fields_missing']);
    await setField(id, 'compensation', '300.00');
    const asked = await take(id, 'plan_agreed');
    assert.ok(asked.data.approvalRequestId, asked.body);
    const waiting = await run(id);
    assert.equal(waiting.approvalRequestId, asked.data.approvalRequestId);
    for (const transition of waiting.stages[0]!.transitions) {
      assert.deepEqual([transition.available, transition.reasons.map((reason) => reason.message)], [false, ['流程正在审批中，审批结束前不能流转']], transition.id);
    }
    assertProblem(await take(id, 'plan_agreed'), 409, 'workflow.approval.pending');
  });

  test('a ticket without a process has no run to show', async () => {
    const plain = await t.createTicket({ subject: '咨询', teamId });
    await t.drain();
    assertProblem(await t.api('GET', `/api/v1/tickets/${plain.id}/process`, { as: agent }), 404, 'workflow.instance.not_found');
  });
});
