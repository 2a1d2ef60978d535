import { hostname } from 'node:os';
import { sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import { queryRows, isUniqueViolation, type Database } from '../db/database.js';
import { enqueueJob, retryDelayMs } from './queue.js';
import type { EventEnvelope, JobRegistry } from './registry.js';

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
  aggregate_type: string;
  aggregate_id: string;
  actor_id: string | null;
  payload: Record<string, unknown>;
};

export type WorkerOptions = {
  /** Sleep between polls when nothing was due. */
  pollMs?: number;
  batchSize?: number;
  /** How long a picked job is ours before another worker may assume we died. */
  leaseMs?: number;
};

/**
 * The worker loop: relays committed domain events into subscriber jobs, then runs due jobs.
 * Any number of workers may run against one PostgreSQL; SKIP LOCKED keeps them apart, and a job
 * whose worker crashed is picked again when its lease runs out.
 */
export class Worker {
  readonly id = `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private readonly pollMs: number;
  private readonly batchSize: number;
  private readonly leaseMs: number;

  constructor(
    private readonly database: Database,
    private readonly registry: JobRegistry,
    private readonly log: Logger,
    options: WorkerOptions = {},
  ) {
    this.pollMs = options.pollMs ?? 500;
    this.batchSize = options.batchSize ?? 20;
    this.leaseMs = options.leaseMs ?? 5 * 60_000;
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

  /** One round: relay events, run due jobs. Returns how many things it did. */
  async tick(): Promise<number> {
    const relayed = await this.relayEvents();
    const jobs = await this.pickDueJobs();
    for (const job of jobs) await this.runJob(job);
    return relayed + jobs.length;
  }

  private async run(): Promise<void> {
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

  private async relayEvents(): Promise<number> {
    return this.database.transaction(async (tx) => {
      const rows = await queryRows<EventRow>(tx, sql`
        select id, type, aggregate_type, aggregate_id, actor_id, payload from domain_events
        where dispatched_at is null order by id limit ${this.batchSize * 5}
        for update skip locked`);
      if (rows.length === 0) return 0;
      for (const event of rows) {
        const envelope: EventEnvelope = {
          eventId: Number(event.id),
          type: event.type,
          aggregateType: event.aggregate_type,
          aggregateId: event.aggregate_id,
          actorId: event.actor_id,
          payload: event.payload,
        };
        for (const { jobType, perAggregate } of this.registry.subscribersOf(event.type)) {
          const dedupeKey = perAggregate ? `${jobType}:${envelope.aggregateType}:${envelope.aggregateId}` : undefined;
          await enqueueJob(tx, { type: jobType, payload: envelope, eventId: envelope.eventId, dedupeKey });
        }
      }
      const ids = rows.map((r) => Number(r.id));
      await tx.execute(sql`update domain_events set dispatched_at = now() where id in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})`);
      return rows.length;
    });
  }

  private async pickDueJobs(): Promise<PickedJob[]> {
    return this.database.transaction(async (tx) => {
      const rows = await queryRows<PickedJob>(tx, sql`
        update jobs set state = 'running', attempts = attempts + 1, locked_by = ${this.id},
               locked_until = now() + ${`${this.leaseMs} milliseconds`}::interval, updated_at = now()
        where id in (
          select id from jobs
          where (state = 'pending' and run_at <= now()) or (state = 'running' and locked_until < now())
          order by run_at limit ${this.batchSize}
          for update skip locked)
        returning id, type, payload, attempts, max_attempts, event_id`);
      return rows;
    });
  }

  private async runJob(job: PickedJob): Promise<void> {
    const handler = this.registry.handlerOf(job.type);
    try {
      if (!handler) throw new Error(`No handler registered for job type ${job.type}`);
      if (job.attempts > job.max_attempts) throw new Error('attempts exhausted (worker crashed while running it)');
      await handler(job.payload, {
        database: this.database,
        log: this.log.child({ job: job.id, type: job.type }),
        job: { id: job.id, type: job.type, attempts: job.attempts, eventId: job.event_id },
      });
      await this.database.transaction((tx) => tx.execute(sql`delete from jobs where id = ${job.id} and locked_by = ${this.id}`));
    } catch (error) {
      const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      const dead = job.attempts >= job.max_attempts;
      const runAt = new Date(Date.now() + retryDelayMs(job.attempts)).toISOString();
      this.log[dead ? 'error' : 'warn']({ job: job.id, type: job.type, attempts: job.attempts, err: error }, dead ? 'job dead-lettered' : 'job failed, will retry');
      const reschedule = sql`
          update jobs set state = ${dead ? 'dead' : 'pending'}, last_error = ${message.slice(0, 4000)},
                 run_at = ${runAt}::timestamptz, locked_by = null, locked_until = null, updated_at = now()
          where id = ${job.id} and locked_by = ${this.id}`;
      try {
        await this.database.transaction((tx) => tx.execute(reschedule));
      } catch (rescheduleError) {
        // A newer pending job with the same dedupe key already covers this work.
        if (!isUniqueViolation(rescheduleError)) throw rescheduleError;
        await this.database.transaction((tx) => tx.execute(sql`delete from jobs where id = ${job.id}`));
      }
    }
  }
}
