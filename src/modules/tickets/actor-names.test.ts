import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertProblem, createTestApp, type TestApp } from '../../app/test-app.js';
import { assignmentSystemActor } from '../assignment/index.js';
import { automationSystemActor } from '../automation/index.js';
import { slaSystemActor } from '../sla/index.js';

/**
 * One contract for the actors no user is: the timeline's entries carry an actor id, and
 * `GET /actor-names` names each system actor by kind — 自动分配（轮询）, SLA 升级, 规则「VIP 升级」 —
 * in zh-CN and en, for every ticket reader.
 */
let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

type Named = { id: string; kind: string; labels: { 'zh-CN': string; en: string } };
const namesOf = async (ids: readonly string[], as = t.admin): Promise<Map<string, Named>> => {
  const res = await t.api('GET', `/api/v1/actor-names?ids=${ids.join(',')}`, { as });
  assert.equal(res.statusCode, 200, res.body);
  return new Map((res.data.items as Named[]).map((item) => [item.id, item]));
};

test('a round-robin assignment is named by its strategy: the timeline\'s actor id resolves to 自动分配（轮询）', async () => {
  const agent = await t.user('agent', { name: '轮询坐席' });
  const teamId = await t.team('命名轮询组', [agent.id]);
  assert.equal((await t.api('PUT', '/api/v1/me/status', { as: agent, body: { status: 'online' } })).statusCode, 200);
  assert.equal((await t.api('PUT', `/api/v1/teams/${teamId}/assignment`, { body: { strategy: 'round_robin' } })).statusCode, 200);
  const ticket = await t.createTicket({ subject: '谁分的？', teamId });
  await t.drain();
  const timeline = (await t.api('GET', `/api/v1/tickets/${ticket.id}/timeline`, { as: agent })).data.items as Array<{ field: string | null; actor: { id: string; name: string } | null }>;
  const assigned = timeline.find((entry) => entry.field === 'assigneeId');
  assert.ok(assigned?.actor, 'the assignment is on the timeline with an actor');
  assert.equal(assigned.actor.name, '', 'no user has the id: the console asks /actor-names');
  const named = await namesOf([assigned.actor.id], agent);
  assert.deepEqual(named.get(assigned.actor.id), { id: assigned.actor.id, kind: 'assignment:round_robin', labels: { 'zh-CN': '自动分配（轮询）', en: 'Auto-assignment (round robin)' } });
});

test('each kind has its name; users, unknown ids and deleted rules are left out', async () => {
  const rule = await t.api('POST', '/api/v1/rules', { body: { name: 'VIP 升级', triggers: ['ticket.created'], conditions: { all: [] }, actions: [{ type: 'add_tags', tags: ['vip'] }] } });
  assert.equal(rule.statusCode, 201, rule.body);
  const ruleId = rule.data.id as string;
  const unknown = '00000000-0000-7000-8000-0000000f0000';
  const named = await namesOf([slaSystemActor.id, ruleId, automationSystemActor.id, assignmentSystemActor.id, t.admin.id, unknown]);
  assert.deepEqual([...named.values()].map((n) => [n.kind, n.labels['zh-CN'], n.labels.en]).sort(), [
    ['assignment', '自动分配', 'Auto-assignment'],
    ['automation', '自动化规则', 'Automation'],
    [`rule:${ruleId}`, '规则「VIP 升级」', 'Rule “VIP 升级”'],
    ['sla', 'SLA 升级', 'SLA escalation'],
  ].sort());
  assert.equal(named.has(t.admin.id), false, 'a user is named by the timeline itself');

  assert.equal((await t.api('DELETE', `/api/v1/rules/${ruleId}`)).statusCode, 204);
  assert.equal((await namesOf([ruleId])).size, 0, 'a deleted rule is no longer named');
});

test('the ids are checked (UUIDs, 1–100) and the names need a signed-in ticket reader', async () => {
  const bad = assertProblem(await t.api('GET', '/api/v1/actor-names?ids=not-an-id'), 400, 'validation.failed');
  assert.match(String(bad.errors?.[0]?.path), /^ids/);
  assertProblem(await t.api('GET', '/api/v1/actor-names?ids='), 400, 'validation.failed');
  const tooMany = Array.from({ length: 101 }, (_, i) => `00000000-0000-7000-8000-${String(i).padStart(12, '0')}`);
  assertProblem(await t.api('GET', `/api/v1/actor-names?ids=${tooMany.join(',')}`), 400, 'validation.failed');
  assertProblem(await t.api('GET', `/api/v1/actor-names?ids=${slaSystemActor.id}`, { as: null }), 401, 'auth.unauthenticated');
  const engineer = await t.user('field_engineer');
  assert.equal((await namesOf([slaSystemActor.id], engineer)).get(slaSystemActor.id)?.kind, 'sla', 'every role that reads tickets reads the names');
});
