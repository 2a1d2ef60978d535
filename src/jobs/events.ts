import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { queryRows, type Db, type Tx } from '../db/database.js';
import { domainEvents } from './schema.js';

export type DomainEventInput = {
  type: string; // e.g. "ticket.created"
  aggregateType: string; // e.g. "ticket"
  aggregateId: string;
  actorId?: string | null;
  payload?: Record<string, unknown>;
};

/**
 * The NOTIFY channel that says "domain events were committed". The payload is empty on purpose:
 * PostgreSQL folds identical notifications of one transaction into one, and listeners only need
 * the wake-up (they read the rows themselves, see src/realtime/event-tail.ts).
 */
export const domainEventsChannel = 'opencsm_events';

/**
 * Write a domain event inside the caller's transaction. It becomes visible to the relay only if
 * the change that caused it commits, and is never lost once it has. The same statement queues a
 * notification that PostgreSQL (and PGlite) deliver at commit, waking live-update streams in every
 * process at once instead of at their next poll.
 */
export async function recordEvent(tx: Tx, event: DomainEventInput): Promise<number> {
  const [row] = await queryRows<{ id: number | string }>(tx, sql`
    with recorded as (
      insert into ${domainEvents} (type, aggregate_type, aggregate_id, actor_id, payload)
      values (${event.type}, ${event.aggregateType}, ${event.aggregateId}, ${event.actorId ?? null}::uuid,
              ${JSON.stringify(event.payload ?? {})}::jsonb)
      returning id)
    select id, pg_notify(${domainEventsChannel}, '') from recorded`);
  return Number(row!.id);
}

export type RecordedEvent = { id: number; type: string; actorId: string | null; payload: Record<string, unknown>; createdAt: Date };

/** The recorded history of one aggregate (the audit trail of a contact, an organisation, …), newest first. */
export async function listAggregateEvents(db: Db, aggregateType: string, aggregateIds: readonly string[], limit = 200): Promise<RecordedEvent[]> {
  if (aggregateIds.length === 0) return [];
  const rows = await db
    .select({ id: domainEvents.id, type: domainEvents.type, actorId: domainEvents.actorId, payload: domainEvents.payload, createdAt: domainEvents.createdAt })
    .from(domainEvents)
    .where(and(eq(domainEvents.aggregateType, aggregateType), inArray(domainEvents.aggregateId, [...aggregateIds])))
    .orderBy(desc(domainEvents.id))
    .limit(limit);
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}

/**
 * Erase what an aggregate's past events say (PIPL erasure): the type, actor and time stay as the
 * audit record, the payload, which may hold names, phones or emails, becomes `{redacted: true}`.
 */
export async function redactAggregateEvents(tx: Tx, aggregateType: string, aggregateId: string): Promise<void> {
  await tx.update(domainEvents).set({ payload: { redacted: true } }).where(and(eq(domainEvents.aggregateType, aggregateType), eq(domainEvents.aggregateId, aggregateId)));
}
