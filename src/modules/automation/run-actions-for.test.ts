import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp, type TestUser } from '../../app/test-app.js';
import { writeRulesOf } from '../../app/write-rules.js';
import { queryRows } from '../../db/database.js';
import { listAggregateEvents } from '../../jobs/events.js';
import { ActionFailed, isRunnableAction, runActionsFor, type ActionRunDeps, type ActionsRequest } from './index.js';

/**
 * The automation module's contract for other modules (issue 19: a process' stage and transition
 * actions): the registry's actions run inside the caller's transaction with the caller's cause,
 * all or nothing with it, keyed so that the same run adds nothing twice.
 */
let t: TestApp;
let deps: ActionRunDeps;
let agent: TestUser;
let supervisor: TestUser;
const owner = { id: '0190a000-0000-7000-8000-0000000f1001', name: '投诉处理' };
before(async () => {
  t = await createTestApp();
  agent = await t.user('agent');
  supervisor = await t.user('supervisor');
  deps = { database: t.database, rules: writeRulesOf(t.context), replyChannels: t.context.replyChannels, timeZone: 'Asia/Shanghai' };
});
after(() => t.close());

const request = (ticketId: string, actions: unknown[], sourceKey = `process:${owner.id}:1:transitions.0.actions`): ActionsRequest => ({ ticketId, actions, cause: `process:${owner.id}`, actorId: agent.id, trigger: 'workflow.transition_taken', actingAs: owner, sourceKey });
const notify = () => ({ type: 'notify', recipients: { userIds: [supervisor.id, agent.id] }, texts: { 'zh-CN': '请跟进', en: 'Please follow up' } });
const followUp = { type: 'create_follow_up', subject: '上门复核' };
const ticketRow = async (id: string) => (await t.api('GET', `/api/v1/tickets/${id}`)).data;
const countOf = async (query: ReturnType<typeof sql>) => (await queryRows<{ n: number }>(t.database.db, query))[0]!.n;

test('runs the actions in the caller’s transaction with its cause, as the owner; the user who caused them is not notified', async () => {
  const ticket = await t.createTicket({ subject: '空调不制冷', priority: 'normal' });
  const outcomes = await t.database.transaction((tx) => runActionsFor(tx, request(ticket.id, [{ type: 'set_field', field: 'priority', value: 'high' }, notify()]), deps));
  assert.deepEqual(outcomes.map((outcome) => outcome.type), ['set_field', 'notify']);
  assert.equal((await ticketRow(ticket.id)).priority, 'high');
  const [updated] = (await listAggregateEvents(t.database.db, 'ticket', [ticket.id])).filter((event) => event.type === 'ticket.updated');
  assert.equal(updated?.cause, `process:${owner.id}`);
  assert.equal(updated?.actorId, owner.id);
  const notified = await queryRows<{ userId: string }>(t.database.db, sql`select user_id as "userId" from notifications where ticket_id = ${ticket.id} and cause = ${`process:${owner.id}`}`);
  assert.deepEqual(notified.map((row) => row.userId), [supervisor.id]);
});

test('the same run again (same source key) notifies nobody twice and opens one follow-up ticket', async () => {
  const ticket = await t.createTicket({ subject: '漏水' });
  const followUps = sql`select count(*)::int as n from ticket_events where ticket_id = ${ticket.id} and type = 'rule_follow_up'`;
  for (let i = 0; i < 2; i++) await t.database.transaction((tx) => runActionsFor(tx, request(ticket.id, [notify(), followUp]), deps));
  assert.equal(await countOf(sql`select count(*)::int as n from notifications where ticket_id = ${ticket.id}`), 1);
  assert.equal(await countOf(followUps), 1);
  // Another run (another transition) is another key.
  await t.database.transaction((tx) => runActionsFor(tx, request(ticket.id, [notify(), followUp], `process:${owner.id}:2:transitions.0.actions`), deps));
  assert.equal(await countOf(followUps), 2);
});

test('a failing action throws ActionFailed (its index, type and the refusal) and the caller’s transaction rolls back', async () => {
  const ticket = await t.createTicket({ subject: '门锁损坏', priority: 'normal' });
  const actions = [{ type: 'set_field', field: 'priority', value: 'urgent' }, { type: 'webhook', endpointId: '0190a000-0000-7000-8000-00000000dead', eventType: 'x' }];
  const failure = await t.database.transaction((tx) => runActionsFor(tx, request(ticket.id, actions), deps)).then(() => null, (error: unknown) => error);
  assert.ok(failure instanceof ActionFailed, String(failure));
  assert.equal(failure.status, 422);
  assert.deepEqual([failure.index, failure.type, failure.errors.map((e) => e.code)], [1, 'webhook', ['webhook.not_found']]);
  assert.equal((await ticketRow(ticket.id)).priority, 'normal', 'the first action is undone with the transaction');
  // A stored action the registry cannot parse fails before anything runs.
  const invalid = await t.database.transaction((tx) => runActionsFor(tx, request(ticket.id, [{ type: 'set_field', field: 'priority' }]), deps)).then(() => null, (error: unknown) => error);
  assert.ok(invalid instanceof ActionFailed);
  assert.deepEqual(invalid.errors.map((e) => e.code), ['automation.action.invalid']);
  assert.equal(isRunnableAction({ type: 'set_field', field: 'priority' }), false);
  assert.equal(isRunnableAction({ type: 'add_tags', tags: ['vip'] }), true);
});
