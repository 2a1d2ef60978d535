import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { pino } from 'pino';
import { queryRows, type Database } from '../db/database.js';
import { openTestDatabase } from '../db/test-database.js';
import { z } from 'zod';
import { defineEvent, type EventEnvelope } from './event-definition.js';
import { recordEvent } from './events.js';
import { enqueueJob, enqueueJobs } from './queue.js';
import { JobRegistry } from './registry.js';
import { Worker } from './worker.js';

const log = pino({ level: 'silent' });
const probeHappened = defineEvent({ name: 'probe.happened', version: 1, aggregate: 'probe', payload: { n: z.number().optional() } });
const probeIgnored = defineEvent({ name: 'probe.ignored', version: 1, aggregate: 'probe', payload: {} });
const probeChanged = defineEvent({ name: 'probe.changed', version: 1, aggregate: 'probe', payload: {} });
let database: Database;
before(async () => {
  database = await openTestDatabase();
});
after(() => database.close());
beforeEach(() =>
  database.transaction(async (tx) => {
    await tx.execute(sql`delete from jobs`);
    await tx.execute(sql`delete from domain_events`);
  }),
);

type JobRow = { id: string; type: string; state: string; attempts: number; last_error: string | null; run_at: Date };
const jobRows = () => queryRows<JobRow>(database.db, sql`select id, type, state, attempts, last_error, run_at from jobs order by created_at`);
/** Pretend time has passed: every scheduled job becomes due now. */
const makeEverythingDue = () => database.transaction((tx) => tx.execute(sql`update jobs set run_at = now() - interval '1 second'`));

test('an event committed with a change reaches each subscriber once, with its envelope', async () => {
  const registry = new JobRegistry();
  const received: EventEnvelope<'probe.happened', { n?: number }>[] = [];
  registry.subscribe(probeHappened, 'probe.follow', async (event) => void received.push(event));
  await database.transaction((tx) => recordEvent(tx, probeHappened, { aggregateId: 'p1', cause: 'system', payload: { n: 1 } }));
  await database.transaction((tx) => recordEvent(tx, probeIgnored, { aggregateId: 'p1', cause: 'system', payload: {} }));
  await new Worker(database, registry, log).runUntilIdle();
  assert.equal(received.length, 1);
  assert.equal(received[0]!.type, 'probe.happened');
  assert.equal(received[0]!.aggregateId, 'p1');
  assert.deepEqual(received[0]!.payload, { n: 1 });
  assert.deepEqual(await jobRows(), [], 'finished jobs are removed');
  const [pending] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from domain_events where dispatched_at is null`);
  assert.equal(pending!.n, 0);
});

test('an event written in a rolled-back transaction never reaches anyone', async () => {
  const registry = new JobRegistry();
  let calls = 0;
  registry.subscribe(probeHappened, 'probe.follow', async () => void calls++);
  await assert.rejects(
    database.transaction(async (tx) => {
      await recordEvent(tx, probeHappened, { aggregateId: 'p2', cause: 'system', payload: {} });
      throw new Error('change failed');
    }),
  );
  await new Worker(database, registry, log).runUntilIdle();
  assert.equal(calls, 0);
});

test('a failing job is retried later with backoff, then dead-lettered after its last attempt', async () => {
  const registry = new JobRegistry();
  let calls = 0;
  registry.handle('probe.flaky', async () => {
    calls++;
    throw new Error(`boom ${calls}`);
  });
  await database.transaction((tx) => enqueueJob(tx, { type: 'probe.flaky', maxAttempts: 3 }));
  const worker = new Worker(database, registry, log);

  await worker.runUntilIdle();
  let [job] = await jobRows();
  assert.equal(calls, 1);
  assert.equal(job!.state, 'pending');
  assert.equal(job!.attempts, 1);
  assert.match(job!.last_error!, /boom 1/);
  assert.ok(new Date(job!.run_at).getTime() > Date.now(), 'the retry is scheduled in the future');

  await worker.runUntilIdle();
  assert.equal(calls, 1, 'not retried before it is due');

  await makeEverythingDue();
  await worker.runUntilIdle();
  await makeEverythingDue();
  await worker.runUntilIdle();
  [job] = await jobRows();
  assert.equal(calls, 3);
  assert.equal(job!.state, 'dead');
  assert.match(job!.last_error!, /boom 3/);

  await makeEverythingDue();
  await worker.runUntilIdle();
  assert.equal(calls, 3, 'dead jobs do not run again by themselves');
});

test('a job whose worker died mid-run is picked up again once its lease expires', async () => {
  const registry = new JobRegistry();
  let calls = 0;
  registry.handle('probe.once', async () => void calls++);
  await database.transaction((tx) => enqueueJob(tx, { type: 'probe.once' }));
  // Simulate a worker that took the job and crashed: state running, lease still valid.
  await database.transaction((tx) => tx.execute(sql`update jobs set state = 'running', attempts = 1, locked_by = 'dead-worker', locked_until = now() + interval '1 hour'`));
  const worker = new Worker(database, registry, log);
  await worker.runUntilIdle();
  assert.equal(calls, 0, 'a leased job is left alone');
  await database.transaction((tx) => tx.execute(sql`update jobs set locked_until = now() - interval '1 second'`));
  await worker.runUntilIdle();
  assert.equal(calls, 1);
  assert.deepEqual(await jobRows(), []);
});

test('a job scheduled for later runs only when due (timers as due-time rows)', async () => {
  const registry = new JobRegistry();
  let calls = 0;
  registry.handle('probe.timer', async () => void calls++);
  await database.transaction((tx) => enqueueJob(tx, { type: 'probe.timer', runAt: new Date(Date.now() + 3_600_000) }));
  const worker = new Worker(database, registry, log);
  await worker.runUntilIdle();
  assert.equal(calls, 0);
  await makeEverythingDue();
  await worker.runUntilIdle();
  assert.equal(calls, 1);
});

test('events of one aggregate fold into one pending job when the subscription asks for it', async () => {
  const registry = new JobRegistry();
  const seen: number[] = [];
  registry.subscribe(probeChanged, 'probe.reindex', async (event) => void seen.push(event.eventId), { perAggregate: true });
  for (let i = 0; i < 5; i++) await database.transaction((tx) => recordEvent(tx, probeChanged, { aggregateId: 'same', cause: 'system', payload: {} }));
  await database.transaction((tx) => recordEvent(tx, probeChanged, { aggregateId: 'other', cause: 'system', payload: {} }));
  await new Worker(database, registry, log).runUntilIdle();
  assert.equal(seen.length, 2);
});

test('the relay queues a round of events in one go: every subscriber of every event once, a burst of one aggregate folded into one job, also into a job already pending', async () => {
  const registry = new JobRegistry();
  const folded: string[] = [];
  const each: string[] = [];
  registry.subscribe(probeChanged, 'probe.reindex', async (event) => void folded.push(event.aggregateId), { perAggregate: true });
  registry.subscribe(probeChanged, 'probe.each', async (event) => void each.push(event.aggregateId));
  // A job for `held` is already pending (queued by an earlier round): its events fold into it.
  await database.transaction((tx) => enqueueJob(tx, { type: 'probe.reindex', payload: { eventId: 0, type: 'probe.changed', aggregateType: 'probe', aggregateId: 'held', occurredAt: new Date().toISOString() }, dedupeKey: 'probe.reindex:probe:held' }));
  await database.transaction(async (tx) => {
    for (const aggregateId of ['a', 'b', 'a', 'held', 'a', 'held']) await recordEvent(tx, probeChanged, { aggregateId, cause: 'system', payload: {} });
  });
  await new Worker(database, registry, log).runUntilIdle();
  assert.deepEqual(folded.sort(), ['a', 'b', 'held']);
  assert.deepEqual(each.sort(), ['a', 'a', 'a', 'b', 'held', 'held']);
});

test('enqueueJobs adds one job per dedupe key (of the list and of pending jobs), any number without a key, nothing for an empty list', async () => {
  await database.transaction((tx) => enqueueJob(tx, { type: 'probe.keyed', payload: { n: 0 }, dedupeKey: 'held', maxAttempts: 1 }));
  await database.transaction((tx) => enqueueJobs(tx, []));
  await database.transaction((tx) =>
    enqueueJobs(tx, [
      { type: 'probe.keyed', payload: { n: 1 }, dedupeKey: 'k' },
      { type: 'probe.keyed', payload: { n: 2 }, dedupeKey: 'k' },
      { type: 'probe.keyed', payload: { n: 3 }, dedupeKey: 'held' },
      { type: 'probe.free', payload: { n: 4 } },
      { type: 'probe.free', payload: { n: 5 } },
    ]),
  );
  const rows = await queryRows<{ n: number; dedupe_key: string | null }>(database.db, sql`select (payload ->> 'n')::int as n, dedupe_key from jobs order by (payload ->> 'n')::int`);
  assert.deepEqual(rows.map((r) => ({ ...r })), [
    { n: 0, dedupe_key: 'held' },
    { n: 1, dedupe_key: 'k' },
    { n: 4, dedupe_key: null },
    { n: 5, dedupe_key: null },
  ]);
});

test('several workers share the queue without running a job twice', async () => {
  const registry = new JobRegistry();
  const runs = new Map<string, number>();
  registry.handle('probe.count', async (payload) => {
    const key = String(payload.n);
    await new Promise((resolve) => setImmediate(resolve));
    runs.set(key, (runs.get(key) ?? 0) + 1);
  });
  await database.transaction(async (tx) => {
    for (let n = 0; n < 60; n++) await enqueueJob(tx, { type: 'probe.count', payload: { n } });
  });
  const workers = [1, 2, 3].map(() => new Worker(database, registry, log, { batchSize: 5 }));
  await Promise.all(workers.map((w) => w.runUntilIdle()));
  assert.equal(runs.size, 60);
  assert.ok([...runs.values()].every((count) => count === 1));
});

test('a job type nobody handles is dead-lettered with a clear error, not lost', async () => {
  await database.transaction((tx) => enqueueJob(tx, { type: 'probe.unknown', maxAttempts: 1 }));
  await new Worker(database, new JobRegistry(), log).runUntilIdle();
  const [job] = await jobRows();
  assert.equal(job!.state, 'dead');
  assert.match(job!.last_error!, /No handler registered for job type probe.unknown/);
});

test('a batch handler gets every due job of its type in one call; a failure retries each', async () => {
  const registry = new JobRegistry();
  const calls: number[][] = [];
  let fail = true;
  registry.handleBatch('probe.batch', async (payloads) => {
    calls.push(payloads.map((p) => Number(p.n)));
    if (fail) throw new Error('batch failed');
  });
  await database.transaction(async (tx) => {
    for (let n = 0; n < 4; n++) await enqueueJob(tx, { type: 'probe.batch', payload: { n } });
  });
  const worker = new Worker(database, registry, log);
  await worker.runUntilIdle();
  // The whole batch first, then each job alone to find the failing ones.
  assert.deepEqual(calls[0] && [...calls[0]].sort(), [0, 1, 2, 3]);
  assert.deepEqual(calls.slice(1).map((c) => c.length), [1, 1, 1, 1]);
  calls.length = 0;
  assert.ok((await jobRows()).every((job) => job.state === 'pending' && job.attempts === 1 && /batch failed/.test(job.last_error!)));

  fail = false;
  await makeEverythingDue();
  await worker.runUntilIdle();
  assert.equal(calls.length, 1);
  assert.deepEqual([...calls[0]!].sort(), [0, 1, 2, 3]);
  assert.deepEqual(await jobRows(), []);
});

test('one poisoned item of a batch fails alone; the others finish', async () => {
  const registry = new JobRegistry();
  const done: number[] = [];
  registry.handleBatch('probe.batch', async (payloads) => {
    if (payloads.some((p) => p.n === 2)) throw new Error('item 2 is poisoned');
    done.push(...payloads.map((p) => Number(p.n)));
  });
  await database.transaction(async (tx) => {
    for (let n = 0; n < 4; n++) await enqueueJob(tx, { type: 'probe.batch', payload: { n } });
  });
  await new Worker(database, registry, log).runUntilIdle();
  assert.deepEqual(done.sort(), [0, 1, 3]);
  const left = await jobRows();
  assert.equal(left.length, 1);
  assert.match(left[0]!.last_error!, /poisoned/);
});

test('a failed query’s parameters (secrets, ticket text) never reach the stored job error', async () => {
  const registry = new JobRegistry();
  registry.handle('probe.leaky', async (_payload, { database: db }) => {
    const id = '0190a0a0-0000-7000-8000-0000000000aa';
    await db.transaction(async (tx) => {
      await tx.execute(sql`insert into jobs (id, type, payload) values (${id}, 'x', ${JSON.stringify({ secret: 'scrypt$hunter2' })}::jsonb)`);
      await tx.execute(sql`insert into jobs (id, type, payload) values (${id}, 'x', ${JSON.stringify({ secret: 'scrypt$hunter2' })}::jsonb)`);
    });
  });
  await database.transaction((tx) => enqueueJob(tx, { type: 'probe.leaky', maxAttempts: 1 }));
  await new Worker(database, registry, log).runUntilIdle();
  const [job] = (await jobRows()).filter((j) => j.type === 'probe.leaky');
  assert.equal(job!.state, 'dead');
  assert.match(job!.last_error!, /duplicate key/);
  assert.doesNotMatch(job!.last_error!, /hunter2/);
});

test('a round takes up to a batch of each batch type and a batch of the other jobs together, in due order', async () => {
  const registry = new JobRegistry();
  const rounds: Array<Record<string, number[]>> = [];
  let round: Record<string, number[]> = {};
  const note = (type: string, n: number) => void (round[type] ??= []).push(n);
  registry.handleBatch('probe.first', async (payloads) => payloads.forEach((p) => note('first', Number(p.n))));
  registry.handleBatch('probe.second', async (payloads) => payloads.forEach((p) => note('second', Number(p.n))));
  registry.handle('probe.single', async (payload) => note('single', Number(payload.n)));
  registry.handle('probe.other', async (payload) => note('other', Number(payload.n)));
  // Oldest first: the single jobs were due before the batch jobs, and 'probe.other' before them.
  await database.transaction(async (tx) => {
    for (let n = 0; n < 2; n++) await enqueueJob(tx, { type: 'probe.other', payload: { n }, runAt: new Date(Date.now() - 60_000 + n) });
    for (let n = 0; n < 2; n++) await enqueueJob(tx, { type: 'probe.single', payload: { n }, runAt: new Date(Date.now() - 50_000 + n) });
    for (let n = 0; n < 4; n++) await enqueueJob(tx, { type: 'probe.first', payload: { n }, runAt: new Date(Date.now() - 40_000 + n) });
    await enqueueJob(tx, { type: 'probe.second', payload: { n: 0 }, runAt: new Date(Date.now() - 30_000) });
  });
  const worker = new Worker(database, registry, log, { batchSize: 3 });
  for (let i = 0; i < 3; i++) {
    round = {};
    await worker.tick();
    rounds.push(Object.fromEntries(Object.entries(round).map(([type, ns]) => [type, ns.sort()])));
  }
  // 9 jobs, all of them candidates of the first round (3 per kind: the others, and each batch type).
  assert.deepEqual(rounds[0], { other: [0, 1], single: [0], first: [0, 1, 2], second: [0] });
  assert.deepEqual(rounds[1], { single: [1], first: [3] });
  assert.deepEqual(rounds[2], {});
  assert.deepEqual(await jobRows(), []);
});

test('a job the relay makes names its event and carries no copy of it; the handler gets the event as stored when the job runs', async () => {
  const registry = new JobRegistry();
  const received: Array<{ n?: number }> = [];
  let fail = true;
  registry.subscribe(probeHappened, 'probe.follow', async (event) => {
    received.push(event.payload);
    if (fail) throw new Error('not yet');
  });
  await database.transaction((tx) => recordEvent(tx, probeHappened, { aggregateId: 'p9', cause: 'system', payload: { n: 7 } }));
  const worker = new Worker(database, registry, log);
  await worker.runUntilIdle();
  const [stored] = await queryRows<{ payload: Record<string, unknown>; event_id: number | null }>(database.db, sql`select payload, event_id from jobs`);
  assert.deepEqual(stored!.payload, {}, 'no copy of the event in the job');
  assert.ok(stored!.event_id);
  // The event changes before the retry (an erasure redacts past payloads): the job reads it as it is now.
  await database.transaction((tx) => tx.execute(sql`update domain_events set payload = '{"n": 8}'::jsonb where id = ${stored!.event_id}`));
  fail = false;
  await makeEverythingDue();
  await worker.runUntilIdle();
  assert.deepEqual(received, [{ n: 7 }, { n: 8 }]);
  assert.deepEqual(await jobRows(), []);
});

test('a job enqueued with its event\'s envelope before jobs named their events still runs with that envelope', async () => {
  const registry = new JobRegistry();
  const received: Array<{ n?: number }> = [];
  registry.subscribe(probeHappened, 'probe.follow', async (event) => void received.push(event.payload));
  await database.transaction((tx) => recordEvent(tx, probeHappened, { aggregateId: 'p10', cause: 'system', payload: { n: 1 } }));
  const [event] = await queryRows<{ id: number }>(database.db, sql`update domain_events set dispatched_at = now() returning id`);
  const envelope = { eventId: Number(event!.id), type: 'probe.happened', version: 1, aggregateType: 'probe', aggregateId: 'p10', cause: 'system', actorId: null, contactId: null, payload: { n: 5 }, occurredAt: new Date().toISOString() };
  await database.transaction((tx) => enqueueJob(tx, { type: 'probe.follow', payload: envelope, eventId: Number(event!.id) }));
  await new Worker(database, registry, log).runUntilIdle();
  assert.deepEqual(received, [{ n: 5 }], 'the envelope the job carries, not the event row');
});
