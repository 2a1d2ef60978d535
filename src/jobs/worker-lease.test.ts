import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { pino } from 'pino';
import { ManualClock } from '../app/clock.js';
import { queryRows, type Database } from '../db/database.js';
import { openTestDatabase } from '../db/test-database.js';
import { enqueueJob } from './queue.js';
import { JobRegistry } from './registry.js';
import { Worker } from './worker.js';

/**
 * Jobs held by a killed process used to wait out a 5-minute lease. Now: the embedded engine's start
 * reclaims them at once; elsewhere leases are 30 s and renewed while a job runs. Time is a
 * ManualClock, so "30 s later" costs nothing and nothing sleeps.
 */
const log = pino({ level: 'silent' });
let database: Database;
before(async () => {
  database = await openTestDatabase();
});
after(() => database.close());
beforeEach(() => database.transaction((tx) => tx.execute(sql`delete from jobs`)));

type JobRow = { state: string; locked_by: string | null; attempts: number };
const jobRows = () => queryRows<JobRow>(database.db, sql`select state, locked_by, attempts from jobs`);

/** A handler whose first run blocks until released: a worker "in the middle of" a long job. */
function gatedHandler() {
  const runs: string[] = [];
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let started!: () => void;
  const firstStarted = new Promise<void>((resolve) => (started = resolve));
  const handler = async (_payload: unknown, context: { job?: { id: string } }) => {
    runs.push(context.job?.id ?? '?');
    if (runs.length === 1) {
      started();
      await gate;
    }
  };
  return { runs, release, firstStarted, handler };
}

test('the embedded engine reclaims every running job when the worker starts; PostgreSQL does not by default', async () => {
  assert.equal(new Worker(database, new JobRegistry(), log).reclaimRunningOnStart, database.engine === 'pglite');
  const registry = new JobRegistry();
  const seen: string[] = [];
  let done!: () => void;
  const allDone = new Promise<void>((resolve) => (done = resolve));
  registry.handle('probe.orphan', async (payload) => {
    seen.push(String(payload.n));
    if (seen.length === 3) done();
  });
  await database.transaction(async (tx) => {
    for (let n = 0; n < 3; n++) await enqueueJob(tx, { type: 'probe.orphan', payload: { n } });
  });
  // What a process killed mid-run leaves behind: running, leased for minutes by a worker that is gone.
  await database.transaction((tx) => tx.execute(sql`update jobs set state = 'running', attempts = 1, locked_by = 'killed-process', locked_until = now() + interval '5 minutes'`));
  const worker = new Worker(database, registry, log, { reclaimRunningOnStart: true });
  worker.start();
  await allDone;
  await worker.stop();
  assert.deepEqual(seen.sort(), ['0', '1', '2']);
  assert.deepEqual(await jobRows(), []);
});

test('a job whose worker stopped heartbeating is picked by another worker once the 30 s lease has passed', async () => {
  const clock = new ManualClock('2026-12-06T08:00:00Z');
  const registry = new JobRegistry();
  const gated = gatedHandler();
  registry.handle('probe.long', (payload, context) => gated.handler(payload, context));
  await database.transaction((tx) => enqueueJob(tx, { type: 'probe.long' }));
  // Worker A takes the job and then dies: in-process, a worker that never renews (no heartbeat).
  const dying = new Worker(database, registry, log, { clock, heartbeatMs: 3_600_000, reclaimRunningOnStart: false });
  const dyingRound = dying.tick();
  await gated.firstStarted;
  const [held] = await jobRows();
  assert.equal(held!.locked_by, dying.id);

  const other = new Worker(database, registry, log, { clock, reclaimRunningOnStart: false });
  clock.set('2026-12-06T08:00:29Z');
  await other.tick();
  assert.equal(gated.runs.length, 1, 'within the lease the job is left alone');
  clock.set('2026-12-06T08:00:31Z');
  await other.tick();
  assert.equal(gated.runs.length, 2, 'after 30 s without a heartbeat another worker runs it');
  assert.deepEqual(await jobRows(), [], 'and finishes it');

  // The presumed-dead worker coming back finishes nothing of someone else's.
  gated.release();
  await dyingRound;
  assert.deepEqual(await jobRows(), []);
});

test('a long job whose worker heartbeats keeps its lease and is not stolen', async () => {
  const clock = new ManualClock('2026-12-06T09:00:00Z');
  const registry = new JobRegistry();
  const gated = gatedHandler();
  registry.handle('probe.long', (payload, context) => gated.handler(payload, context));
  await database.transaction((tx) => enqueueJob(tx, { type: 'probe.long' }));
  const busy = new Worker(database, registry, log, { clock, heartbeatMs: 3_600_000, reclaimRunningOnStart: false });
  const busyRound = busy.tick();
  await gated.firstStarted;
  const other = new Worker(database, registry, log, { clock, reclaimRunningOnStart: false });

  // The heartbeat timer fires every 10 s in production; here each beat is called as time moves.
  for (const at of ['09:00:10', '09:00:20', '09:00:30', '09:00:40', '09:00:50', '09:01:00']) {
    clock.set(`2026-12-06T${at}Z`);
    assert.equal(await busy.heartbeat(), 1, 'the running job’s lease is renewed');
    await other.tick();
  }
  assert.equal(gated.runs.length, 1, 'one minute in, nobody else has run it');
  const [held] = await jobRows();
  assert.equal(held!.locked_by, busy.id);
  assert.equal(held!.attempts, 1);

  gated.release();
  await busyRound;
  assert.deepEqual(await jobRows(), [], 'its own worker finishes it');
  assert.equal(gated.runs.length, 1);
});

test('the heartbeat renews only the calling worker’s running jobs', async () => {
  const clock = new ManualClock('2026-12-06T10:00:00Z');
  await database.transaction((tx) => enqueueJob(tx, { type: 'probe.other' }));
  await database.transaction((tx) => tx.execute(sql`update jobs set state = 'running', locked_by = 'someone-else', locked_until = '2026-12-06T10:00:05Z'`));
  const worker = new Worker(database, new JobRegistry(), log, { clock, reclaimRunningOnStart: false });
  assert.equal(await worker.heartbeat(), 0);
  const [row] = await queryRows<{ locked_until: Date }>(database.db, sql`select locked_until from jobs`);
  assert.equal(new Date(row!.locked_until).toISOString(), '2026-12-06T10:00:05.000Z');
});
