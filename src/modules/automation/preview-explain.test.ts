import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { assertProblem, createTestApp, type TestApp } from '../../app/test-app.js';
import { queryRows } from '../../db/database.js';
import { TriggerCache } from './trigger-cache.js';

/** The preview ("现在会匹配 N 张工单"), the test on a ticket (explain), and the trigger cache that keeps rule-less events jobless. */
let t: TestApp;
before(async () => {
  t = await createTestApp();
  for (const [channel, priority] of [['wechat', 'high'], ['wechat', 'low'], ['email', 'high'], ['wechat', 'high'], ['api', 'normal']] as const) {
    await t.createTicket({ subject: `${channel} ${priority}`, channel, priority });
  }
});
after(() => t.close());

const directCount = async (where: ReturnType<typeof sql>) => (await queryRows<{ count: number }>(t.database.db, sql`select count(*)::int as count from tickets where ${where}`))[0]!.count;

test('a preview counts what a direct count counts, with up to ten of the newest as a sample', async () => {
  const conditions = { all: [{ field: 'channel', op: 'is', value: 'wechat' }, { field: 'priority', op: 'in', value: ['high', 'urgent'] }] };
  const res = await t.api('POST', '/api/v1/rules/preview', { body: { conditions } });
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.json().count, await directCount(sql`channel = 'wechat' and priority in ('high', 'urgent')`));
  assert.equal(res.json().count, 2);
  assert.deepEqual(res.json().sample.map((ticket: { subject: string }) => ticket.subject), ['wechat high', 'wechat high']);
  const not = await t.api('POST', '/api/v1/rules/preview', { body: { conditions: { not: conditions } } });
  assert.equal(not.json().count, await directCount(sql`not (channel = 'wechat' and priority in ('high', 'urgent'))`));
});

test('leaves only a firing can judge are refused with 422 naming each of them, never dropped', async () => {
  const res = await t.api('POST', '/api/v1/rules/preview', { body: { conditions: { all: [{ field: 'channel', op: 'is', value: 'wechat' }, { field: 'priority', op: 'changed' }, { field: 'requester.tier', op: 'is', value: 'vip' }] } } });
  const problem = assertProblem(res, 422, 'validation.failed');
  assert.deepEqual(problem.errors!.map((e) => e.path).sort(), ['conditions.all.1.op', 'conditions.all.2.field']);
  const bad = await t.api('POST', '/api/v1/rules/preview', { body: { conditions: { field: 'channel', op: 'is', value: 'carrier-pigeon' } } });
  assert.ok(assertProblem(bad, 400, 'validation.failed').errors!.some((e) => e.path === 'conditions.value'), bad.body);
});

test('explain shows each leaf’s result on the ticket, whether the rule would fire and what it would run, and runs nothing', async () => {
  const ticket = await t.createTicket({ subject: '打印机坏了', channel: 'wechat', priority: 'high' });
  const rule = {
    triggers: ['ticket.updated'],
    conditions: { all: [{ field: 'channel', op: 'is', value: 'wechat' }, { any: [{ field: 'priority', op: 'is', value: 'urgent' }, { field: 'subject', op: 'contains', value: '打印机' }] }, { field: 'priority', op: 'changed' }] },
    actions: [{ type: 'add_tags', tags: ['硬件'] }],
  };
  const res = await t.api('POST', '/api/v1/rules/explain', { body: { ticketId: ticket.number, rule } });
  assert.equal(res.statusCode, 200, res.body);
  const body = res.json();
  assert.equal(body.ticket.id, ticket.id);
  assert.deepEqual(body.leaves.map((leaf: { path: string; result: boolean }) => [leaf.path, leaf.result]), [['rule.conditions.all.0', true], ['rule.conditions.all.1.any.0', false], ['rule.conditions.all.1.any.1', true], ['rule.conditions.all.2', false]]);
  assert.equal(body.leaves[3].reason, 'automation.explain.needs_change');
  assert.equal(body.matches, false);
  assert.deepEqual(body.actions, []);
  const without = await t.api('POST', '/api/v1/rules/explain', { body: { ticketId: ticket.id, rule: { ...rule, conditions: { all: rule.conditions.all.slice(0, 2) } } } });
  assert.equal(without.json().matches, true);
  assert.deepEqual(without.json().actions, rule.actions);
  // A saved rule is tested the same way; nothing ran.
  const saved = await t.api('POST', '/api/v1/rules', { body: { name: '打印机', ...rule, conditions: { all: rule.conditions.all.slice(0, 2) }, enabled: false } });
  const stored = await t.api('POST', `/api/v1/rules/${saved.json().id}/explain`, { body: { ticketId: ticket.id } });
  assert.equal(stored.json().matches, true);
  assert.deepEqual(stored.json().leaves.map((leaf: { path: string }) => leaf.path), ['conditions.all.0', 'conditions.all.1.any.0', 'conditions.all.1.any.1']);
  assert.deepEqual((await t.api('GET', `/api/v1/tickets/${ticket.id}`)).json().tags, []);
  assertProblem(await t.api('POST', '/api/v1/rules/explain', { body: { ticketId: 'no-such-ticket', rule } }), 404, 'ticket.not_found');
});

test('the trigger cache: unknown → every event wanted; read → only triggers an enabled rule listens to; a change here → wanted again until read', async () => {
  const cache = new TriggerCache(60_000);
  assert.equal(cache.wants('ticket.created'), true, 'never read: the handler decides');
  await cache.refresh(t.database.db);
  assert.equal(cache.wants('ticket.created'), false, 'no rule: no job per ticket');
  const res = await t.api('POST', '/api/v1/rules', { body: { name: '新建', triggers: ['note.added'], actions: [{ type: 'add_tags', tags: ['x'] }] } });
  assert.equal(res.statusCode, 201, res.body);
  // What the rule's transaction wrote (a change through this process notes it at once).
  const [{ revision } = { revision: 0 }] = await queryRows<{ revision: number }>(t.database.db, sql`select revision from automation_revision`);
  cache.noteBump(revision);
  assert.equal(cache.wants('ticket.created'), true, 'a change through this process: not trusted until read');
  await cache.refresh(t.database.db);
  assert.equal(cache.wants('note.added'), true);
  assert.equal(cache.wants('ticket.created'), false);
});
