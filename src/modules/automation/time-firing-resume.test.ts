import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { ManualClock } from '../../app/clock.js';
import { createTestApp, type TestApp } from '../../app/test-app.js';
import { queryRows } from '../../db/database.js';
import { createAutomationModule } from './index.js';
import { crashAfterAction } from './test-crash-hooks.js';

/**
 * A time rule's firing a crash interrupted between two actions: its due rows were deleted when it
 * was claimed, so only the scheduler's sweep of firings left `running` finds it. The worker "dies"
 * after the first action (a test hook throws there); two minutes later a round resumes the firing
 * and every action's effect exists exactly once. A rule disabled meanwhile ends its firing as failed.
 */
const clock = new ManualClock('2026-10-12T10:00:00+08:00');
let t: TestApp;
const crash = crashAfterAction();

before(async () => {
  t = await createTestApp({}, { clock, withoutModules: ['automation'], extraModules: [createAutomationModule({ firingHooks: crash.hooks })] });
});
after(() => t.close());

const count = async (query: ReturnType<typeof sql>) => (await queryRows<{ n: number }>(t.database.db, query))[0]!.n;
const firingOf = async (ruleId: string, ticketId: string) =>
  (await queryRows<{ status: string; error: string | null }>(t.database.db, sql`select status, error from automation_rule_firings where rule_id = ${ruleId} and ticket_id = ${ticketId}`))[0];

async function timeRule(name: string): Promise<{ id: string; version: number }> {
  const res = await t.api('POST', '/api/v1/rules', {
    body: {
      name,
      kind: 'time',
      timeTrigger: { anchor: 'status', status: 'pending', amount: 30, unit: 'minutes' },
      actions: [
        { type: 'add_note', body: `${name}：客户 30 分钟未回复` },
        { type: 'add_tags', tags: [`${name}-提醒`] },
        { type: 'set_field', field: 'priority', value: 'high' },
      ],
    },
  });
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
}

async function pendingTicket(subject: string): Promise<string> {
  const ticket = await t.createTicket({ subject, channel: 'email', requester: { name: '王先生', email: `${subject}@example.cn` } });
  const current = (await t.api('GET', `/api/v1/tickets/${ticket.id}`)).json();
  const res = await t.api('PATCH', `/api/v1/tickets/${ticket.id}`, { headers: { 'if-match': `"${current.version}"` }, body: { status: 'pending' } });
  assert.equal(res.statusCode, 200, res.body);
  await t.drain();
  return ticket.id;
}

test('a time firing interrupted after its first action is resumed by a later round: each action once', async () => {
  const rule = await timeRule('等待提醒');
  const ticketId = await pendingTicket('resume-a');
  crash.arm(0);
  clock.advanceMinutes(31);
  await t.drain();
  assert.equal(crash.crashes, 1, 'the worker died after the note');
  assert.equal((await firingOf(rule.id, ticketId))?.status, 'running');
  const notes = sql`select count(*)::int as n from ticket_messages where ticket_id = ${ticketId} and internal and body = '等待提醒：客户 30 分钟未回复'`;
  assert.equal(await count(notes), 1);
  assert.equal(await count(sql`select count(*)::int as n from automation_time_due where ticket_id = ${ticketId}`), 0, 'the due row went with the claim: no poll finds it again');

  clock.advanceMinutes(1);
  await t.drain();
  assert.equal((await firingOf(rule.id, ticketId))?.status, 'running', 'not yet abandoned one minute later');

  clock.advanceMinutes(2);
  await t.drain();
  assert.equal((await firingOf(rule.id, ticketId))?.status, 'done');
  const ticket = (await t.api('GET', `/api/v1/tickets/${ticketId}`)).json();
  assert.deepEqual([ticket.priority, ticket.tags], ['high', ['等待提醒-提醒']]);
  assert.equal(await count(notes), 1, 'the note is not written twice');

  clock.advanceMinutes(5);
  await t.drain();
  assert.equal(await count(notes), 1);
  assert.equal(await count(sql`select count(*)::int as n from automation_firing_actions a join automation_rule_firings f on f.id = a.firing_id where f.ticket_id = ${ticketId}`), 3, 'three actions, three done-rows');
  const current = (await t.api('GET', `/api/v1/rules/${rule.id}`)).json();
  assert.equal((await t.api('DELETE', `/api/v1/rules/${rule.id}`, { headers: { 'if-match': `"${current.version}"` } })).statusCode, 204);
});

test('a rule disabled after its firing was interrupted: the firing ends as failed, nothing more runs', async () => {
  const rule = await timeRule('停用前');
  const ticketId = await pendingTicket('resume-b');
  crash.arm(0);
  clock.advanceMinutes(31);
  await t.drain();
  const current = (await t.api('GET', `/api/v1/rules/${rule.id}`)).json();
  const off = await t.api('PATCH', `/api/v1/rules/${rule.id}`, { headers: { 'if-match': `"${current.version}"` }, body: { enabled: false } });
  assert.equal(off.statusCode, 200, off.body);
  clock.advanceMinutes(3);
  await t.drain();
  assert.deepEqual(await firingOf(rule.id, ticketId), { status: 'failed', error: 'automation.firing.rule_off' });
  const log = (await t.api('GET', `/api/v1/rules/${rule.id}/firings`)).json();
  assert.equal(log.items[0].errorText, '执行中断后规则已停用或删除，其余动作未执行', 'the firing log says why in Chinese, not the code');
  const ticket = (await t.api('GET', `/api/v1/tickets/${ticketId}`)).json();
  assert.deepEqual(ticket.tags, [], 'the actions after the crash did not run');
});
