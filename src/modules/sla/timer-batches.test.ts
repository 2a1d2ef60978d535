import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { ManualClock } from '../../app/clock.js';
import { createTestApp, type TestApp } from '../../app/test-app.js';
import { queryRows } from '../../db/database.js';

/**
 * `sla.ticket_event` is a batch job (issue 15): the ticket events of a worker round start or move
 * their tickets' timers in one transaction. What a batch must keep: one ticket that fails does not
 * lose or double the others, and several events of one ticket apply in the order recorded.
 * The seeded default policy applies (normal: first response 4 h, resolution 24 h; pauses on 待处理).
 */
const clock = new ManualClock('2026-03-02T09:00:00+08:00');
let t: TestApp;

before(async () => {
  t = await createTestApp({}, { clock });
});
after(() => t.close());

type TimerFacts = { ticket_id: string; target: string; state: string; cycle: number };
const timersOf = (ids: readonly string[]) =>
  queryRows<TimerFacts>(t.database.db, sql`select ticket_id::text, target, state, cycle from sla_ticket_timers where ticket_id in (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)}) order by ticket_id, target`);
const timersChangedOf = async (ids: readonly string[]) =>
  new Map(
    (await queryRows<{ aggregate_id: string; n: number }>(t.database.db, sql`select aggregate_id, count(*)::int as n from domain_events where type = 'sla.timers_changed' and aggregate_id in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)}) group by aggregate_id`)).map((r) => [r.aggregate_id, r.n]),
  );

test('the ticket events of a round are one batch; a ticket whose timers cannot be written fails alone, and no ticket loses or doubles its timers', async () => {
  assert.ok(t.context.jobs.batchHandlerOf('sla.ticket_event'), 'sla.ticket_event is handled as a batch');
  const ids: string[] = [];
  for (let i = 0; i < 6; i++) ids.push((await t.createTicket<{ id: string }>({ subject: `批量 SLA ${i}`, description: '打印机脱机' })).id);
  const failing = ids[2]!;
  // The database refuses this one ticket's timers: the batch's transaction rolls back whole, then
  // the worker runs each job alone and only this one fails.
  await t.database.transaction(async (tx) => {
    await tx.execute(sql.raw(`create function refuse_probe_timers() returns trigger language plpgsql as $$ begin
      if new.ticket_id = '${failing}'::uuid then raise exception 'probe: timers of this ticket refused'; end if; return new; end $$`));
    await tx.execute(sql`create trigger refuse_probe_timers before insert on sla_ticket_timers for each row execute function refuse_probe_timers()`);
  });
  try {
    await t.drain();
  } finally {
    await t.database.transaction(async (tx) => {
      await tx.execute(sql`drop trigger refuse_probe_timers on sla_ticket_timers`);
      await tx.execute(sql`drop function refuse_probe_timers()`);
    });
  }
  const others = ids.filter((id) => id !== failing);
  const expected = (tickets: readonly string[]) => tickets.flatMap((id) => ['first_response', 'resolution'].map((target) => ({ ticket_id: id, target, state: 'running', cycle: 1 }))).sort((a, b) => a.ticket_id.localeCompare(b.ticket_id) || a.target.localeCompare(b.target));
  assert.deepEqual((await timersOf(ids)).map((r) => ({ ...r })), expected(others));
  const [job] = await queryRows<{ state: string; attempts: number; last_error: string }>(t.database.db, sql`select state, attempts, last_error from jobs where type = 'sla.ticket_event'`);
  assert.equal(job?.state, 'pending');
  assert.equal(job.attempts, 1);
  assert.match(job.last_error, /timers of this ticket refused/);

  // The retry starts the failed ticket's timers; the others' are neither started again nor announced twice.
  await t.database.transaction((tx) => tx.execute(sql`update jobs set run_at = now() - interval '1 second' where type = 'sla.ticket_event'`));
  await t.drain();
  assert.deepEqual((await timersOf(ids)).map((r) => ({ ...r })), expected(ids));
  assert.deepEqual(Object.fromEntries(await timersChangedOf(ids)), Object.fromEntries(ids.map((id) => [id, 1])));
  const [left] = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from jobs where type = 'sla.ticket_event'`);
  assert.equal(left?.n, 0);
});

test('several events of one ticket in one batch apply in the order recorded', async () => {
  const ticket = await t.createTicket<{ id: string; version: number }>({ subject: '批量顺序', description: '扫描仪异响' });
  const replied = await t.api('POST', `/api/v1/tickets/${ticket.id}/messages`, { body: { body: '您好，已收到', internal: false } });
  assert.equal(replied.statusCode, 201, replied.body);
  const setStatus = async (status: string) => {
    const current = (await t.api('GET', `/api/v1/tickets/${ticket.id}`)).json();
    const res = await t.api('PATCH', `/api/v1/tickets/${ticket.id}`, { body: { status }, ifMatch: current.version });
    assert.equal(res.statusCode, 200, res.body);
  };
  await setStatus('pending');
  await setStatus('open');
  // Created, answered, set to 待处理 and back: four events, one round. Each event reads the ticket
  // as it is now (answered: no first-response clock) with its own status change applied.
  await t.drain();
  const timers = await queryRows<{ target: string; state: string; history: Array<{ event: string }> }>(t.database.db, sql`select target, state, history from sla_ticket_timers where ticket_id = ${ticket.id}::uuid order by target`);
  assert.deepEqual(
    timers.map((r) => ({ target: r.target, state: r.state, events: r.history.map((h) => h.event) })),
    [{ target: 'resolution', state: 'running', events: ['started', 'paused', 'resumed'] }],
  );
});
