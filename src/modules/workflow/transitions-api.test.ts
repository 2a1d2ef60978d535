import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { assertProblem, createTestApp, type TestApp, type TestUser } from '../../app/test-app.js';
import { listAggregateEvents } from '../../jobs/events.js';
import { complaintFlow } from '../../workflow-model/fixtures/complaint-flow.js';
import { setUpComplaintType } from './test-complaint-process.js';

/** A ticket of the 投诉 type runs the complaint process: instances on the version of their start, transitions with their checks, optimistic concurrency. */
let t: TestApp;
let agent: TestUser;
let otherAgent: TestUser;
let processId: string;
let teamId: string;
before(async () => {
  t = await createTestApp();
  teamId = await t.team('投诉组');
  agent = await t.user('agent', { teamIds: [teamId] });
  otherAgent = await t.user('agent', { teamIds: [teamId] });
  await setUpComplaintType(t);
  const created = await t.api('POST', '/api/v1/processes', { body: { key: 'complaint_flow', name: { 'zh-CN': '投诉处理' }, ticketType: 'complaint', definition: complaintFlow } });
  processId = created.data.id;
  assert.equal((await t.api('POST', `/api/v1/processes/${processId}/publish`)).statusCode, 201);
});
after(() => t.close());

async function newComplaint(): Promise<string> {
  const ticket = await t.createTicket({ type: 'complaint', subject: '墙面开裂', teamId });
  await t.drain();
  return ticket.id;
}
const run = async (ticketId: string, as: TestUser = agent) => {
  const res = await t.api('GET', `/api/v1/tickets/${ticketId}/process`, { as });
  assert.equal(res.statusCode, 200, res.body);
  return res.data;
};
const take = async (ticketId: string, transition: string, body: Record<string, unknown> = {}, as: TestUser = agent) =>
  t.api('POST', `/api/v1/tickets/${ticketId}/transitions`, { as, body: { transition, expectedRevision: (await run(ticketId, as)).revision, ...body } });

describe('process instances and transitions', () => {
  test('a new complaint starts at 受理 on the current version; a ticket without a type runs nothing', async () => {
    const id = await newComplaint();
    const state = await run(id);
    assert.equal(state.version, 1);
    assert.equal(state.revision, 1);
    assert.deepEqual(state.stages.map((s: { stage: string }) => s.stage), ['accept']);
    assert.equal(state.stages[0].assigneeRole, 'agent');
    const plain = await t.createTicket({ subject: '咨询' });
    await t.drain();
    assertProblem(await t.api('GET', `/api/v1/tickets/${plain.id}/process`), 404, 'workflow.instance.not_found');
  });

  test('the stage’s worker takes a transition: fields written, gateway passed, the event caused by the process', async () => {
    const id = await newComplaint();
    assertProblem(await take(id, 'accepted', { values: { needs_site_survey: true } }, t.admin), 403, 'workflow.transition.not_allowed');
    const res = await take(id, 'accepted', { values: { needs_site_survey: true } });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.data, { revision: 2, stages: ['site_survey'], completed: false });
    const ticket = await t.api('GET', `/api/v1/tickets/${id}`);
    assert.equal(ticket.data.fields.needs_site_survey, true);
    const events = await listAggregateEvents(t.database.db, 'ticket', [id]);
    const taken = events.find((event) => event.type === 'workflow.transition_taken');
    assert.equal(taken?.cause, `process:${processId}`);
    assert.deepEqual(taken?.payload.entered, ['site_survey']);
    // The field change went through the tickets service with the same cause.
    assert.equal(events.find((event) => event.type === 'ticket.updated')?.cause, `process:${processId}`);
  });

  test('required fields are judged after the write; a refusal writes nothing', async () => {
    const id = await newComplaint();
    await take(id, 'accepted', { values: { needs_site_survey: true } });
    const missing = await take(id, 'surveyed', { values: { explanation: '先写了别的' } });
    const problem = assertProblem(missing, 400, 'validation.failed');
    assert.deepEqual(problem.errors?.map((e) => [e.path, e.code]), [['values.survey_result', 'workflow.transition.field_required']]);
    assert.equal((await t.api('GET', `/api/v1/tickets/${id}`)).data.fields.explanation, undefined);
    assert.equal((await run(id)).revision, 2);
    const done = await take(id, 'surveyed', { values: { survey_result: '墙体裂缝 2 米' } });
    assert.deepEqual(done.data.stages, ['judge']);
    assertProblem(await take(id, 'accepted'), 400, 'validation.failed');
  });

  test('an exclusive gateway takes the branch whose condition holds; a transition with an approval waits for it', async () => {
    const id = await newComplaint();
    await take(id, 'accepted');
    assert.deepEqual((await run(id)).stages.map((s: { stage: string }) => s.stage), ['judge']);
    assert.deepEqual((await take(id, 'judged', { values: { liability: 'ours' } })).data.stages, ['compensation_plan']);
    const asked = await take(id, 'plan_agreed', { values: { compensation: '800.00' } });
    assert.equal(asked.statusCode, 200, asked.body);
    assert.deepEqual(asked.data.stages, ['compensation_plan']);
    assert.ok(asked.data.approvalRequestId);
    assert.equal((await run(id)).approvalRequestId, asked.data.approvalRequestId);
  });

  test('非我方责任 → 解释说明 → 回访 by someone other than the handler → 关闭: the run completes', async () => {
    const id = await newComplaint();
    await take(id, 'accepted');
    assert.deepEqual((await take(id, 'judged', { values: { liability: 'not_ours' } })).data.stages, ['explain']);
    assert.deepEqual((await take(id, 'explained', { values: { explanation: '非产品质量问题' } })).data.stages, ['follow_up']);
    assertProblem(await take(id, 'close'), 403, 'workflow.transition.not_allowed');
    const closed = await take(id, 'close', {}, otherAgent);
    assert.deepEqual(closed.data, { revision: 5, stages: [], completed: true });
    assert.equal((await run(id)).status, 'completed');
    assertProblem(await take(id, 'close', {}, otherAgent), 404, 'workflow.instance.not_running');
  });

  test('two transitions at once on one ticket: exactly one succeeds, the other gets 409', async () => {
    const id = await newComplaint();
    const { revision } = await run(id);
    const body = (values: Record<string, unknown>) => ({ as: agent, body: { transition: 'accepted', expectedRevision: revision, values } });
    const answers = await Promise.all([t.api('POST', `/api/v1/tickets/${id}/transitions`, body({ needs_site_survey: true })), t.api('POST', `/api/v1/tickets/${id}/transitions`, body({ needs_site_survey: false }))]);
    assert.deepEqual(answers.map((a) => a.statusCode).sort(), [200, 409], answers.map((a) => a.body).join('\n'));
    const lost = answers.find((a) => a.statusCode === 409)!;
    assertProblem(lost, 409, 'workflow.instance.revision_mismatch');
    const state = await run(id);
    assert.equal(state.revision, revision + 1);
    const won = answers.find((a) => a.statusCode === 200)!;
    assert.deepEqual(state.stages.map((s: { stage: string }) => s.stage), won.data.stages);
  });

  test('a ticket stays on the version it started with; new tickets take the newly published one', async () => {
    const old = await newComplaint();
    const detail = (await t.api('GET', `/api/v1/processes/${processId}`)).data;
    const v2 = structuredClone(complaintFlow);
    v2.nodes.push({ kind: 'stage', id: 'quality_check', name: { 'zh-CN': '质检', en: 'Quality check' }, position: { x: 1040, y: -160 } });
    (v2.transitions.find((x) => x.id === 'paid') as { to: string }).to = 'quality_check';
    v2.transitions.push({ id: 'checked', from: 'quality_check', to: 'follow_up', label: { 'zh-CN': '质检通过', en: 'Checked' } });
    assert.equal((await t.api('PUT', `/api/v1/processes/${processId}`, { body: { definition: v2 }, ifMatch: detail.version })).statusCode, 200);
    assert.equal((await t.api('POST', `/api/v1/processes/${processId}/publish`)).data.version, 2);
    assert.equal((await run(old)).version, 1);
    assert.equal((await run(await newComplaint())).version, 2);
  });

  test('待我处理的环节: the stages my role, team or I work on, only tickets I may see', async () => {
    const id = await newComplaint();
    const mine = await t.api('GET', '/api/v1/process-stages', { as: agent, query: { mine: 1, limit: 100 } });
    assert.equal(mine.statusCode, 200, mine.body);
    assert.ok(mine.data.items.some((item: { ticketId: string; stage: string }) => item.ticketId === id && item.stage === 'accept'));
    const supervisor = await t.user('supervisor');
    const theirs = await t.api('GET', '/api/v1/process-stages', { as: supervisor, query: { mine: 1 } });
    assert.ok(!theirs.data.items.some((item: { ticketId: string }) => item.ticketId === id));
    const atStage = await t.api('GET', '/api/v1/process-stages', { as: supervisor, query: { processId, stage: 'accept', limit: 1 } });
    assert.equal(atStage.data.items.length, 1);
    assert.ok(atStage.data.nextCursor);
    const next = await t.api('GET', '/api/v1/process-stages', { as: supervisor, query: { processId, stage: 'accept', limit: 1, cursor: atStage.data.nextCursor } });
    assert.notEqual(next.data.items[0]?.ticketId, atStage.data.items[0].ticketId);
  });
});
