import { hostname } from 'node:os';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import { isUniqueViolation, queryRows, withoutQueryParameters, type Database, type Tx } from '../db/database.js';
import { enqueueJobs, retryDelayMs, type JobInput } from './queue.js';
import type { StoredEnvelope } from './event-definition.js';
import type { BatchJobHandler, JobRegistry } from './registry.js';

type PickedJob = {
  id: string;
  type: string;
  payload: Record<string, unknown>;
  attempts: number;
  max_attempts: number;
  event_id: number | null;
};

type EventRow = {
  id: number;
  type: string;
  version: number;
  aggregate_type: string;
  aggregate_id: string;
  cause: string | null;
  actor_id: string | null;
  contact_id: string | null;
  payload: Record<string, unknown>;
  created_at: string | Date;
};

/** A picked job with the columns of the event it follows (none: a job enqueued directly). */
type PickedRow = Omit<PickedJob, 'payload'> & { payload: Record<string, unknown> } & { [K in keyof Omit<EventRow, 'id'> as `event_${K}`]: EventRow[K] | null };

/** A stored event as its subscribers' jobs carry it (the stored envelope, read by each subscriber's definition). */
function envelopeOf(event: EventRow): StoredEnvelope {
  return {
    eventId: Number(event.id),
    type: event.type,
    version: event.version,
    aggregateType: event.aggregate_type,
    aggregateId: event.aggregate_id,
    cause: event.cause,
    actorId: event.actor_id,
    contactId: event.contact_id,
    payload: event.payload,
    occurredAt: new Date(event.created_at).toISOString(),
  } satisfies StoredEnvelope;
}

export type WorkerOptions = {
  /** Sleep between polls when nothing was due. */
  pollMs?: number;
  /** Per round: at most this many jobs of each batch type, and as many of all others together; the relay takes 5× as many events (default 20). */
  batchSize?: number;
  /** How long a picked job is ours before another worker may assume we died (default 30 s). */
  leaseMs?: number;
  /** How often a worker renews the lease of the jobs it is running (default 10 s, a third of the lease). */
  heartbeatMs?: number;
  /**
   * Put every `running` job back to pending when the loop starts. Right only when no other process
   * can hold jobs: the embedded engine (one process by design, its data folder locked), the default there.
   */
  reclaimRunningOnStart?: boolean;
  /** The time leases are measured in (a ManualClock in tests). */
  clock?: { now(): Date };
};

/**
 * The worker loop: relays committed domain events into subscriber jobs, then runs due jobs.
 * Any number of workers may run against one PostgreSQL; SKIP LOCKED keeps them apart. A lease is
 * short (30 s) and renewed every 10 s while the job runs, so a long job keeps it and a job whose
 * worker was killed is picked by another within 30 s. On the embedded engine a start reclaims
 * every running job at once: whoever held them was this same data folder's previous process.
 */
export class Worker {
  readonly id = `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  /** When due rows were last polled (performance.now(); the interval is about load, not domain time). */
  private lastPolledAt = Number.NEGATIVE_INFINITY;
  private readonly pollMs: number;
  private readonly batchSize: number;
  private readonly leaseMs: number;
  private readonly heartbeatMs: number;
  private readonly clock: { now(): Date };
  readonly reclaimRunningOnStart: boolean;

  constructor(
    private readonly database: Database,
    private readonly registry: JobRegistry,
    private readonly log: Logger,
    options: WorkerOptions = {},
  ) {
    this.pollMs = options.pollMs ?? 500;
    this.batchSize = options.batchSize ?? 20;
    this.leaseMs = options.leaseMs ?? 30_000;
    this.heartbeatMs = options.heartbeatMs ?? Math.floor(this.leaseMs / 3);
    this.clock = options.clock ?? { now: () => new Date() };
    this.reclaimRunningOnStart = options.reclaimRunningOnStart ?? database.engine === 'pglite';
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  /** Do everything that is due now, repeatedly, until nothing is left. Tests and CLI use this. */
  async runUntilIdle(maxRounds = 1000): Promise<void> {
    for (let round = 0; round < maxRounds; round++) {
      if ((await this.tick()) === 0) return;
    }
    throw new Error('runUntilIdle: work keeps arriving');
  }

  /** Every `running` job back to pending, due now; how many. Only when no other process can hold jobs. */
  async reclaimRunningJobs(): Promise<number> {
    const rows = await this.database.transaction((tx) =>
      queryRows<{ id: string }>(tx, sql`
        update jobs set state = 'pending', locked_by = null, locked_until = null, run_at = now(), updated_at = now()
        where state = 'running' returning id`),
    );
    if (rows.length) this.log.warn({ jobs: rows.length }, 'reclaimed jobs left running by the previous process');
    return rows.length;
  }

  /** Renew the lease of every job this worker is running; how many. */
  async heartbeat(): Promise<number> {
    const until = new Date(this.clock.now().getTime() + this.leaseMs).toISOString();
    const rows = await this.database.transaction((tx) =>
      queryRows<{ id: string }>(tx, sql`
        update jobs set locked_until = ${until}::timestamptz
        where locked_by = ${this.id} and state = 'running' returning id`),
    );
    return rows.length;
  }

  /** One round: relay events, run due jobs. Returns how many things it did. */
  async tick(): Promise<number> {
    // Relaying and picking share one transaction (two fewer statements a round): the jobs the
    // relay makes may be picked at once, and both commit or neither.
    const { relayed, jobs } = await this.database.transaction(async (tx) => ({ relayed: await this.relayEvents(tx), jobs: await this.pickDueJobs(tx) }));
    const finished: string[] = [];
    // While jobs run, their leases are renewed; a killed process stops renewing and loses them.
    const beat = jobs.length
      ? setInterval(() => void this.heartbeat().catch((error: unknown) => this.log.error({ err: withoutQueryParameters(error) }, 'job lease heartbeat failed')), this.heartbeatMs)
      : undefined;
    beat?.unref();
    try {
      for (const [type, group] of groupByType(jobs)) {
        const batchHandler = this.registry.batchHandlerOf(type);
        if (batchHandler) finished.push(...(await this.runBatch(batchHandler, group)));
        else for (const job of group) if (await this.runJob(job)) finished.push(job.id);
      }
    } finally {
      clearInterval(beat);
    }
    // Finished jobs are removed together: one transaction per round, not per job.
    if (finished.length) {
      await this.database.transaction((tx) => tx.execute(sql`delete from jobs where locked_by = ${this.id} and id in (${sql.join(finished.map((id) => sql`${id}::uuid`), sql`, `)})`));
    }
    // Due rows are polled when the round found nothing else to do, or once a poll interval has
    // passed: a busy worker's rounds follow each other within milliseconds, and asking every
    // source each time cost more statements than the jobs themselves (BENCHMARKS.md, issue 15).
    const idle = relayed + jobs.length === 0;
    if (!idle && performance.now() - this.lastPolledAt < this.pollMs) return relayed + jobs.length;
    this.lastPolledAt = performance.now();
    return relayed + jobs.length + (await this.pollDueRows());
  }

  /** Each module's due-time rows; a failing source is logged and does not stop the others. */
  private async pollDueRows(): Promise<number> {
    let handled = 0;
    for (const [name, source] of this.registry.dueRowSources()) {
      try {
        handled += await source({ database: this.database, log: this.log.child({ dueRows: name }) });
      } catch (error) {
        this.log.error({ err: withoutQueryParameters(error), dueRows: name }, 'due-row source failed');
      }
    }
    return handled;
  }

  private async run(): Promise<void> {
    if (this.reclaimRunningOnStart) {
      try {
        await this.reclaimRunningJobs();
      } catch (error) {
        this.log.error({ err: withoutQueryParameters(error) }, 'reclaiming running jobs failed');
      }
    }
    while (this.running) {
      let didWork = 0;
      try {
        didWork = await this.tick();
      } catch (error) {
        this.log.error({ err: error }, 'worker round failed');
      }
      if (!didWork && this.running) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, this.pollMs);
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    }
  }

  private async relayEvents(tx: Tx): Promise<number> {
    // Taken and marked dispatched in one statement; the jobs they make are inserted in the same
    // transaction, so an event is dispatched if and only if its jobs exist.
    const rows = await queryRows<EventRow>(tx, sql`
      update domain_events set dispatched_at = now()
      where id in (
        select id from domain_events where dispatched_at is null order by id limit ${this.batchSize * 5}
        for update skip locked)
      returning id, type, version, aggregate_type, aggregate_id, cause, actor_id, contact_id, payload, created_at`);
    if (rows.length === 0) return 0;
    rows.sort((a, b) => Number(a.id) - Number(b.id));
    // Every subscriber job of the round goes in one insert (one statement per round, not per job).
    const jobs: JobInput[] = [];
    for (const event of rows) {
      // Stored as the row says; the subscriber's definition reads it (and upgrades an old one).
      const envelope = envelopeOf(event);
      for (const { jobType, perAggregate, accepts } of this.registry.subscribersOf(event.type)) {
        if (accepts && !accepts(envelope)) continue;
        const dedupeKey = perAggregate ? `${jobType}:${envelope.aggregateType}:${envelope.aggregateId}` : undefined;
        // The job names its event and carries no copy of it: the pick reads the event (pickDueJobs).
        jobs.push({ type: jobType, eventId: Number(event.id), dedupeKey });
      }
    }
    await enqueueJobs(tx, jobs);
    return rows.length;
  }

  private async pickDueJobs(tx: Tx): Promise<PickedJob[]> {
    const now = this.clock.now();
    const leaseEnd = new Date(now.getTime() + this.leaseMs).toISOString();
    // A round takes up to `batchSize` jobs of each batch type (one handler call each, however many
    // items) and up to `batchSize` of all other types together (each runs alone). Counting batch
    // items against one shared limit made a round's share of a created ticket's follow-up work
    // shrink with every new subscriber: 20 jobs were 10 tickets with two batch subscribers, 6.7
    // with three, and each extra round repeated every handler's fixed statements (BENCHMARKS.md,
    // "Custom fields", 2026-12-07 second pass). Candidates are locked in due order first, then
    // the per-kind limit applies; a candidate left out is unlocked at commit, still pending.
    const batchTypes = this.registry.batchJobTypes();
    const candidates = this.batchSize * (1 + batchTypes.length);
    // Jobs without a time of their own are due at their transaction's `now()`: those the relay
    // just made in this transaction run in this round. Pending and abandoned (lease run out) jobs
    // are read apart, each from its partial index in due order: one condition over both states
    // read and sorted every due row, 42 ms with a backlog of 100 000 jobs (review, 2026-12-07).
    const rows = await queryRows<PickedRow>(tx, sql`
      with pending as (
        select id, type, run_at from jobs where state = 'pending' and run_at <= now()
        order by run_at limit ${candidates} for update skip locked),
      abandoned as (
        select id, type, run_at from jobs where state = 'running' and locked_until < ${now.toISOString()}::timestamptz
        order by locked_until limit ${candidates} for update skip locked),
      ranked as (
        select id, row_number() over (partition by case when type = any(${sql.param(batchTypes)}::text[]) then type else '' end order by run_at) as nth
        from (select id, type, run_at from pending union all select id, type, run_at from abandoned order by run_at limit ${candidates}) as due),
      picked as (
        update jobs set state = 'running', attempts = attempts + 1, locked_by = ${this.id},
               locked_until = ${leaseEnd}::timestamptz, updated_at = now()
        where id in (select id from ranked where nth <= ${this.batchSize})
        returning id, type, payload, attempts, max_attempts, event_id)
      select p.id, p.type, p.payload, p.attempts, p.max_attempts, p.event_id,
             e.type as event_type, e.version as event_version, e.aggregate_type as event_aggregate_type, e.aggregate_id as event_aggregate_id,
             e.cause as event_cause, e.actor_id as event_actor_id, e.contact_id as event_contact_id, e.payload as event_payload, e.created_at as event_created_at
      from picked p left join domain_events e on e.id = p.event_id`);
    return rows.map(({ event_type, event_version, event_aggregate_type, event_aggregate_id, event_cause, event_actor_id, event_contact_id, event_payload, event_created_at, ...job }) => {
      // A job the relay made names its event and carries nothing else (one made before it did
      // carries the envelope itself, and keeps it): the event, as stored now, is its payload.
      if (job.event_id === null || Object.keys(job.payload).length > 0 || event_type === null) return job;
      const event = { id: job.event_id, type: event_type, version: event_version!, aggregate_type: event_aggregate_type!, aggregate_id: event_aggregate_id!, cause: event_cause, actor_id: event_actor_id, contact_id: event_contact_id, payload: event_payload!, created_at: event_created_at! };
      return { ...job, payload: envelopeOf(event) };
    });
  }

  /** Runs one job; true when it succeeded (the caller deletes it), false when it was rescheduled. */
  private async runJob(job: PickedJob): Promise<boolean> {
    const handler = this.registry.handlerOf(job.type);
    try {
      if (!handler) throw new Error(`No handler registered for job type ${job.type}`);
      if (job.attempts > job.max_attempts) throw new Error('attempts exhausted (worker crashed while running it)');
      await handler(job.payload, {
        database: this.database,
        log: this.log.child({ job: job.id, type: job.type }),
        job: { id: job.id, type: job.type, attempts: job.attempts, eventId: job.event_id },
      });
      return true;
    } catch (error) {
      await this.reschedule(job, error);
      return false;
    }
  }

  private async runBatch(handler: BatchJobHandler, jobs: PickedJob[]): Promise<string[]> {
    const runnable = jobs.filter((job) => job.attempts <= job.max_attempts);
    for (const job of jobs) if (!runnable.includes(job)) await this.reschedule(job, new Error('attempts exhausted (worker crashed while running it)'));
    if (runnable.length === 0) return [];
    const context = { database: this.database, log: this.log.child({ type: runnable[0]!.type, batch: runnable.length }) };
    try {
      await handler(runnable.map((job) => job.payload), context);
      return runnable.map((job) => job.id);
    } catch (error) {
      if (runnable.length === 1) {
        await this.reschedule(runnable[0]!, error);
        return [];
      }
      // One bad item must not hold the others back: run them one by one, retry only the failures.
      const finished: string[] = [];
      for (const job of runnable) {
        try {
          await handler([job.payload], context);
          finished.push(job.id);
        } catch (singleError) {
          await this.reschedule(job, singleError);
        }
      }
      return finished;
    }
  }

  /** Back to pending with exponential backoff, or dead after the last attempt. */
  private async reschedule(job: PickedJob, failure: unknown): Promise<void> {
    const error = withoutQueryParameters(failure);
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    const dead = job.attempts >= job.max_attempts;
    const runAt = new Date(Date.now() + retryDelayMs(job.attempts)).toISOString();
    this.log[dead ? 'error' : 'warn']({ job: job.id, type: job.type, attempts: job.attempts, err: error }, dead ? 'job dead-lettered' : 'job failed, will retry');
    const update = sql`
      update jobs set state = ${dead ? 'dead' : 'pending'}, last_error = ${message.slice(0, 4000)},
             run_at = ${runAt}::timestamptz, locked_by = null, locked_until = null, updated_at = now()
      where id = ${job.id} and locked_by = ${this.id}`;
    try {
      await this.database.transaction((tx) => tx.execute(update));
    } catch (rescheduleError) {
      // A newer pending job with the same dedupe key already covers this work.
      if (!isUniqueViolation(rescheduleError)) throw rescheduleError;
      await this.database.transaction((tx) => tx.execute(sql`delete from jobs where id = ${job.id}`));
    }
  }
}

function groupByType(jobs: PickedJob[]): Map<string, PickedJob[]> {
  const groups = new Map<string, PickedJob[]>();
  for (const job of jobs) groups.set(job.type, [...(groups.get(job.type) ?? []), job]);
  return groups;
}
