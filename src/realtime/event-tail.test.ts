import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { pino } from 'pino';
import type { Database } from '../db/database.js';
import { openTestDatabase } from '../db/test-database.js';
import { defineEvent } from '../jobs/event-definition.js';
import { recordEvent } from '../jobs/events.js';
import { EventTail, type TailEvent } from './event-tail.js';
import { RealtimeHub } from './realtime-hub.js';

const log = pino({ level: 'silent' });
let database: Database;

before(async () => {
  database = await openTestDatabase();
});
after(() => database.close());

/** Collects what a tail delivers; `until` waits for a condition on it, re-checked at each delivery (up to a generous limit). */
function collector() {
  const seen: TailEvent[] = [];
  const waiters: Array<() => void> = [];
  return {
    seen,
    listener(events: readonly TailEvent[]) {
      seen.push(...events);
      for (const wake of waiters.splice(0)) wake();
    },
    async until(condition: () => boolean, timeoutMs = 8000): Promise<void> {
      const deadline = Date.now() + timeoutMs;
      while (!condition()) {
        if (Date.now() > deadline) throw new Error(`timed out; delivered ${JSON.stringify(seen.map((e) => e.eventId))}`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, deadline - Date.now()); // woken by a delivery, or gives up
          waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
    },
  };
}

const probeHappened = defineEvent({ name: 'probe.happened', version: 1, aggregate: 'probe', payload: {} });
const probeSlow = defineEvent({ name: 'probe.slow', version: 1, aggregate: 'probe', payload: {} });

const ids = (events: readonly TailEvent[]) => events.map((e) => e.eventId);

async function record(aggregateId: string): Promise<number> {
  return database.transaction((tx) => recordEvent(tx, probeHappened, { aggregateId, cause: 'system', payload: {} }));
}

/** An event row with a chosen id, as a transaction that took its id earlier and commits now would leave it. */
async function insertWithId(id: number, aggregateId: string): Promise<void> {
  await database.transaction((tx) =>
    tx.execute(sql`insert into domain_events (id, type, aggregate_type, aggregate_id) overriding system value values (${id}, 'probe.late', 'probe', ${aggregateId})`),
  );
}

async function maxEventId(): Promise<number> {
  const result = (await database.db.execute(sql`select coalesce(max(id), 0) as max from domain_events`)) as unknown as { rows: Array<{ max: number | string }> };
  return Number(result.rows[0]!.max);
}

test('a lower id that commits after a higher one is still delivered, once', async () => {
  const tail = new EventTail(database.db, log, { pollMs: 100, gapWaitMs: 10_000, batchSize: 500, bufferSize: 100 });
  const events = collector();
  try {
    await tail.subscribe(events.listener);
    const before = await maxEventId();
    // Ids before+1 and before+2 are "taken"; before+2 commits first.
    await insertWithId(before + 2, 'second');
    await events.until(() => ids(events.seen).includes(before + 2));
    assert.deepEqual(ids(events.seen), [before + 2]);
    await insertWithId(before + 1, 'first');
    await events.until(() => ids(events.seen).includes(before + 1));
    await database.transaction((tx) => tx.execute(sql`select setval(pg_get_serial_sequence('domain_events', 'id'), ${before + 2})`));
    const next = await record('third');
    await events.until(() => ids(events.seen).includes(next));
    assert.deepEqual(ids(events.seen), [before + 2, before + 1, next]);
  } finally {
    await tail.close();
  }
});

test('a gap that never fills does not hold later events back, and is given up after a while', async () => {
  // The tail's own clock, moved by hand: "a while" passes when the test says so, not after a sleep.
  let clock = 1_000_000;
  const tail = new EventTail(database.db, log, { pollMs: 50, gapWaitMs: 300, batchSize: 2, bufferSize: 100 }, () => clock);
  const events = collector();
  try {
    await tail.subscribe(events.listener);
    const before = await maxEventId();
    await insertWithId(before + 3, 'after a hole'); // before+1, before+2: rolled back, never committed
    await events.until(() => ids(events.seen).includes(before + 3));
    await database.transaction((tx) => tx.execute(sql`select setval(pg_get_serial_sequence('domain_events', 'id'), ${before + 3})`));
    // More than one batch at once: the tail reads until it has caught up.
    const later = [await record('a'), await record('b'), await record('c'), await record('d'), await record('e')];
    await events.until(() => later.every((id) => ids(events.seen).includes(id)));
    // Still waited for: a row turning up in the gap now would be delivered (the gap is not given up early).
    assert.ok(clock - 1_000_000 < 300);
    // Past gapWaitMs: the read that delivers `tick` is the one that gives the gap up.
    clock += 301;
    const tick = await record('tick');
    await events.until(() => ids(events.seen).includes(tick));
    // Given up: the gap no longer appears in the query (observable as: a late row there is not delivered).
    await insertWithId(before + 1, 'too late');
    const marker = await record('marker');
    await events.until(() => ids(events.seen).includes(marker));
    assert.deepEqual(ids(events.seen), [before + 3, ...later, tick, marker]);
  } finally {
    await tail.close();
  }
});

test('a subscriber resuming after an event it saw gets what followed, in delivery order', async () => {
  const tail = new EventTail(database.db, log, { pollMs: 50, gapWaitMs: 5000, batchSize: 500, bufferSize: 100 });
  const events = collector();
  try {
    const first = await tail.subscribe(events.listener);
    assert.equal(first.resumed, true);
    const a = await record('a');
    const b = await record('b');
    const c = await record('c');
    await events.until(() => ids(events.seen).includes(c));

    const replayed = collector();
    const resumed = await tail.subscribe(replayed.listener, a);
    assert.equal(resumed.resumed, true);
    assert.deepEqual(ids(replayed.seen), [b, c]); // synchronously, before any live event
    const fromCursor = collector();
    await tail.subscribe(fromCursor.listener, first.cursor);
    assert.deepEqual(ids(fromCursor.seen), [a, b, c]);
    const tooOld = await tail.subscribe(() => {}, 0);
    assert.equal(tooOld.resumed, false);
  } finally {
    await tail.close();
  }
});

test('a commit wakes the hub by notification: with the poll an hour away the event still arrives, on either engine', async () => {
  // Neither the poll nor a gap re-read can fire during this test, so a delivery can only come
  // from the NOTIFY sent at commit (the "live within a moment" promise, without timing it).
  const hub = new RealtimeHub(database, log, { pollMs: 3_600_000, gapWaitMs: 3_600_000 });
  const events = collector();
  try {
    await hub.subscribe({ events: events.listener, presence: () => {} });
    const id = await record('notified');
    await events.until(() => ids(events.seen).includes(id));
    assert.deepEqual(ids(events.seen), [id]);
  } finally {
    await hub.close();
  }
});

test('real concurrent transactions committing in reverse id order (PostgreSQL)', { skip: !process.env.TEST_DATABASE_URL && 'needs TEST_DATABASE_URL' }, async () => {
  const hub = new RealtimeHub(database, log, { pollMs: 60_000, gapWaitMs: 10_000 }); // only NOTIFY wakes it
  const events = collector();
  try {
    await hub.subscribe({ events: events.listener, presence: () => {} });
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let firstId!: number;
    let taken!: () => void;
    const idTaken = new Promise<void>((resolve) => (taken = resolve));
    const slow = database.transaction(async (tx) => {
      firstId = await recordEvent(tx, probeSlow, { aggregateId: 'slow', cause: 'system', payload: {} });
      taken();
      await released;
    });
    await idTaken;
    const fastId = await record('fast');
    assert.ok(fastId > firstId);
    await events.until(() => ids(events.seen).includes(fastId));
    assert.ok(!ids(events.seen).includes(firstId));
    release();
    await slow;
    await events.until(() => ids(events.seen).includes(firstId));
    assert.deepEqual(ids(events.seen).filter((id) => id === firstId || id === fastId), [fastId, firstId]);
  } finally {
    await hub.close();
  }
});

test('the listener connection reconnects after it is killed, and notifications wake the tail again (PostgreSQL)', { skip: !process.env.TEST_DATABASE_URL && 'needs TEST_DATABASE_URL' }, async () => {
  const hub = new RealtimeHub(database, log, { pollMs: 60_000, gapWaitMs: 1000 }); // only NOTIFY wakes it
  const events = collector();
  /** Backends of listener connections that have issued their last LISTEN. */
  const listening = async () => {
    const result = (await database.db.execute(sql`
      select pid from pg_stat_activity where datname = current_database() and application_name = 'opencsm-listen'
        and query like 'listen %opencsm_presence%'`)) as unknown as { rows: Array<{ pid: number }> };
    return result.rows.map((r) => r.pid);
  };
  const waitFor = async (condition: (pids: number[]) => boolean) => {
    const deadline = Date.now() + 8000;
    for (let pids = await listening(); ; pids = await listening()) {
      if (condition(pids)) return pids;
      if (Date.now() > deadline) throw new Error(`listener backends: ${JSON.stringify(pids)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  try {
    await hub.subscribe({ events: events.listener, presence: () => {} });
    const [pid] = await waitFor((pids) => pids.length === 1);
    await database.db.execute(sql`select pg_terminate_backend(${pid})`);
    await waitFor((pids) => pids.length === 1 && pids[0] !== pid);
    const id = await record('after reconnect');
    await events.until(() => ids(events.seen).includes(id), 5000);
  } finally {
    await hub.close();
  }
  await waitFor((pids) => pids.length === 0);
});
