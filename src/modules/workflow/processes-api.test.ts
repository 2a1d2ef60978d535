import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { assertProblem, createTestApp, type TestApp, type TestUser } from '../../app/test-app.js';
import type { ProcessDefinitionInput } from '../../workflow-model/definition.js';
import { complaintFlow } from '../../workflow-model/fixtures/complaint-flow.js';
import { setUpComplaintType } from './test-complaint-process.js';

/** 设置 › 流程's API: drafts, publishing with validation, immutable versions, export/import, permissions, history. */
let t: TestApp;
let supervisor: TestUser;
let agent: TestUser;
let id: string;
before(async () => {
  t = await createTestApp();
  supervisor = await t.user('supervisor');
  agent = await t.user('agent');
  await setUpComplaintType(t);
});
after(() => t.close());

const withChange = (change: (definition: ProcessDefinitionInput) => void) => {
  const definition = structuredClone(complaintFlow);
  change(definition);
  return definition;
};
const current = async () => (await t.api('GET', `/api/v1/processes/${id}`)).data;

describe('process definitions', () => {
  test('an admin creates the complaint process of the 投诉 type; its draft is publishable', async () => {
    const res = await t.api('POST', '/api/v1/processes', { body: { key: 'complaint_flow', name: { 'zh-CN': '投诉处理', en: 'Complaints' }, ticketType: 'complaint', definition: complaintFlow } });
    assert.equal(res.statusCode, 201, res.body);
    id = res.data.id;
    assert.equal(res.headers.etag, '"1"');
    assert.deepEqual(res.data.issues, []);
    assert.equal(res.data.currentVersion, null);
    assert.deepEqual(res.data.definition.nodes[0].position, { x: 0, y: 0 });
    assert.deepEqual(res.data.versions, []);
  });

  test('a second process for the type, an unknown type or a taken key are refused at their field', async () => {
    const body = { key: 'other', name: { 'zh-CN': '另一个' }, ticketType: 'complaint', definition: complaintFlow };
    assertProblem(await t.api('POST', '/api/v1/processes', { body }), 400, 'validation.failed');
    assert.equal((await t.api('POST', '/api/v1/processes', { body })).data.errors[0].code, 'workflow.process.type_taken');
    const unknownType = await t.api('POST', '/api/v1/processes', { body: { ...body, ticketType: 'nope' } });
    assert.deepEqual(unknownType.data.errors.map((e: { path: string; code: string }) => [e.path, e.code]), [['ticketType', 'workflow.process.unknown_type']]);
    const badShape = await t.api('POST', '/api/v1/processes', { body: { ...body, definition: withChange((d) => ((d.nodes[0] as { id: string }).id = 'Not A Key')) } });
    assert.deepEqual(badShape.data.errors.map((e: { path: string; code: string }) => [e.path, e.code]), [['definition.nodes.0.id', 'workflow.invalid_key']]);
  });

  test('a half-drawn draft saves with its problems listed; publishing it answers 422 with every path', async () => {
    const draft = withChange((d) => {
      delete (d.nodes.find((n) => n.id === 'liability') as { defaultTransition?: string }).defaultTransition;
      (d.transitions.find((x) => x.id === 'ours') as { condition?: unknown }).condition = { field: 'fields.fault', op: 'is', value: 'ours' };
      d.nodes.push({ kind: 'stage', id: 'orphan', name: { 'zh-CN': '孤立', en: 'Orphan' }, position: { x: 0, y: 400 }, assignee: { kind: 'role', role: 'director' } });
      d.transitions.push({ id: 'orphan_out', from: 'orphan', to: 'closed', label: { 'zh-CN': '结束', en: 'End' } });
    });
    const saved = await t.api('PUT', `/api/v1/processes/${id}`, { body: { definition: draft }, ifMatch: 1, headers: { 'accept-language': 'en' } });
    assert.equal(saved.statusCode, 200, saved.body);
    const issues = saved.data.issues.map((i: { path: string; code: string }) => `${i.path} ${i.code}`);
    assert.ok(issues.includes('transitions.5.condition.field condition.unknown_field'), issues.join('\n'));
    assert.equal(saved.data.issues[0].message.length > 0, true);
    const published = await t.api('POST', `/api/v1/processes/${id}/publish`);
    const problem = assertProblem(published, 422, 'workflow.publish_invalid');
    const paths = (problem.errors ?? []).map((e) => `${e.path} ${e.code}`);
    assert.ok(paths.includes('definition.transitions.5.condition.field condition.unknown_field'), paths.join('\n'));
    // Fields are checked first: structure and roles come once the fields are right.
    const fieldsFixed = await t.api('PUT', `/api/v1/processes/${id}`, { body: { definition: withChange((d) => {
      delete (d.nodes.find((n) => n.id === 'liability') as { defaultTransition?: string }).defaultTransition;
      d.nodes.push({ kind: 'stage', id: 'orphan', name: { 'zh-CN': '孤立', en: 'Orphan' }, position: { x: 0, y: 400 }, assignee: { kind: 'role', role: 'director' } });
      d.transitions.push({ id: 'orphan_out', from: 'orphan', to: 'closed', label: { 'zh-CN': '结束', en: 'End' } });
    }) }, ifMatch: 2 });
    const structural = assertProblem(await t.api('POST', `/api/v1/processes/${id}/publish`), 422, 'workflow.publish_invalid');
    assert.deepEqual((structural.errors ?? []).map((e) => `${e.path} ${e.code}`), ['definition.nodes.4.defaultTransition workflow.gateway_without_default', 'definition.transitions.6.condition workflow.condition_required', 'definition.nodes.10 workflow.unreachable']);
    assert.equal(fieldsFixed.data.currentVersion, null);
    assert.equal((await current()).currentVersion, null);
  });

  test('saving needs If-Match: 428 without, 412 when stale', async () => {
    assertProblem(await t.api('PUT', `/api/v1/processes/${id}`, { body: { definition: complaintFlow } }), 428, 'workflow.process.if_match_required');
    assertProblem(await t.api('PUT', `/api/v1/processes/${id}`, { body: { definition: complaintFlow }, ifMatch: 1 }), 412, 'workflow.process.version_mismatch');
  });

  test('publishing makes immutable versions: v2 adds 质检, v1 reads as it was', async () => {
    const fixed = await t.api('PUT', `/api/v1/processes/${id}`, { body: { definition: complaintFlow }, ifMatch: (await current()).version });
    assert.deepEqual(fixed.data.issues, []);
    const v1 = await t.api('POST', `/api/v1/processes/${id}/publish`, { ifMatch: fixed.data.version });
    assert.equal(v1.statusCode, 201, v1.body);
    assert.equal(v1.data.version, 1);
    const withQc = withChange((d) => {
      d.nodes.push({ kind: 'stage', id: 'quality_check', name: { 'zh-CN': '质检', en: 'Quality check' }, position: { x: 1040, y: -160 } });
      (d.transitions.find((x) => x.id === 'paid') as { to: string }).to = 'quality_check';
      d.transitions.push({ id: 'checked', from: 'quality_check', to: 'follow_up', label: { 'zh-CN': '质检通过', en: 'Checked' } });
    });
    const saved = await t.api('PUT', `/api/v1/processes/${id}`, { body: { definition: withQc }, ifMatch: (await current()).version });
    assert.equal(saved.statusCode, 200, saved.body);
    assertProblem(await t.api('POST', `/api/v1/processes/${id}/publish`, { ifMatch: saved.data.version - 1 }), 412, 'workflow.process.version_mismatch');
    assert.equal((await t.api('POST', `/api/v1/processes/${id}/publish`)).data.version, 2);
    const detail = await current();
    assert.equal(detail.currentVersion, 2);
    assert.deepEqual(detail.versions.map((v: { version: number }) => v.version), [2, 1]);
    const one = await t.api('GET', `/api/v1/processes/${id}/versions/1`);
    assert.ok(!one.data.definition.nodes.some((n: { id: string }) => n.id === 'quality_check'));
    assert.deepEqual(one.data.definition.transitions.find((x: { id: string }) => x.id === 'accepted').allow, [{ kind: 'stage_assignee' }]);
    assertProblem(await t.api('GET', `/api/v1/processes/${id}/versions/9`), 404, 'workflow.process.version_not_found');
  });

  test('an unknown role or action, or an action automation cannot run, is refused on publish, at its path', async () => {
    const bad = withChange((d) => {
      (d.nodes[0] as { assignee?: unknown }).assignee = { kind: 'role', role: 'director' };
      (d.nodes[0] as { entryActions?: unknown }).entryActions = [{ type: 'set_field', field: 'priority' }];
      (d.transitions[0] as { actions?: unknown }).actions = [{ type: 'launch_rocket' }];
    });
    const saved = await t.api('PUT', `/api/v1/processes/${id}`, { body: { definition: bad }, ifMatch: (await current()).version });
    assert.deepEqual(saved.data.issues.map((i: { path: string; code: string }) => `${i.path} ${i.code}`), ['nodes.0.assignee.role workflow.unknown_role', 'nodes.0.entryActions.0 workflow.invalid_action', 'transitions.0.actions.0.type workflow.unknown_action']);
    assertProblem(await t.api('POST', `/api/v1/processes/${id}/publish`), 422, 'workflow.publish_invalid');
  });

  test('export a version and import it: the same key replaces the draft, a new key makes a process', async () => {
    const file = await t.api('GET', `/api/v1/processes/${id}/export`, { query: { version: 1 } });
    assert.equal(file.statusCode, 200, file.body);
    assert.match(String(file.headers['content-disposition']), /process-complaint_flow\.json/);
    assert.equal(file.data.format, 'opencsm.process');
    const replaced = await t.api('POST', '/api/v1/processes/import', { body: file.data });
    assert.equal(replaced.statusCode, 200, replaced.body);
    assert.deepEqual(replaced.data.issues, []);
    assert.equal(replaced.data.currentVersion, 2);
    assert.ok(!replaced.data.definition.nodes.some((n: { id: string }) => n.id === 'quality_check'));
    const typeRes = await t.api('POST', '/api/v1/ticket-types', { body: { key: 'repair', label: { 'zh-CN': '售后维修' } } });
    assert.equal(typeRes.statusCode, 201);
    assertProblem(await t.api('POST', '/api/v1/processes/import', { body: { ...file.data, ticketType: 'repair' } }), 400, 'validation.failed');
    const created = await t.api('POST', '/api/v1/processes/import', { body: { ...file.data, key: 'repair_flow', ticketType: 'repair' } });
    assert.equal(created.statusCode, 201, created.body);
    assert.equal(created.data.currentVersion, null);
    assertProblem(await t.api('POST', '/api/v1/processes/import', { body: { ...file.data, format: 'bpmn' } }), 400, 'validation.failed');
  });

  test('the list pages by key; supervisors read, only admins change; agents see nothing', async () => {
    const first = await t.api('GET', '/api/v1/processes', { as: supervisor, query: { limit: 1 } });
    assert.equal(first.statusCode, 200, first.body);
    assert.deepEqual(first.data.items.map((p: { key: string }) => p.key), ['complaint_flow']);
    const second = await t.api('GET', '/api/v1/processes', { as: supervisor, query: { limit: 1, cursor: first.data.nextCursor } });
    assert.deepEqual(second.data.items.map((p: { key: string }) => p.key), ['repair_flow']);
    assert.equal(second.data.nextCursor, null);
    assert.equal((await t.api('GET', `/api/v1/processes/${id}`, { as: supervisor })).statusCode, 200);
    assert.equal((await t.api('GET', `/api/v1/processes/${id}/export`, { as: supervisor })).statusCode, 200);
    assertProblem(await t.api('PUT', `/api/v1/processes/${id}`, { as: supervisor, body: { definition: complaintFlow }, ifMatch: 1 }), 403, 'auth.forbidden');
    assertProblem(await t.api('POST', `/api/v1/processes/${id}/publish`, { as: supervisor }), 403, 'auth.forbidden');
    assertProblem(await t.api('POST', '/api/v1/processes/import', { as: supervisor, body: {} }), 403, 'auth.forbidden');
    assertProblem(await t.api('GET', '/api/v1/processes', { as: agent }), 403, 'auth.forbidden');
    assertProblem(await t.api('GET', `/api/v1/processes/${id}`, { as: agent }), 403, 'auth.forbidden');
    assertProblem(await t.api('GET', '/api/v1/processes/0190f4b6-0000-7000-8000-000000000000', { as: supervisor }), 404, 'workflow.process.not_found');
  });

  test('every change is in the process’s history, with who made it', async () => {
    const history = await t.api('GET', `/api/v1/processes/${id}/history`, { as: supervisor });
    assert.equal(history.statusCode, 200, history.body);
    const types = history.data.items.map((e: { type: string }) => e.type);
    assert.equal(types.at(-1), 'workflow.process_created');
    assert.equal(types[0], 'workflow.process_imported');
    assert.equal(types.filter((x: string) => x === 'workflow.process_published').length, 2);
    assert.ok(history.data.items.every((e: { actorId: string | null }) => e.actorId === t.admin.id));
  });
});
