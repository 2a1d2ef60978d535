import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { assertProblem, createTestApp, type TestApp, type TestUser } from '../../app/test-app.js';
import { listAggregateEvents } from '../../jobs/events.js';
import { repairFlow, repairFlowBeforeQualityCheck } from '../../workflow-model/fixtures/repair-flow.js';
import { repairProcessFields, repairTicketType } from './test-repair-process.js';

/**
 * The seeds' change (issue 19 §6): 售后维修 gets a 质检 stage (beside 备件登记, and 上门检测 folds
 * into 维修) and is published as v2. Tickets started on v1 keep running on v1, new ones take v2;
 * the preview says where each v1 ticket would land, and a migration moves exactly the tickets the
 * admin chose, reporting one that moved meanwhile instead of overwriting it.
 */
let t: TestApp;
let agent: TestUser;
let teamId: string;
let processId: string;
/** v1 tickets by where they wait when v2 is published. */
const v1 = { atInspect: '', atRepair: '', atParts: '', finishing: '', movedMeanwhile: '', raced: '' };

const run = async (ticketId: string) => {
  const res = await t.api('GET', `/api/v1/tickets/${ticketId}/process`, { as: agent });
  assert.equal(res.statusCode, 200, res.body);
  return res.data as { version: number; revision: number; status: string; stages: Array<{ stage: string }> };
};
const stagesOf = async (ticketId: string) => (await run(ticketId)).stages.map((s) => s.stage);
const take = async (ticketId: string, transition: string, values: Record<string, unknown> = {}) =>
  t.api('POST', `/api/v1/tickets/${ticketId}/transitions`, { as: agent, body: { transition, values, expectedRevision: (await run(ticketId)).revision } });
async function newRepair(subject: string): Promise<string> {
  const ticket = await t.createTicket({ type: repairTicketType.key, subject, teamId });
  await t.drain();
  return ticket.id;
}
const preview = (body: Record<string, unknown>, query: Record<string, string | number> = {}, as?: TestUser) =>
  t.api('POST', `/api/v1/processes/${processId}/migrations/preview`, { body: { fromVersion: 1, toVersion: 2, ...body }, query, ...(as && { as }) });
const migrate = (body: Record<string, unknown>) => t.api('POST', `/api/v1/processes/${processId}/migrations`, { body: { fromVersion: 1, toVersion: 2, confirm: true, ...body } });
type Item = { ticketId: string; revision: number; stages: Array<{ from: string; to: string | null }>; missingFields: Array<{ key: string; label: Record<string, string> }>; problems: Array<{ code: string; message: string }> };
const itemOf = (items: Item[], ticketId: string) => items.find((item) => item.ticketId === ticketId);

before(async () => {
  t = await createTestApp();
  teamId = await t.team('售后组');
  agent = await t.user('agent', { teamIds: [teamId] });
  for (const field of repairProcessFields) assert.equal((await t.api('POST', '/api/v1/ticket-fields', { body: field })).statusCode, 201);
  assert.equal((await t.api('POST', '/api/v1/ticket-types', { body: repairTicketType })).statusCode, 201);
  const created = await t.api('POST', '/api/v1/processes', { body: { key: 'after_sales_repair', name: { 'zh-CN': '售后维修' }, ticketType: repairTicketType.key, definition: repairFlowBeforeQualityCheck() } });
  processId = created.data.id;
  assert.equal((await t.api('POST', `/api/v1/processes/${processId}/publish`)).statusCode, 201);

  v1.atInspect = await newRepair('空调不制冷');
  v1.atRepair = await newRepair('热水器漏水');
  assert.equal((await take(v1.atRepair, 'inspected')).statusCode, 200);
  v1.atParts = await newRepair('洗衣机异响');
  await take(v1.atParts, 'inspected');
  assert.deepEqual((await take(v1.atParts, 'repaired', { repair_report: '更换轴承' })).data.stages, ['parts']);
  v1.finishing = await newRepair('冰箱结霜');
  await take(v1.finishing, 'inspected');
  await take(v1.finishing, 'repaired', { repair_report: '更换温控器' });
  v1.movedMeanwhile = await newRepair('油烟机噪音');
  v1.raced = await newRepair('燃气灶打不着火');

  // The admin adds 质检 and publishes v2.
  const detail = (await t.api('GET', `/api/v1/processes/${processId}`)).data;
  assert.equal((await t.api('PUT', `/api/v1/processes/${processId}`, { body: { definition: repairFlow() }, ifMatch: detail.version })).statusCode, 200);
  assert.equal((await t.api('POST', `/api/v1/processes/${processId}/publish`)).data.version, 2);
});
after(() => t.close());

describe('migrating running tickets to a new process version', () => {
  test('tickets started on v1 keep finishing on v1; new tickets take v2 with its 质检', async () => {
    assert.deepEqual((await take(v1.finishing, 'parts_done', { parts_used: '温控器 ×1' })).data.stages, ['follow_up']);
    assert.deepEqual((await take(v1.finishing, 'finish')).data.completed, true);
    assert.equal((await run(v1.finishing)).version, 1);
    const fresh = await newRepair('新工单');
    assert.equal((await run(fresh)).version, 2);
    assert.deepEqual((await take(fresh, 'repaired', { repair_report: '已修复' })).data.stages.sort(), ['parts', 'quality_check']);
  });

  test('the preview says where each running v1 ticket lands, what it lacks and what stops it', async () => {
    const res = await preview({});
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.data.total, 5);
    const items = res.data.items as Item[];
    assert.ok(!itemOf(items, v1.finishing), 'a completed run is not migrated');
    const atRepair = itemOf(items, v1.atRepair)!;
    assert.deepEqual(atRepair.stages, [{ from: 'repair', to: 'repair' }]);
    assert.deepEqual(atRepair.missingFields, [{ key: 'fields.repair_report', label: { 'zh-CN': '维修报告', en: 'Repair report' } }]);
    assert.deepEqual(atRepair.problems, []);
    const atInspect = itemOf(items, v1.atInspect)!;
    assert.deepEqual(atInspect.stages, [{ from: 'inspect', to: null }]);
    assert.deepEqual(atInspect.problems.map((p) => p.code), ['workflow.migration.stage_removed']);
    assert.match(atInspect.problems[0]!.message, /环节 上门检测 在新版本中已不存在/);
    const inEnglish = await t.api('POST', `/api/v1/processes/${processId}/migrations/preview`, { body: { fromVersion: 1, toVersion: 2, ticketIds: [v1.atInspect] }, headers: { 'accept-language': 'en' } });
    assert.match(inEnglish.data.items[0].problems[0].message, /the stage On-site inspection no longer exists/);
    // 备件登记 is a parallel branch in v2: its join would wait for a 质检 nobody walks.
    assert.deepEqual(itemOf(items, v1.atParts)!.problems.map((p) => p.code), ['workflow.migration.parallel_branch']);

    const mapped = await preview({ stageMap: { inspect: 'repair' }, ticketIds: [v1.atInspect, v1.atRepair] });
    assert.equal(mapped.data.total, 2);
    assert.deepEqual((mapped.data.items as Item[]).map((item) => [item.ticketId, item.stages, item.problems.length]).sort(), [
      [v1.atInspect, [{ from: 'inspect', to: 'repair' }], 0],
      [v1.atRepair, [{ from: 'repair', to: 'repair' }], 0],
    ].sort());
    assert.equal((await run(v1.atInspect)).version, 1, 'a preview changes nothing');
  });

  test('the preview pages by instance', async () => {
    const first = await preview({}, { limit: 2 });
    assert.equal(first.data.items.length, 2);
    assert.ok(first.data.nextCursor);
    const rest = await preview({}, { limit: 2, cursor: first.data.nextCursor });
    const third = await preview({}, { limit: 2, cursor: rest.data.nextCursor });
    const seen = [...first.data.items, ...rest.data.items, ...third.data.items].map((item: Item) => item.ticketId);
    assert.equal(new Set(seen).size, 5);
    assert.equal(third.data.nextCursor, null);
  });

  test('bad requests name the field; only an admin may preview or migrate', async () => {
    const same = assertProblem(await preview({ toVersion: 1 }), 400, 'validation.failed');
    assert.deepEqual(same.errors?.map((e) => [e.path, e.code]), [['toVersion', 'workflow.migration.same_version']]);
    const unknown = assertProblem(await preview({ stageMap: { inspect: 'nowhere' } }), 400, 'validation.failed');
    assert.deepEqual(unknown.errors?.map((e) => [e.path, e.code]), [['stageMap.inspect', 'workflow.migration.unknown_stage']]);
    assertProblem(await preview({ toVersion: 9 }), 404, 'workflow.process.version_not_found');
    assertProblem(await preview({}, {}, agent), 403, 'auth.forbidden');
    const supervisor = await t.user('supervisor');
    assertProblem(await preview({}, {}, supervisor), 403, 'auth.forbidden');
    const unconfirmed = assertProblem(await t.api('POST', `/api/v1/processes/${processId}/migrations`, { body: { fromVersion: 1, toVersion: 2, ticketIds: [v1.atRepair] } }), 400, 'validation.failed');
    assert.ok(unconfirmed.errors?.some((e) => e.path === 'confirm'), JSON.stringify(unconfirmed.errors));
    const tooMany = Array.from({ length: 51 }, (_, i) => `01900000-0000-7000-8000-${String(i).padStart(12, '0')}`);
    const batch = assertProblem(await migrate({ ticketIds: tooMany }), 400, 'validation.failed');
    assert.ok(batch.errors?.some((e) => e.path === 'ticketIds'), JSON.stringify(batch.errors));
    assert.equal((await run(v1.atRepair)).version, 1);
  });

  test('migrating two chosen tickets moves exactly those two, with an event and a timeline entry each', async () => {
    const seen = (await preview({ stageMap: { inspect: 'repair' }, ticketIds: [v1.atInspect, v1.atRepair] })).data.items as Item[];
    const expectedRevisions = Object.fromEntries(seen.map((item) => [item.ticketId, item.revision]));
    const res = await migrate({ ticketIds: [v1.atInspect, v1.atRepair], stageMap: { inspect: 'repair' }, expectedRevisions });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.data.outcomes.map((o: { ticketId: string; outcome: string; stages: unknown }) => [o.ticketId, o.outcome, o.stages]), [
      [v1.atInspect, 'migrated', [{ from: 'inspect', to: 'repair' }]],
      [v1.atRepair, 'migrated', [{ from: 'repair', to: 'repair' }]],
    ]);
    for (const id of [v1.atInspect, v1.atRepair]) {
      const state = await run(id);
      assert.equal(state.version, 2);
      assert.equal(state.revision, expectedRevisions[id]! + 1);
      assert.deepEqual(await stagesOf(id), ['repair']);
    }
    for (const id of [v1.atParts, v1.movedMeanwhile, v1.raced]) assert.equal((await run(id)).version, 1, 'tickets not chosen stay on v1');
    const events = await listAggregateEvents(t.database.db, 'ticket', [v1.atInspect]);
    const migrated = events.find((event) => event.type === 'workflow.instance_migrated');
    assert.equal(migrated?.actorId, t.admin.id);
    assert.deepEqual(migrated?.payload, { processId, fromVersion: 1, toVersion: 2, stages: [{ from: 'inspect', to: 'repair' }] });
    const timeline = (await t.api('GET', `/api/v1/tickets/${v1.atInspect}/timeline`)).data.items as Array<{ type: string; newValue: { toVersion?: number; stages?: unknown } }>;
    const entry = timeline.find((item) => item.type === 'process_migrated')?.newValue;
    assert.equal(entry?.toVersion, 2);
    // Named as the versions called the stages, for the timeline's line.
    assert.deepEqual(entry?.stages, [{ from: 'inspect', to: 'repair', fromName: { 'zh-CN': '上门检测', en: 'On-site inspection' }, toName: { 'zh-CN': '维修', en: 'Repair' } }]);
    // A transition offered before the migration is stale; the ticket now runs v2 (质检 beside 备件登记).
    assertProblem(await t.api('POST', `/api/v1/tickets/${v1.atInspect}/transitions`, { as: agent, body: { transition: 'inspected', expectedRevision: expectedRevisions[v1.atInspect] } }), 409, 'workflow.instance.revision_mismatch');
    assert.deepEqual((await take(v1.atInspect, 'repaired', { repair_report: '重新焊接' })).data.stages.sort(), ['parts', 'quality_check']);
  });

  test('a ticket whose process moved since the preview is reported, not overwritten', async () => {
    const [item] = (await preview({ ticketIds: [v1.movedMeanwhile], stageMap: { inspect: 'repair' } })).data.items as Item[];
    assert.equal((await take(v1.movedMeanwhile, 'inspected')).statusCode, 200);
    const res = await migrate({ ticketIds: [v1.movedMeanwhile], stageMap: { inspect: 'repair' }, expectedRevisions: { [v1.movedMeanwhile]: item!.revision } });
    assert.deepEqual(res.data.outcomes, [{ ticketId: v1.movedMeanwhile, outcome: 'moved', revision: item!.revision + 1 }]);
    const state = await run(v1.movedMeanwhile);
    assert.equal(state.version, 1);
    assert.deepEqual(state.stages.map((s) => s.stage), ['repair']);
  });

  test('a transition racing the migration: exactly one of them wins, and the loser is told', async () => {
    const { revision } = await run(v1.raced);
    const [transition, migration] = await Promise.all([
      t.api('POST', `/api/v1/tickets/${v1.raced}/transitions`, { as: agent, body: { transition: 'inspected', expectedRevision: revision } }),
      migrate({ ticketIds: [v1.raced], stageMap: { inspect: 'repair' }, expectedRevisions: { [v1.raced]: revision } }),
    ]);
    assert.equal(migration.statusCode, 200, migration.body);
    const outcome = migration.data.outcomes[0].outcome;
    const state = await run(v1.raced);
    assert.equal(state.revision, revision + 1, 'one step, not two');
    if (outcome === 'migrated') {
      assertProblem(transition, 409, 'workflow.instance.revision_mismatch');
      assert.equal(state.version, 2);
    } else {
      assert.equal(outcome, 'moved');
      assert.equal(transition.statusCode, 200, transition.body);
      assert.equal(state.version, 1);
    }
    assert.deepEqual(state.stages.map((s) => s.stage), ['repair']);
  });

  test('without chosen tickets: the next batch of the version, refusals reported, what remains counted', async () => {
    const res = await migrate({});
    assert.equal(res.statusCode, 200, res.body);
    const byTicket = new Map(res.data.outcomes.map((o: { ticketId: string; outcome: string }) => [o.ticketId, o]));
    const refused = byTicket.get(v1.atParts) as { outcome: string; problems: Array<{ code: string }> };
    assert.equal(refused.outcome, 'refused');
    assert.deepEqual(refused.problems.map((p) => p.code), ['workflow.migration.parallel_branch']);
    assert.equal((byTicket.get(v1.movedMeanwhile) as { outcome: string }).outcome, 'migrated');
    assert.equal(res.data.remaining, 1, 'the refused ticket still runs on v1');
    assert.equal((await run(v1.atParts)).version, 1);
    assert.equal((await run(v1.movedMeanwhile)).version, 2);
  });
});
