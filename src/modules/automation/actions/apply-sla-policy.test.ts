import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { assertProblem, createTestApp, type TestApp } from '../../../app/test-app.js';
import { domainEvents } from '../../../jobs/schema.js';

/**
 * 应用 SLA 策略: a rule chooses a policy for the ticket through the SLA module; the ticket's timers
 * count under it (not the one the policies' conditions select) also after later changes, the
 * timeline names the rule and the policy, and an unknown policy is refused on save at its field.
 */
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let t: TestApp;
let vip: Json;
let seededId: string;
before(async () => {
  t = await createTestApp();
  seededId = (await t.api('GET', '/api/v1/sla/policies')).json().items[0].id;
  const priorities: string[] = (await t.api('GET', '/api/v1/priorities')).json().items.map((p: { key: string }) => p.key);
  const targets = Object.fromEntries(priorities.map((key) => [key, { firstResponseMinutes: 10, resolutionMinutes: 60 }]));
  // A policy no ticket of these tests matches by its conditions (phone only): only the rule applies it.
  const res = await t.api('POST', '/api/v1/sla/policies', { body: { nameZh: 'VIP 金牌', nameEn: 'VIP gold', position: 0, conditions: { all: [{ field: 'channel', op: 'in', values: ['phone'] }] }, targets } });
  assert.equal(res.statusCode, 201, res.body);
  vip = res.json();
});
after(() => t.close());

const timersOf = async (ticketId: string) => (await t.api('GET', `/api/v1/tickets/${ticketId}/sla`)).json().items as Json[];

test('a rule applies an SLA policy: the timers count under it (also after a priority change), sla.policy_applied and the timeline name the rule', async () => {
  const rule = await t.api('POST', '/api/v1/rules', { body: { name: 'VIP 升级', triggers: ['ticket.created'], conditions: { field: 'tags', op: 'contains', value: ['vip'] }, actions: [{ type: 'apply_sla_policy', policyId: vip.id }] } });
  assert.equal(rule.statusCode, 201, rule.body);
  const ruleId: string = rule.json().id;
  const chosen = await t.createTicket({ subject: '大客户报修', tags: ['vip'] });
  const plain = await t.createTicket({ subject: '普通报修' });
  await t.drain();

  const timers = await timersOf(chosen.id);
  assert.ok(timers.length > 0);
  assert.deepEqual([...new Set(timers.map((timer) => timer.policyId))], [vip.id], 'every timer counts under the chosen policy');
  assert.equal(timers.find((timer) => timer.target === 'first_response')?.targetMinutes, 10);
  assert.deepEqual([...new Set((await timersOf(plain.id)).map((timer) => timer.policyId))], [seededId], 'a ticket the rule did not match keeps the selected policy');

  const [applied] = await t.database.db.select().from(domainEvents).where(and(eq(domainEvents.type, 'sla.policy_applied'), eq(domainEvents.aggregateId, chosen.id)));
  assert.equal(applied?.cause, `rule:${ruleId}`);
  assert.deepEqual(applied?.payload, { policyId: vip.id, previousPolicyId: null });
  const timeline = (await t.api('GET', `/api/v1/tickets/${chosen.id}/timeline?limit=100`)).json().items as Json[];
  const entry = timeline.find((item) => item.type === 'rule_sla_policy');
  assert.ok(entry, 'the timeline says the rule changed the SLA policy');
  assert.equal(entry.actor?.id, ruleId, 'the rule acts as itself: the console names it 规则「VIP 升级」');
  assert.deepEqual(entry.newValue.policyName, { 'zh-CN': 'VIP 金牌', en: 'VIP gold' });
  const [firing] = (await t.api('GET', `/api/v1/rules/${ruleId}/firings`)).json().items;
  assert.deepEqual([firing.status, firing.actions[0].type, firing.actions[0].detail.policyId], ['done', 'apply_sla_policy', vip.id]);

  // A change that makes the policies select again keeps the choice.
  const current = (await t.api('GET', `/api/v1/tickets/${chosen.id}`)).json();
  assert.equal((await t.api('PATCH', `/api/v1/tickets/${chosen.id}`, { ifMatch: current.version, body: { priority: 'urgent' } })).statusCode, 200);
  await t.drain();
  assert.deepEqual([...new Set((await timersOf(chosen.id)).map((timer) => timer.policyId))], [vip.id]);

  // Deactivated, the choice stops applying and the conditions select again at the next change.
  const policy = (await t.api('GET', `/api/v1/sla/policies/${vip.id}`)).json();
  assert.equal((await t.api('PATCH', `/api/v1/sla/policies/${vip.id}`, { ifMatch: policy.version, body: { active: false } })).statusCode, 200);
  await t.drain();
  const again = (await t.api('GET', `/api/v1/tickets/${chosen.id}`)).json();
  assert.equal((await t.api('PATCH', `/api/v1/tickets/${chosen.id}`, { ifMatch: again.version, body: { priority: 'high' } })).statusCode, 200);
  await t.drain();
  assert.deepEqual([...new Set((await timersOf(chosen.id)).map((timer) => timer.policyId))], [seededId]);
  assert.equal((await t.api('PATCH', `/api/v1/sla/policies/${vip.id}`, { ifMatch: policy.version + 1, body: { active: true } })).statusCode, 200);
  assert.equal((await t.api('PUT', `/api/v1/rules/${ruleId}/enabled`, { ifMatch: rule.json().version, body: { enabled: false } })).statusCode, 200);
});

test('saving: an unknown SLA policy is a 400 at actions.<i>.policyId, in the caller’s language', async () => {
  const body = { name: '坏规则', triggers: ['ticket.created'], actions: [{ type: 'add_note', body: '备注' }, { type: 'apply_sla_policy', policyId: '019ab000-0000-7000-8000-00000000dead' }] };
  const problem = assertProblem(await t.api('POST', '/api/v1/rules', { body }), 400, 'validation.failed');
  assert.deepEqual(problem.errors?.map((error) => [error.path, error.code]), [['actions.1.policyId', 'automation.action.unknown_sla_policy']]);
  assert.match((await t.api('POST', '/api/v1/rules', { body, headers: { 'accept-language': 'en' } })).body, /No such SLA policy/);
  assert.match((await t.api('POST', '/api/v1/rules', { body })).body, /SLA 策略不存在/);
});
