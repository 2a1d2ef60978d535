import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { assertProblem, createTestApp, type TestApp, type TestUser } from '../../app/test-app.js';
import { complaintFlow } from '../../workflow-model/fixtures/complaint-flow.js';
import { setUpComplaintType } from './test-complaint-process.js';

/** The ticket list's `stage=<processId>:<stageId>` filter (contributed by the workflow module) and what an agent needs to use it. */
let t: TestApp;
let agent: TestUser;
let outsider: TestUser;
let processId: string;
let teamId: string;
const atJudge: string[] = [];
const atAccept: string[] = [];
before(async () => {
  t = await createTestApp();
  teamId = await t.team('投诉组');
  const otherTeam = await t.team('售后组');
  agent = await t.user('agent', { teamIds: [teamId] });
  outsider = await t.user('agent', { teamIds: [otherTeam] });
  await setUpComplaintType(t);
  const created = await t.api('POST', '/api/v1/processes', { body: { key: 'complaint_flow', name: { 'zh-CN': '投诉处理', en: 'Complaints' }, ticketType: 'complaint', definition: complaintFlow } });
  processId = created.data.id;
  assert.equal((await t.api('POST', `/api/v1/processes/${processId}/publish`)).statusCode, 201);
  // Five complaints move on to 责任判定, three stay at 受理; a plain ticket runs no process.
  for (let i = 0; i < 8; i++) {
    const ticket = await t.createTicket({ type: 'complaint', subject: i === 6 ? '阳台漏水' : `投诉 ${i}`, teamId });
    await t.drain();
    if (i < 5) {
      const state = await t.api('GET', `/api/v1/tickets/${ticket.id}/process`, { as: agent });
      const moved = await t.api('POST', `/api/v1/tickets/${ticket.id}/transitions`, { as: agent, body: { transition: 'accepted', values: { needs_site_survey: false }, expectedRevision: state.data.revision } });
      assert.equal(moved.statusCode, 200, moved.body);
      atJudge.push(ticket.id);
    } else atAccept.push(ticket.id);
  }
  await t.createTicket({ subject: '普通咨询', teamId });
  await t.drain();
});
after(() => t.close());

const list = (query: Record<string, string | number>, as?: TestUser) => t.api('GET', '/api/v1/tickets', { ...(as && { as }), query });

describe('the ticket list filtered by a process stage', () => {
  test('lists exactly the tickets waiting at the stage, page by page in the list’s keyset order, with other filters and sorts', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await list({ stage: `${processId}:judge`, limit: 2, sort: 'createdAt', ...(cursor && { cursor }) });
      assert.equal(page.statusCode, 200, page.body);
      assert.ok(page.data.items.length <= 2);
      seen.push(...page.data.items.map((item: { id: string }) => item.id));
      cursor = page.data.nextCursor ?? undefined;
    } while (cursor);
    assert.deepEqual(seen, atJudge);
    const accept = await list({ stage: `${processId}:accept`, sort: '-number' });
    assert.deepEqual(accept.data.items.map((item: { id: string }) => item.id), [...atAccept].reverse());
    // Other filters still apply (AND), and a search too.
    assert.equal((await list({ stage: `${processId}:judge`, status: 'closed' })).data.items.length, 0);
    const searched = await list({ stage: `${processId}:accept`, q: '漏水' });
    assert.equal(searched.statusCode, 200, searched.body);
    assert.deepEqual(searched.data.items.map((item: { id: string }) => item.id), [atAccept[1]]);
    // A stage no ticket waits at (yet) is a valid, empty filter.
    assert.deepEqual((await list({ stage: `${processId}:explain` })).data.items, []);
  });

  test('an agent sees only the tickets they may see at the stage', async () => {
    assert.equal((await list({ stage: `${processId}:judge` }, agent)).data.items.length, atJudge.length);
    const outside = await list({ stage: `${processId}:judge` }, outsider);
    assert.equal(outside.statusCode, 200, outside.body);
    assert.deepEqual(outside.data.items, []);
  });

  test('a malformed value or a stage the process never had is a 400 naming `stage`', async () => {
    for (const stage of ['judge', `${processId}`, `not-a-uuid:judge`, `${processId}:Judge!`]) {
      const problem = assertProblem(await list({ stage }), 400, 'validation.failed');
      assert.deepEqual(problem.errors?.map((e) => [e.path, e.code]), [['stage', 'workflow.stage_filter.invalid']], stage);
    }
    const unknown = assertProblem(await list({ stage: `${processId}:no_such_stage` }), 400, 'validation.failed');
    assert.deepEqual(unknown.errors?.map((e) => [e.path, e.code]), [['stage', 'workflow.stage_filter.unknown']]);
    assert.match(unknown.errors?.[0]?.message ?? '', /no_such_stage/);
    const otherProcess = assertProblem(await list({ stage: `${crypto.randomUUID()}:judge` }), 400, 'validation.failed');
    assert.equal(otherProcess.errors?.[0]?.path, 'stage');
  });

  test('the export takes the same filter', async () => {
    const res = await t.api('GET', '/api/v1/tickets/export', { query: { stage: `${processId}:judge`, format: 'csv', columns: 'number' } });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.body.replace(/^\uFEFF/, '').trim().split(/\r?\n/).length, 1 + atJudge.length);
    assertProblem(await t.api('GET', '/api/v1/tickets/export', { query: { stage: 'judge', format: 'csv' } }), 400, 'validation.failed');
  });

  test('an agent reads the stages to filter by: published processes’ current versions only', async () => {
    const options = await t.api('GET', '/api/v1/process-stages/options', { as: agent });
    assert.equal(options.statusCode, 200, options.body);
    assert.equal(options.data.items.length, 1);
    const [complaints] = options.data.items;
    assert.equal(complaints.processId, processId);
    assert.deepEqual(complaints.name, { 'zh-CN': '投诉处理', en: 'Complaints' });
    assert.deepEqual(complaints.stages.slice(0, 3).map((s: { id: string }) => s.id), ['accept', 'site_survey', 'judge']);
    assert.deepEqual(complaints.stages[0].name, { 'zh-CN': '受理', en: 'Accept' });
    // A draft never published is not offered.
    const draft = await t.api('POST', '/api/v1/ticket-types', { body: { key: 'repair', label: { 'zh-CN': '维修', en: 'Repair' }, form: { sections: [], rules: [], portal: { enabled: false, fields: [] } } } });
    assert.equal(draft.statusCode, 201, draft.body);
    assert.equal((await t.api('POST', '/api/v1/processes', { body: { key: 'repair_flow', name: { 'zh-CN': '维修' }, ticketType: 'repair', definition: complaintFlow } })).statusCode, 201);
    assert.equal((await t.api('GET', '/api/v1/process-stages/options', { as: agent })).data.items.length, 1);
  });

  test('待我处理的环节 names each ticket by number and subject', async () => {
    const mine = await t.api('GET', '/api/v1/process-stages', { as: agent, query: { mine: 1, limit: 100 } });
    assert.equal(mine.statusCode, 200, mine.body);
    const item = mine.data.items.find((i: { ticketId: string }) => i.ticketId === atAccept[0]);
    assert.equal(item.ticketSubject, '投诉 5');
    assert.match(item.ticketNumber, /^\d/);
    assert.equal(item.stage, 'accept');
  });
});
