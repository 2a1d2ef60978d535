import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { pino } from 'pino';
import { z } from 'zod';
import { queryRows, type Database } from '../db/database.js';
import { openTestDatabase } from '../db/test-database.js';
import { defineEvent, InvalidEventPayload, type EnvelopeOf } from './event-definition.js';
import { listAggregateEvents, recordEvent } from './events.js';
import { pastEvent, recordPastEvents } from './past-events.js';
import { eventReader, JobRegistry, wantingOnly } from './registry.js';
import { Worker } from './worker.js';

const log = pino({ level: 'silent' });
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

/** Version 2 moved `who` out of the payload (it is the envelope's cause now) and renamed `n` to `count`. */
const probeCounted = defineEvent({
  name: 'probe.counted',
  version: 2,
  aggregate: 'probe',
  payload: { count: z.number().int(), note: z.string().optional() },
  upgrades: { 1: ({ n, who: _who, ...rest }) => ({ ...rest, count: n }) },
  causeOfOldRow: ({ actorId, payload }) => (payload.who === 'customer' && typeof payload.contactId === 'string' ? { cause: 'customer', contactId: payload.contactId } : { cause: actorId ? 'agent' : 'system', contactId: null }),
});

const countEvents = async () => (await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from domain_events`))[0]!.n;
const agent = '0190f0f0-0000-7000-8000-000000000001';
const contact = '0190f0f0-0000-7000-8000-000000000002';

test('recordEvent refuses a payload that breaks the declaration, with the event and field named, and writes nothing', async () => {
  await assert.rejects(
    database.transaction((tx) => recordEvent(tx, probeCounted, { aggregateId: 'p', cause: 'system', payload: { count: 1.5 } })),
    (error: unknown) => error instanceof InvalidEventPayload && /cannot record event probe\.counted: payload\.count: /.test(error.message),
  );
  await assert.rejects(
    // A key the declaration does not name (a typo) is refused too, not silently dropped.
    database.transaction((tx) => recordEvent(tx, probeCounted, { aggregateId: 'p', cause: 'system', payload: { count: 1, ...{ nt: 'typo' } } })),
    /probe\.counted: payload: Unrecognized key: "nt"/,
  );
  await assert.rejects(database.transaction((tx) => recordEvent(tx, probeCounted, { aggregateId: 'p', cause: 'agent', payload: { count: 1 } })), /an agent's change names the agent/);
  await assert.rejects(database.transaction((tx) => recordPastEvents(tx, [pastEvent(probeCounted, { aggregateId: 'p', cause: 'system', occurredAt: new Date(), payload: { count: -0.5 } })])), InvalidEventPayload);
  assert.equal(await countEvents(), 0);
});

test('recordEvent writes the version, cause, actor and contact; a subscriber receives the parsed, typed envelope', async () => {
  const registry = new JobRegistry();
  const received: EnvelopeOf<typeof probeCounted>[] = [];
  registry.subscribe(probeCounted, 'probe.follow', async (event) => {
    // Typed by the declaration: `count` is a number here, no cast.
    const count: number = event.payload.count;
    assert.equal(typeof count, 'number');
    received.push(event);
  });
  await database.transaction((tx) => recordEvent(tx, probeCounted, { aggregateId: 'p1', cause: 'customer', contactId: contact, payload: { count: 3, note: 'x' } }));
  await database.transaction((tx) => recordEvent(tx, probeCounted, { aggregateId: 'p2', cause: 'rule:42', actorId: null, payload: { count: 4 } }));
  const [row] = await queryRows<{ version: number; cause: string; contact_id: string }>(database.db, sql`select version, cause, contact_id from domain_events order by id limit 1`);
  assert.deepEqual({ ...row }, { version: 2, cause: 'customer', contact_id: contact });
  await new Worker(database, registry, log).runUntilIdle();
  assert.deepEqual(
    received.sort((a, b) => a.aggregateId.localeCompare(b.aggregateId)).map(({ type, version, aggregateType, aggregateId, cause, actorId, contactId, payload }) => ({ type, version, aggregateType, aggregateId, cause, actorId, contactId, payload })),
    [
      { type: 'probe.counted', version: 2, aggregateType: 'probe', aggregateId: 'p1', cause: 'customer', actorId: null, contactId: contact, payload: { count: 3, note: 'x' } },
      { type: 'probe.counted', version: 2, aggregateType: 'probe', aggregateId: 'p2', cause: 'rule:42', actorId: null, contactId: null, payload: { count: 4 } },
    ],
  );
});

test('old rows (no cause, version 1 payloads) and jobs queued the old way are upgraded when read, not refused', async () => {
  // Written as recordEvent wrote them before typed events: no version, cause or contact columns.
  await database.transaction(async (tx) => {
    await tx.execute(sql`insert into domain_events (type, aggregate_type, aggregate_id, actor_id, payload) values ('probe.counted', 'probe', 'old-agent', ${agent}::uuid, '{"n": 7}'::jsonb)`);
    await tx.execute(sql`insert into domain_events (type, aggregate_type, aggregate_id, actor_id, payload) values ('probe.counted', 'probe', 'old-customer', null, ${JSON.stringify({ n: 8, who: 'customer', contactId: contact })}::jsonb)`);
    // A job the old relay queued, its envelope without version, cause or contact.
    const envelope = { eventId: 999, type: 'probe.counted', aggregateType: 'probe', aggregateId: 'old-job', actorId: null, payload: { n: 9 }, occurredAt: new Date().toISOString() };
    await tx.execute(sql`insert into jobs (id, type, payload, event_id) values (gen_random_uuid(), 'probe.follow', ${JSON.stringify(envelope)}::jsonb, 999)`);
  });
  const registry = new JobRegistry();
  const received: EnvelopeOf<typeof probeCounted>[] = [];
  registry.subscribe(probeCounted, 'probe.follow', async (event) => void received.push(event));
  await new Worker(database, registry, log).runUntilIdle();
  const byAggregate = new Map(received.map((e) => [e.aggregateId, { version: e.version, cause: e.cause, contactId: e.contactId, payload: e.payload }]));
  assert.deepEqual(Object.fromEntries(byAggregate), {
    'old-agent': { version: 1, cause: 'agent', contactId: null, payload: { count: 7 } },
    'old-customer': { version: 1, cause: 'customer', contactId: contact, payload: { count: 8 } },
    'old-job': { version: 1, cause: 'system', contactId: null, payload: { count: 9 } },
  });
  const dead = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from jobs`);
  assert.equal(dead[0]!.n, 0, 'no job failed on an old shape');

  // The audit reader gives old rows the cause they imply too.
  const history = await listAggregateEvents(database.db, 'probe', ['old-agent', 'old-customer']);
  assert.deepEqual(history.map((e) => [e.version, e.cause]).sort(), [[1, 'agent'], [1, 'system']]);
});

test('a stored payload that cannot be upgraded fails its job with the event named (and is retried, not dropped)', async () => {
  await database.transaction((tx) => tx.execute(sql`insert into domain_events (type, aggregate_type, aggregate_id, payload) values ('probe.counted', 'probe', 'broken', '{"n": "many"}'::jsonb)`));
  const registry = new JobRegistry();
  registry.subscribe(probeCounted, 'probe.follow', async () => assert.fail('must not be called'));
  await new Worker(database, registry, log).runUntilIdle();
  const [job] = await queryRows<{ state: string; last_error: string }>(database.db, sql`select state, last_error from jobs`);
  assert.equal(job!.state, 'pending');
  assert.match(job!.last_error, /cannot read event probe\.counted: payload\.count/);
});

/** Compile-time checks (tsc runs over tests): never called. */
export function typingIsEnforced(tx: Parameters<typeof recordEvent>[0], registry: JobRegistry): void {
  // @ts-expect-error count must be a number
  void recordEvent(tx, probeCounted, { aggregateId: 'p', cause: 'system', payload: { count: 'one' } });
  // @ts-expect-error a cause outside the list
  void recordEvent(tx, probeCounted, { aggregateId: 'p', cause: 'robot', payload: { count: 1 } });
  // @ts-expect-error the payload is required
  void recordEvent(tx, probeCounted, { aggregateId: 'p', cause: 'system' });
  registry.subscribe(probeCounted, 'probe.typed', async (event) => {
    // @ts-expect-error the handler's payload has no `n` since version 2
    void event.payload.n;
  });
}

test('a subscription with `when` gets a job only for the events it wants (read as the handler reads them, old rows upgraded); the others make no job', async () => {
  const registry = new JobRegistry();
  const big: number[] = [];
  const all: number[] = [];
  registry.subscribe(probeCounted, 'probe.big_only', async (event) => void big.push(event.payload.count), { when: (event) => event.payload.count >= 10 });
  registry.subscribe(probeCounted, 'probe.all', async (event) => void all.push(event.payload.count));
  await database.transaction(async (tx) => {
    for (const count of [1, 10, 2, 20]) await recordEvent(tx, probeCounted, { aggregateId: `p${count}`, cause: 'system', payload: { count } });
    // A version-1 row: `n`, upgraded before `when` sees it.
    await tx.execute(sql`insert into domain_events (type, version, aggregate_type, aggregate_id, payload) values ('probe.counted', 1, 'probe', 'old', ${JSON.stringify({ n: 30 })}::jsonb)`);
  });
  const worker = new Worker(database, registry, log);
  await worker.runUntilIdle();
  // The handler takes whatever it is given: the events `when` turned down never made a job.
  assert.deepEqual(big.sort((a, b) => a - b), [10, 20, 30]);
  assert.deepEqual(all.sort((a, b) => a - b), [1, 2, 10, 20, 30]);
});

test('a handler made by wantingOnly brings its own filter: the relay makes no job for what it does not want, and with `when` both must want it', async () => {
  const registry = new JobRegistry();
  const wanted: number[] = [];
  const both: number[] = [];
  const even = wantingOnly<EnvelopeOf<typeof probeCounted>>((event) => event.payload.count % 2 === 0, async (event) => void wanted.push(event.payload.count));
  registry.subscribe(probeCounted, 'probe.even', even);
  registry.subscribe(probeCounted, 'probe.even_big', wantingOnly((event) => event.payload.count % 2 === 0, async (event) => void both.push(event.payload.count)), { when: (event) => event.payload.count >= 10 });
  await database.transaction(async (tx) => {
    for (const count of [1, 2, 3, 10, 11]) await recordEvent(tx, probeCounted, { aggregateId: `p${count}`, cause: 'system', payload: { count } });
  });
  const worker = new Worker(database, registry, log);
  // One round: 5 events relayed, and only the wanted ones made jobs (2 and 10; 10 again for the second).
  assert.equal(await worker.tick(), 5 + 3);
  await worker.runUntilIdle();
  assert.deepEqual(wanted.sort((a, b) => a - b), [2, 10]);
  assert.deepEqual(both, [10]);
  // Called directly (a job queued before the filter existed), the handler still does nothing for the others.
  const [row] = await queryRows<{ id: number }>(database.db, sql`select id from domain_events order by id limit 1`);
  await even({ eventId: row!.id, type: 'probe.counted', version: 2, aggregateType: 'probe', aggregateId: 'p1', cause: 'system', actorId: null, contactId: null, payload: { count: 1 }, occurredAt: new Date().toISOString() }, { database, log, job: { id: 'x', type: 'probe.even', attempts: 1, eventId: row!.id } });
  assert.deepEqual(wanted.sort((a, b) => a - b), [2, 10]);
});

test('subscribeEventBatch hands a batch job its events whole and typed, one job per event (never folded), only those its readers want', async () => {
  const registry = new JobRegistry();
  const batches: number[][] = [];
  registry.subscribeEventBatch('probe.batch', [eventReader(probeCounted, { when: (event) => event.payload.count > 1 })], async (events) => void batches.push(events.map((event) => event.payload.count)));
  await database.transaction(async (tx) => {
    for (const count of [1, 2, 3, 3]) await recordEvent(tx, probeCounted, { aggregateId: 'same', cause: 'system', payload: { count } });
  });
  const worker = new Worker(database, registry, log);
  // 4 events relayed, 3 jobs (count 1 is not wanted; the two events of one aggregate stay two jobs), run as one batch.
  assert.equal(await worker.tick(), 4 + 3);
  await worker.runUntilIdle();
  assert.deepEqual(batches.map((batch) => [...batch].sort()), [[2, 3, 3]]);
});
