import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { assertProblem, createTestApp, type TestApp, type TestUser } from '../../app/test-app.js';
import { queryRows } from '../../db/database.js';
import { listAggregateEvents } from '../../jobs/events.js';
import { complaintFlow } from '../../workflow-model/fixtures/complaint-flow.js';
import type { ProcessDefinitionInput } from '../../workflow-model/definition.js';
import { complaintTicketType, setUpComplaintType } from './test-complaint-process.js';

/**
 * Stage and transition actions run (issue 19 §1): once per move, in the transition's transaction,
 * with cause `process:<id>`, acting as the process; a failing action rolls the transition back.
 */
let t: TestApp;
let agent: TestUser;
let supervisor: TestUser;
let processId: string;
let teamId: string;
const missingEndpoint = '0190a000-0000-7000-8000-00000000dead';

/** The complaint flow with actions: entry of 受理, the 受理完成 transition, the gateway's 无需勘察, exit of 受理, entry of 责任判定; a webhook to no endpoint on 提交判定. */
function flowWithActions(): ProcessDefinitionInput {
  const flow = structuredClone(complaintFlow);
  const node = (id: string) => flow.nodes.find((n) => n.id === id) as { entryActions?: unknown[]; exitActions?: unknown[] };
  const transition = (id: string) => flow.transitions.find((x) => x.id === id) as { actions?: unknown[] };
  node('accept').entryActions = [{ type: 'add_tags', tags: ['流程中'] }];
  transition('accepted').actions = [
    { type: 'set_field', field: 'priority', value: 'urgent' },
    { type: 'notify', recipients: { userIds: [supervisor.id, agent.id] }, texts: { 'zh-CN': '投诉已受理', en: 'Complaint accepted' } },
  ];
  transition('skip_survey').actions = [{ type: 'add_tags', tags: ['免勘察'] }];
  node('accept').exitActions = [{ type: 'add_note', body: '受理环节结束' }];
  node('judge').entryActions = [{ type: 'add_tags', tags: ['待判定'] }];
  transition('judged').actions = [{ type: 'set_field', field: 'priority', value: 'low' }, { type: 'webhook', endpointId: missingEndpoint, eventType: 'process.judged' }];
  return flow;
}

before(async () => {
  t = await createTestApp();
  teamId = await t.team('投诉组');
  agent = await t.user('agent', { teamIds: [teamId] });
  supervisor = await t.user('supervisor');
  await setUpComplaintType(t);
  const created = await t.api('POST', '/api/v1/processes', { body: { key: 'complaint_flow', name: { 'zh-CN': '投诉处理', en: 'Complaints' }, ticketType: 'complaint', definition: flowWithActions() } });
  assert.equal(created.statusCode, 201, created.body);
  processId = created.data.id;
  const published = await t.api('POST', `/api/v1/processes/${processId}/publish`);
  assert.equal(published.statusCode, 201, published.body);
});
after(() => t.close());

async function newComplaint(): Promise<string> {
  const ticket = await t.createTicket({ type: 'complaint', subject: '墙面开裂', teamId, priority: 'normal' });
  await t.drain();
  return ticket.id;
}
const revisionOf = async (ticketId: string) => (await t.api('GET', `/api/v1/tickets/${ticketId}/process`, { as: agent })).data.revision as number;
const take = async (ticketId: string, transition: string, body: Record<string, unknown> = {}, revision?: number) =>
  t.api('POST', `/api/v1/tickets/${ticketId}/transitions`, { as: agent, body: { transition, expectedRevision: revision ?? (await revisionOf(ticketId)), ...body } });
const ticketOf = async (ticketId: string) => (await t.api('GET', `/api/v1/tickets/${ticketId}`)).data;
const notificationsOf = (ticketId: string) =>
  queryRows<{ userId: string; cause: string }>(t.database.db, sql`select user_id as "userId", cause from notifications where ticket_id = ${ticketId} and kind = 'rule' order by user_id`);

describe('process actions', () => {
  test('the first stage’s entry actions run when the process starts, caused by the process', async () => {
    const id = await newComplaint();
    assert.deepEqual((await ticketOf(id)).tags, ['流程中']);
    const events = await listAggregateEvents(t.database.db, 'ticket', [id]);
    const tagged = events.filter((event) => event.type === 'ticket.updated');
    assert.equal(tagged.length, 1);
    assert.equal(tagged[0]?.cause, `process:${processId}`);
  });

  test('a transition runs its actions, the gateway’s, the exit and the entry actions once, in order, as the process', async () => {
    const id = await newComplaint();
    const revision = await revisionOf(id);
    const res = await take(id, 'accepted', {}, revision);
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.data.stages, ['judge']);
    const ticket = await ticketOf(id);
    assert.equal(ticket.priority, 'urgent');
    assert.deepEqual([...ticket.tags].sort(), ['免勘察', '流程中', '待判定'].sort());
    // Notified once, never the agent who took the transition.
    assert.deepEqual(await notificationsOf(id), [{ userId: supervisor.id, cause: `process:${processId}` }]);
    const events = (await listAggregateEvents(t.database.db, 'ticket', [id])).reverse().filter((event) => !event.type.startsWith('sla.'));
    const taken = events.findIndex((event) => event.type === 'workflow.transition_taken');
    const fromActions = events.slice(taken + 1);
    assert.deepEqual(fromActions.map((event) => event.type), ['ticket.updated', 'ticket.updated', 'ticket.message_added', 'ticket.updated'], 'priority; 免勘察; the exit note; 待判定');
    assert.ok(fromActions.every((event) => event.cause === `process:${processId}` && event.actorId === processId));
    // The timeline names the process as the actor.
    const names = await t.api('GET', `/api/v1/actor-names?ids=${processId}`, { as: agent });
    assert.deepEqual(names.data.items, [{ id: processId, kind: `process:${processId}`, labels: { 'zh-CN': '流程「投诉处理」', en: 'Process “Complaints”' } }]);
    // The same transition again (a retry with the revision it had) is refused and runs nothing again.
    assertProblem(await take(id, 'accepted', {}, revision), 409, 'workflow.instance.revision_mismatch');
    await t.drain();
    assert.equal((await notificationsOf(id)).length, 1);
    assert.equal((await listAggregateEvents(t.database.db, 'ticket', [id])).filter((event) => event.cause === `process:${processId}`).length, events.filter((event) => event.cause === `process:${processId}`).length);
  });

  test('a failing action rolls the whole transition back: 422 naming the action, fields, stage and earlier actions undone', async () => {
    const id = await newComplaint();
    await take(id, 'accepted');
    const revision = await revisionOf(id);
    const before = await ticketOf(id);
    const failed = await take(id, 'judged', { values: { liability: 'ours' } }, revision);
    const judged = complaintFlow.transitions.findIndex((x) => x.id === 'judged');
    const problem = assertProblem(failed, 422, 'workflow.action_failed');
    assert.deepEqual(problem.errors?.map((e) => [e.path, e.code]), [[`definition.transitions.${judged}.actions.1`, 'webhook.not_found']]);
    assert.match(problem.title, /webhook/);
    const after = await ticketOf(id);
    assert.equal(after.fields.liability, undefined, 'the transition’s own field write is undone');
    assert.equal(after.priority, 'urgent', 'the action before the failing one is undone');
    assert.equal(after.version, before.version);
    assert.equal(await revisionOf(id), revision);
    const events = await listAggregateEvents(t.database.db, 'ticket', [id]);
    assert.equal(events.filter((event) => event.type === 'workflow.transition_taken').length, 1);
  });

  test('a failing entry action at the start keeps the process from starting: the job fails with the reason and will retry', async () => {
    const type = await t.api('POST', '/api/v1/ticket-types', { body: { ...complaintTicketType, key: 'complaint_strict', label: { 'zh-CN': '严格投诉', en: 'Strict complaint' } } });
    assert.equal(type.statusCode, 201, type.body);
    const flow = structuredClone(complaintFlow);
    (flow.nodes.find((n) => n.id === 'accept') as { entryActions?: unknown[] }).entryActions = [{ type: 'add_tags', tags: ['不应留下'] }, { type: 'webhook', endpointId: missingEndpoint, eventType: 'process.started' }];
    const created = await t.api('POST', '/api/v1/processes', { body: { key: 'strict_flow', name: { 'zh-CN': '严格投诉处理' }, ticketType: 'complaint_strict', definition: flow } });
    assert.equal((await t.api('POST', `/api/v1/processes/${created.data.id}/publish`)).statusCode, 201);
    const ticket = await t.createTicket({ type: 'complaint_strict', subject: '漏水', teamId });
    await t.drain();
    assertProblem(await t.api('GET', `/api/v1/tickets/${ticket.id}/process`), 404, 'workflow.instance.not_found');
    assert.deepEqual((await ticketOf(ticket.id)).tags, [], 'the first action is undone with the start');
    const [job] = await queryRows<{ state: string; lastError: string | null }>(t.database.db, sql`select state, last_error as "lastError" from jobs where type = 'workflow.start_instance'`);
    assert.equal(job?.state, 'pending', 'retried later (dead after its attempts, for an admin to retry)');
    assert.match(job?.lastError ?? '', /workflow\.action_failed/);
  });
});
