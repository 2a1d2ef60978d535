import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { ManualClock } from '../../app/clock.js';
import { createTestApp, type TestApp } from '../../app/test-app.js';
import { queryRows } from '../../db/database.js';
import { handleTimeRuleBackfill } from './time-backfill.js';

/**
 * The backfill (补算) of time rules: tickets already waiting when a rule is saved, enabled or
 * re-anchored get their due rows at anchor + delay (the anchor read from the ticket's timeline),
 * fire on the next poll when that is past, once; disabling and deleting drop the rows; two workers
 * racing a backfill add one row per ticket. The tickets' timeline is stamped by the system clock,
 * so the test's clock starts there and moves on; every expected time is read from the timeline.
 */
const clock = new ManualClock(new Date());
const start = clock.now().getTime();
const day = 86_400_000;
let t: TestApp;
before(async () => {
  t = await createTestApp({}, { clock });
});
after(() => t.close());

type Rule = { id: string; version: number };
const hoursRule = (name: string, status: string, hours: number, actions: unknown[]) => ({ name, kind: 'time', timeTrigger: { anchor: 'status', status, amount: hours, unit: 'hours' }, actions });

async function createRule(body: Record<string, unknown>): Promise<Rule> {
  const res = await t.api('POST', '/api/v1/rules', { body });
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
}

async function patchRule(rule: { id: string }, body: Record<string, unknown>): Promise<Rule> {
  const current = (await t.api('GET', `/api/v1/rules/${rule.id}`)).json();
  const res = await t.api('PATCH', `/api/v1/rules/${rule.id}`, { headers: { 'if-match': `"${current.version}"` }, body });
  assert.equal(res.statusCode, 200, res.body);
  return res.json();
}

async function ticketIn(status: string, subject: string): Promise<string> {
  const ticket = await t.createTicket({ subject });
  await t.drain();
  if (status !== 'new') {
    const res = await t.api('PATCH', `/api/v1/tickets/${ticket.id}`, { headers: { 'if-match': `"${ticket.version}"` }, body: { status } });
    assert.equal(res.statusCode, 200, res.body);
    await t.drain();
  }
  return ticket.id;
}

/** When the ticket last entered its status, as its timeline says. */
async function enteredStatusAt(ticketId: string): Promise<number> {
  const timeline = (await t.api('GET', `/api/v1/tickets/${ticketId}/timeline?limit=100`)).json().items as Array<{ field: string | null; createdAt: string }>;
  const changes = timeline.filter((entry) => entry.field === 'status').map((entry) => Date.parse(entry.createdAt));
  return Math.max(...changes);
}

const firingsOf = async (ruleId: string, ticketId: string) => (await t.api('GET', `/api/v1/rule-firings?ticketId=${ticketId}`)).json().items.filter((f: { ruleId: string }) => f.ruleId === ruleId) as Array<{ dueAt: string; status: string }>;
const dueRows = async (ruleId: string) => (await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from automation_time_due where rule_id = ${ruleId}`))[0]!.n;
const backfillOf = async (ruleId: string) => {
  const res = await t.api('GET', `/api/v1/rules/${ruleId}/backfill`);
  assert.equal(res.statusCode, 200, res.body);
  return res.json().backfill;
};
const statusOf = async (ticketId: string) => (await t.api('GET', `/api/v1/tickets/${ticketId}`)).json().status as string;
const tagsOf = async (ticketId: string) => (await t.api('GET', `/api/v1/tickets/${ticketId}`)).json().tags as string[];

let waiting: string[] = [];
let remind: Rule;

test('a rule saved after its tickets started waiting: past due fires on the next poll once, the rest at anchor + delay; other tickets get nothing', async () => {
  waiting = [await ticketIn('pending', '等待客户 一'), await ticketIn('pending', '等待客户 二')];
  const open = await ticketIn('open', '处理中');
  const closed = await ticketIn('pending', '已关闭');
  const closing = (await t.api('GET', `/api/v1/tickets/${closed}`)).json();
  assert.equal((await t.api('PATCH', `/api/v1/tickets/${closed}`, { headers: { 'if-match': `"${closing.version}"` }, body: { status: 'closed' } })).statusCode, 200);
  await t.drain();

  clock.set(new Date(start + 5 * day)); // five days on, the rules are saved
  remind = await createRule(hoursRule('等待客户 3 天 → 提醒', 'pending', 72, [{ type: 'add_tags', tags: ['三天提醒'] }]));
  const close = await createRule(hoursRule('等待客户 7 天 → 关闭', 'pending', 168, [{ type: 'set_field', field: 'status', value: 'closed' }]));
  await t.drain();

  for (const ticketId of waiting) {
    const firings = await firingsOf(remind.id, ticketId);
    assert.equal(firings.length, 1, 'three days had passed: fired on the first poll');
    assert.equal(Date.parse(firings[0]!.dueAt), (await enteredStatusAt(ticketId)) + 3 * day, 'due at the anchor read from the timeline + 3 days');
    assert.ok((await tagsOf(ticketId)).includes('三天提醒'));
  }
  for (const ticketId of [open, closed]) assert.deepEqual(await firingsOf(remind.id, ticketId), [], 'not waiting: no row, no firing');
  const progress = await backfillOf(close.id);
  assert.deepEqual([progress.state, progress.scanned, progress.added], ['done', 2, 2], 'progress: two tickets read, two rows added');

  const lastDue = Math.max(...(await Promise.all(waiting.map(enteredStatusAt)))) + 7 * day;
  const firstDue = Math.min(...(await Promise.all(waiting.map(enteredStatusAt)))) + 7 * day;
  clock.set(new Date(firstDue - 60_000));
  await t.drain();
  for (const ticketId of waiting) assert.equal(await statusOf(ticketId), 'pending', 'not a minute early');
  clock.set(new Date(lastDue));
  await t.drain();
  for (const ticketId of waiting) {
    assert.equal(await statusOf(ticketId), 'closed');
    assert.equal((await firingsOf(close.id, ticketId)).length, 1);
  }
  await t.drain();
  assert.equal((await firingsOf(remind.id, waiting[0]!)).length, 1, 'a later poll fires nothing more');
});

test('disabling drops the pending rows; enabling again backfills, but not the tickets the rule already fired on since their anchor', async () => {
  const fresh = await ticketIn('pending', '新的等待');
  const rule = await createRule(hoursRule('等待客户 30 天 → 提醒', 'pending', 720, [{ type: 'add_tags', tags: ['三十天'] }]));
  await t.drain();
  assert.equal(await dueRows(rule.id), 1);
  const disabled = await patchRule(rule, { enabled: false });
  await t.drain();
  assert.equal(await dueRows(rule.id), 0, 'disabled: no pending rows');
  assert.equal((await backfillOf(rule.id)).state, 'done');
  await patchRule(disabled, { enabled: true });
  await t.drain();
  assert.equal(await dueRows(rule.id), 1, 'enabled again: the waiting ticket is due again');
  assert.equal((await backfillOf(rule.id)).added, 1);

  // The reminder of the first test follows the waiting ticket live (anchored at the clock's now, the
  // first test's last due time) and fires three days later; switched off and on, it adds no row for
  // the ticket it fired on since its anchor.
  clock.set(new Date(clock.now().getTime() + 3 * day));
  await t.drain();
  assert.equal((await firingsOf(remind.id, fresh)).length, 1);
  const off = await patchRule(remind, { enabled: false });
  await t.drain();
  await patchRule(off, { enabled: true });
  await t.drain();
  assert.equal(await dueRows(remind.id), 0);
  assert.deepEqual({ ...(await backfillOf(remind.id)), startedAt: '', finishedAt: '' }, { ruleVersion: off.version + 1, state: 'done', scanned: 1, added: 0, startedAt: '', finishedAt: '' });
  assert.equal((await firingsOf(remind.id, fresh)).length, 1, 'fired once for this anchor, not again');

  const current = (await t.api('GET', `/api/v1/rules/${rule.id}`)).json();
  assert.equal((await t.api('DELETE', `/api/v1/rules/${rule.id}`, { headers: { 'if-match': `"${current.version}"` } })).statusCode, 204);
  await t.drain();
  assert.equal(await dueRows(rule.id), 0, 'deleted: no pending rows');
  const remindNow = (await t.api('GET', `/api/v1/rules/${remind.id}`)).json();
  await patchRule(remindNow, { enabled: false });
  await t.drain();
});

test('a new anchor: the old anchor’s rows go, the tickets holding the new one are backfilled', async () => {
  const pending = await ticketIn('pending', '换锚点 等待');
  const resolved = await ticketIn('resolved', '换锚点 已解决');
  const rule = await createRule(hoursRule('等待客户 30 天 → 标记', 'pending', 720, [{ type: 'add_tags', tags: ['锚点'] }]));
  await t.drain();
  const rows = () => queryRows<{ ticket_id: string }>(t.database.db, sql`select ticket_id from automation_time_due where rule_id = ${rule.id} order by ticket_id`);
  const before = (await rows()).map((row) => row.ticket_id);
  assert.ok(before.includes(pending) && !before.includes(resolved), 'only tickets 等待客户');
  await patchRule(rule, { timeTrigger: { anchor: 'status', status: 'resolved', amount: 720, unit: 'hours' } });
  await t.drain();
  assert.deepEqual((await rows()).map((row) => row.ticket_id), [resolved]);
  await patchRule((await t.api('GET', `/api/v1/rules/${rule.id}`)).json(), { enabled: false });
  await t.drain();
});

test('two workers racing the backfill, the job queue and the poll add one row per ticket and fire each once', async () => {
  clock.set(new Date());
  const tickets: string[] = [];
  for (let n = 0; n < 24; n += 1) tickets.push(await ticketIn('pending', `并发补算 ${n}`));
  clock.set(new Date(Date.now() + 5 * day));
  const rule = await createRule(hoursRule('等待客户 3 天 → 并发', 'pending', 72, [{ type: 'add_tags', tags: ['并发'] }]));
  const backfill = handleTimeRuleBackfill({ clock, pageSize: 5 });
  const payload = { ruleId: rule.id, version: rule.version, anchor: 'status:pending' };
  const context = { database: t.database, log: pino({ level: 'silent' }), job: { id: 'race', type: 'automation.time_rule_backfill', attempts: 0, eventId: null } };
  await Promise.all([backfill(payload, context), backfill(payload, context), t.drain(), t.drain()]);
  await t.drain();
  for (const ticketId of tickets) {
    assert.equal((await firingsOf(rule.id, ticketId)).length, 1, `ticket ${ticketId}`);
    assert.deepEqual((await tagsOf(ticketId)).filter((tag) => tag === '并发'), ['并发']);
  }
  assert.equal(await dueRows(rule.id), 0);
  const [fired] = await queryRows<{ firings: number; tickets: number }>(t.database.db, sql`select count(*)::int as firings, count(distinct ticket_id)::int as tickets from automation_rule_firings where rule_id = ${rule.id}`);
  assert.equal(fired!.firings, fired!.tickets, 'one firing per ticket (the earlier tests’ waiting tickets included)');
  assert.ok(fired!.tickets >= tickets.length);
});
