import { sql } from 'drizzle-orm';
import { bigint, index, integer, uniqueIndex, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * The transactional outbox: services write a domain event in the same transaction as the change.
 * The relay (worker) turns each undispatched event into one job per subscriber.
 */
export const domainEvents = pgTable(
  'domain_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    type: text('type').notNull(),
    /** The payload's version (its definition's, see event-definition.ts); rows from before typed events are 1. */
    version: integer('version').notNull().default(1),
    aggregateType: text('aggregate_type').notNull(),
    aggregateId: text('aggregate_id').notNull(),
    /**
     * Why: agent, customer, system, sla, rule:<id>, process:<id>, import:<batch>. A column, not a
     * payload key: erasure redacts payloads and the audit record must keep its cause; rules will
     * select by it. NULL only on rows written before typed events (read as the cause they imply).
     */
    cause: text('cause'),
    actorId: uuid('actor_id'),
    /** The contact who acted, when the cause is a customer. */
    contactId: uuid('contact_id'),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    dispatchedAt: timestamp('dispatched_at', { withTimezone: true }),
  },
  (t) => [
    index('domain_events_undispatched_idx').on(t.id).where(sql`${t.dispatchedAt} is null`),
    index('domain_events_aggregate_idx').on(t.aggregateType, t.aggregateId),
  ],
);

export const jobStates = ['pending', 'running', 'dead'] as const;
export type JobState = (typeof jobStates)[number];

/**
 * Durable jobs and due-time rows in one table: a job runs when `run_at` has passed. Workers pick
 * with FOR UPDATE SKIP LOCKED; a job whose worker died is picked again once `locked_until` passes.
 * Finished jobs are deleted (the domain event remains as the record); dead ones stay for operators.
 * A job that follows an event names it (`event_id`) and carries no copy (`payload` empty): the worker
 * reads the event when it picks the job, so an event's payload is stored once however many
 * subscribers it has, and an erasure that redacts it reaches the jobs still waiting. Domain events
 * are never deleted while jobs name them (nothing deletes them today).
 */
export const jobs = pgTable(
  'jobs',
  {
    id: uuid('id').primaryKey(),
    type: text('type').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    state: text('state').$type<JobState>().notNull().default('pending'),
    runAt: timestamp('run_at', { withTimezone: true }).notNull().defaultNow(),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(8),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lockedBy: text('locked_by'),
    lastError: text('last_error'),
    eventId: bigint('event_id', { mode: 'number' }),
    /** At most one live job per key (e.g. "reindex ticket X"): later requests fold into it. */
    dedupeKey: text('dedupe_key'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('jobs_due_idx').on(t.runAt).where(sql`${t.state} = 'pending'`),
    index('jobs_running_idx').on(t.lockedUntil).where(sql`${t.state} = 'running'`),
    uniqueIndex('jobs_pending_dedupe_key').on(t.dedupeKey).where(sql`${t.state} = 'pending'`),
    index('jobs_dead_idx').on(t.updatedAt).where(sql`${t.state} = 'dead'`),
  ],
);
