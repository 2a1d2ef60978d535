import type { Logger } from 'pino';
import type { Database } from '../db/database.js';

export type JobContext = {
  database: Database;
  log: Logger;
  job: { id: string; type: string; attempts: number; eventId: number | null };
};
export type JobHandler = (payload: Record<string, unknown>, context: JobContext) => Promise<void>;
/** Handles every due job of one type picked in a round at once (e.g. index 20 tickets in one transaction). */
export type BatchJobHandler = (payloads: Array<Record<string, unknown>>, context: Omit<JobContext, 'job'>) => Promise<void>;

/** A domain event as the relay hands it to a subscriber's job. */
export type EventEnvelope = {
  eventId: number;
  type: string;
  aggregateType: string;
  aggregateId: string;
  actorId: string | null;
  payload: Record<string, unknown>;
  /** When the event was recorded (its transaction's time), as an ISO string. */
  occurredAt: string;
};

/**
 * A module's own due-time rows (e.g. SLA timers), polled by every worker round: it picks what is
 * due with FOR UPDATE SKIP LOCKED, does it, and answers how many rows it handled (0: idle).
 */
export type DueRowSource = (context: Omit<JobContext, 'job'>) => Promise<number>;

export type Subscription = { jobType: string; perAggregate: boolean };

/**
 * Which job types exist and which events each one follows. Modules register here explicitly at
 * boot (see app/modules.ts), never as an import side effect.
 */
export class JobRegistry {
  private readonly handlers = new Map<string, JobHandler>();
  private readonly batchHandlers = new Map<string, BatchJobHandler>();
  private readonly subscriptions = new Map<string, Subscription[]>();
  private readonly dueSources = new Map<string, DueRowSource>();

  handle(jobType: string, handler: JobHandler): void {
    this.assertNew(jobType);
    this.handlers.set(jobType, handler);
  }

  /** Like `handle`, for work that is much cheaper done together; a failure retries each job. */
  handleBatch(jobType: string, handler: BatchJobHandler): void {
    this.assertNew(jobType);
    this.batchHandlers.set(jobType, handler);
  }

  private assertNew(jobType: string): void {
    if (this.handlers.has(jobType) || this.batchHandlers.has(jobType)) throw new Error(`Job type ${jobType} is registered twice`);
  }

  /**
   * Run job `jobType` (payload: an EventEnvelope) for each committed event of `eventType`.
   * `perAggregate`: events of one aggregate that arrive while its job is still pending fold into
   * that one job (e.g. reindexing a ticket once after a burst of changes).
   */
  subscribe(eventType: string, jobType: string, options: { perAggregate?: boolean } = {}): void {
    const list = this.subscriptions.get(eventType) ?? [];
    if (!list.some((s) => s.jobType === jobType)) list.push({ jobType, perAggregate: options.perAggregate ?? false });
    this.subscriptions.set(eventType, list);
  }

  /** Poll `source` in every worker round, after the jobs (see DueRowSource). */
  pollDueRows(name: string, source: DueRowSource): void {
    if (this.dueSources.has(name)) throw new Error(`Due-row source ${name} is registered twice`);
    this.dueSources.set(name, source);
  }

  dueRowSources(): ReadonlyMap<string, DueRowSource> {
    return this.dueSources;
  }

  handlerOf(jobType: string): JobHandler | undefined {
    return this.handlers.get(jobType);
  }

  batchHandlerOf(jobType: string): BatchJobHandler | undefined {
    return this.batchHandlers.get(jobType);
  }

  subscribersOf(eventType: string): readonly Subscription[] {
    return this.subscriptions.get(eventType) ?? [];
  }
}
