import type { Logger } from 'pino';
import type { Database } from '../db/database.js';
import { readEnvelope, storedEnvelopeSchema, type AnyEventDefinition, type EnvelopeOf, type EventDefinition, type EventEnvelope, type EventFacts, type PayloadOfShape, type PayloadShape } from './event-definition.js';

export type JobContext = {
  database: Database;
  log: Logger;
  job: { id: string; type: string; attempts: number; eventId: number | null };
};
export type JobHandler = (payload: Record<string, unknown>, context: JobContext) => Promise<void>;
/** Handles every due job of one type picked in a round at once (e.g. index 20 tickets in one transaction). */
export type BatchJobHandler = (payloads: Array<Record<string, unknown>>, context: Omit<JobContext, 'job'>) => Promise<void>;

/**
 * Handles one committed event, parsed and typed by its definition. `wants` (set by `wantingOnly`):
 * which events it has anything to do for; the relay makes no job for the others.
 */
export type EventHandler<D extends AnyEventDefinition> = HandlerOfEnvelope<EnvelopeOf<D>>;
type HandlerOfEnvelope<E> = ((event: E, context: JobContext) => Promise<void>) & { readonly wants?: (event: E) => boolean };

/**
 * A handler that does nothing for most events of its type (a notice for a ticket with an assignee,
 * a new ticket of a team) says so with `wants`, judged by the relay before it makes a job: a job
 * costs a row's insert, pick and delete even when its handler returns at once (BENCHMARKS.md, issue
 * 15). The handler still gets only what it wants, except jobs queued before the filter existed.
 */
export function wantingOnly<E>(wants: (event: NoInfer<E>) => boolean, handle: (event: E, context: JobContext) => Promise<void>): HandlerOfEnvelope<E> & { readonly wants: (event: E) => boolean } {
  return Object.assign(async (event: E, context: JobContext) => (wants(event) ? handle(event, context) : undefined), { wants });
}
/** Handles the events of a batch job at once; it gets each event's facts (no payloads). */
export type BatchEventHandler = (events: EventFacts[], context: Omit<JobContext, 'job'>) => Promise<void>;

/** How a batch job reads one event type it follows (see `subscribeEventBatch`); `accepts` as a subscription's. */
export type EventReader<E> = { readonly definition: AnyEventDefinition; readonly read: (stored: unknown) => E; readonly accepts?: Subscription['accepts'] };

/**
 * The reader of `definition`'s events: parsed and upgraded like a subscriber's (readEnvelope).
 * `when`: only the events it wants make a job, as with `subscribe`.
 */
export function eventReader<N extends string, S extends PayloadShape>(
  definition: EventDefinition<N, S>,
  options: { when?: (event: EventEnvelope<N, PayloadOfShape<S>>) => boolean } = {},
): EventReader<EventEnvelope<N, PayloadOfShape<S>>> {
  return { definition, read: (stored) => readEnvelope(definition, stored), ...(options.when && { accepts: acceptsWhen(definition, options.when) }) };
}

/** A relay filter from a typed `when`: an event that does not read is left to the job, which fails where it can be seen and retried. */
function acceptsWhen<N extends string, S extends PayloadShape>(definition: EventDefinition<N, S>, when: (event: EventEnvelope<N, PayloadOfShape<S>>) => boolean): NonNullable<Subscription['accepts']> {
  return (stored) => {
    let event: EventEnvelope<N, PayloadOfShape<S>>;
    try {
      event = readEnvelope(definition, stored);
    } catch {
      return true;
    }
    return when(event);
  };
}

/**
 * A module's own due-time rows (e.g. SLA timers), polled by every worker round: it picks what is
 * due with FOR UPDATE SKIP LOCKED, does it, and answers how many rows it handled (0: idle).
 */
export type DueRowSource = (context: Omit<JobContext, 'job'>) => Promise<number>;

/**
 * A job type following an event. `accepts`: which committed events of the type it wants (read from
 * the stored envelope); the relay enqueues no job for the others, so a channel's delivery job is
 * not queued for every other channel's messages.
 */
export type Subscription = { jobType: string; perAggregate: boolean; accepts?: (stored: Record<string, unknown>) => boolean };

/**
 * Which job types exist and which events each one follows. Modules register here explicitly at
 * boot (see app/modules.ts), never as an import side effect.
 */
export class JobRegistry {
  private readonly handlers = new Map<string, JobHandler>();
  private readonly batchHandlers = new Map<string, BatchJobHandler>();
  private readonly subscriptions = new Map<string, Subscription[]>();
  /** Per event-following job type: how to read and handle each event type it follows. */
  private readonly eventHandlers = new Map<string, Map<string, JobHandler>>();
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
   * Run job `jobType` for each committed event of `definition`: `handler` receives the event parsed
   * by its definition (an old row upgraded: version, cause, payload shape). One job type may follow
   * several events, with a handler each. `perAggregate`: events of one aggregate that arrive while
   * its job is still pending fold into that one job (e.g. reindexing a ticket once after a burst).
   * `when`: only events it answers true for make a job (checked by the relay, on the event as the
   * handler would read it); the handler should still check, as jobs queued before may exist. A
   * handler made by `wantingOnly` brings its own filter, applied the same way.
   */
  subscribe<N extends string, S extends PayloadShape>(
    definition: EventDefinition<N, S>,
    jobType: string,
    handler: HandlerOfEnvelope<EventEnvelope<N, PayloadOfShape<S>>>,
    options: { perAggregate?: boolean; when?: (event: EventEnvelope<N, PayloadOfShape<S>>) => boolean } = {},
  ): void {
    let byEvent = this.eventHandlers.get(jobType);
    if (!byEvent) {
      const handlers = new Map<string, JobHandler>();
      this.handle(jobType, (payload, context) => ofEventType(handlers, payload, jobType)(payload, context));
      this.eventHandlers.set(jobType, handlers);
      byEvent = handlers;
    }
    if (byEvent.has(definition.name)) throw new Error(`Job type ${jobType} subscribes to ${definition.name} twice`);
    byEvent.set(definition.name, (payload, context) => handler(readEnvelope(definition, payload), context));
    // The subscriber's filter and the handler's own (`wantingOnly`): a job only when both want the event.
    const filters = [options.when, handler.wants].filter((filter) => filter !== undefined);
    const when = filters.length ? (event: EventEnvelope<N, PayloadOfShape<S>>) => filters.every((wants) => wants(event)) : undefined;
    this.follow(definition.name, jobType, options.perAggregate ?? false, when && acceptsWhen(definition, when));
  }

  /** Like `subscribe` for a batch job (`handleBatch`): `handler` gets the facts of each event of `definitions`. */
  subscribeBatch(definitions: readonly AnyEventDefinition[], jobType: string, handler: BatchEventHandler, options: { perAggregate?: boolean } = {}): void {
    const byName = new Map(definitions.map((d) => [d.name, d]));
    this.handleBatch(jobType, (payloads, context) =>
      handler(
        payloads.map((payload) => {
          const { payload: _payload, ...facts } = readEnvelope(ofEventType(byName, payload, jobType), payload);
          return facts;
        }),
        context,
      ),
    );
    for (const definition of definitions) this.follow(definition.name, jobType, options.perAggregate ?? false);
  }

  /**
   * Like `subscribeBatch` for a batch job that needs each event whole, read and typed by its
   * reader (`eventReader(definition)`), as `E` (the union of what the readers give). Never per
   * aggregate: every event makes a job. A stored event that does not read fails the batch, which
   * the worker then runs job by job, so it fails alone.
   */
  subscribeEventBatch<E>(jobType: string, readers: ReadonlyArray<EventReader<E>>, handler: (events: E[], context: Omit<JobContext, 'job'>) => Promise<void>): void {
    const byName = new Map(readers.map((reader) => [reader.definition.name, reader]));
    this.handleBatch(jobType, (payloads, context) =>
      handler(
        payloads.map((payload) => ofEventType(byName, payload, jobType).read(payload)),
        context,
      ),
    );
    for (const reader of readers) this.follow(reader.definition.name, jobType, false, reader.accepts);
  }

  private follow(eventType: string, jobType: string, perAggregate: boolean, accepts?: Subscription['accepts']): void {
    const list = this.subscriptions.get(eventType) ?? [];
    if (!list.some((s) => s.jobType === jobType)) list.push({ jobType, perAggregate, ...(accepts && { accepts }) });
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

  /** Every job type registered with `handleBatch` (directly or through a batch subscription). */
  batchJobTypes(): string[] {
    return [...this.batchHandlers.keys()];
  }

  subscribersOf(eventType: string): readonly Subscription[] {
    return this.subscriptions.get(eventType) ?? [];
  }
}

/** What `byType` holds for the type of a stored event a job carries; a job type that does not follow that event is a bug. */
function ofEventType<V>(byType: ReadonlyMap<string, V>, payload: { type?: unknown }, jobType: string): V {
  const type = storedEnvelopeSchema.shape.type.parse(payload.type);
  const found = byType.get(type);
  if (found === undefined) throw new Error(`Job type ${jobType} does not follow event ${type}`);
  return found;
}
