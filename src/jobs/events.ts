import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { queryRows, type Db, type Tx } from '../db/database.js';
import { causeOf, defaultCauseOfOldRow, eventCauseSchema, InvalidEventPayload, type AnyEventDefinition, type EventCause, type PayloadInputOf } from './event-definition.js';
import { domainEvents } from './schema.js';

/** What a service says when it records an event of a given definition. */
export type EventInput<D extends AnyEventDefinition> = {
  aggregateId: string;
  cause: EventCause;
  /** The acting user; required when the cause is an agent. */
  actorId?: string | null;
  /** The acting contact when a customer acted. */
  contactId?: string | null;
  payload: PayloadInputOf<D>;
};

/** The row an event becomes, checked against its definition (an invalid payload is never written). */
export type CheckedEvent = { type: string; version: number; aggregateType: string; aggregateId: string; cause: EventCause; actorId: string | null; contactId: string | null; payload: Record<string, unknown> };

/**
 * The NOTIFY channel that says "domain events were committed". The payload is empty on purpose:
 * PostgreSQL folds identical notifications of one transaction into one, and listeners only need
 * the wake-up (they read the rows themselves, see src/realtime/event-tail.ts).
 */
export const domainEventsChannel = 'opencsm_events';

/** Validate an event before it is written: its payload against the definition, its cause against its actor. */
export function checkEvent<D extends AnyEventDefinition>(definition: D, input: EventInput<D>): CheckedEvent {
  const parsed = definition.recordSchema.safeParse(input.payload);
  if (!parsed.success) throw new InvalidEventPayload(definition.name, parsed.error.issues, 'record');
  const cause = eventCauseSchema.safeParse(input.cause);
  if (!cause.success) throw new Error(`cannot record event ${definition.name}: unknown cause ${JSON.stringify(input.cause)}`);
  if (cause.data === 'agent' && !input.actorId) throw new Error(`cannot record event ${definition.name}: an agent's change names the agent (actorId)`);
  return {
    type: definition.name,
    version: definition.version,
    aggregateType: definition.aggregate,
    aggregateId: input.aggregateId,
    cause: cause.data,
    actorId: input.actorId ?? null,
    contactId: input.contactId ?? null,
    payload: parsed.data,
  };
}

/**
 * Write a domain event inside the caller's transaction. It becomes visible to the relay only if
 * the change that caused it commits, and is never lost once it has. The payload is checked against
 * the event's declaration first (a mismatch throws and writes nothing). The same statement queues a
 * notification that PostgreSQL (and PGlite) deliver at commit, waking live-update streams in every
 * process at once instead of at their next poll.
 */
export async function recordEvent<D extends AnyEventDefinition>(tx: Tx, definition: D, input: EventInput<D>): Promise<number> {
  const event = checkEvent(definition, input);
  const [row] = await queryRows<{ id: number | string }>(tx, sql`
    with recorded as (
      insert into ${domainEvents} (type, version, aggregate_type, aggregate_id, cause, actor_id, contact_id, payload)
      values (${event.type}, ${event.version}, ${event.aggregateType}, ${event.aggregateId}, ${event.cause},
              ${event.actorId}::uuid, ${event.contactId}::uuid, ${JSON.stringify(event.payload)}::jsonb)
      returning id)
    select id, pg_notify(${domainEventsChannel}, '') from recorded`);
  return Number(row!.id);
}

/**
 * `recordEvent` for several events of one definition in one statement (a batch job's, e.g. the SLA
 * timers of twenty tickets): each checked first, all written or none, one wake-up at commit.
 */
export async function recordEvents<D extends AnyEventDefinition>(tx: Tx, definition: D, inputs: ReadonlyArray<EventInput<D>>): Promise<void> {
  if (inputs.length === 0) return;
  const rows = inputs.map((input) => {
    const e = checkEvent(definition, input);
    return { type: e.type, version: e.version, aggregate_type: e.aggregateType, aggregate_id: e.aggregateId, cause: e.cause, actor_id: e.actorId, contact_id: e.contactId, payload: e.payload };
  });
  // One JSON parameter and one statement text whatever the count: a VALUES list of 500 events
  // (4 000 parameters) cost more to build and parse than to insert (an import's batch, bench/import-contacts).
  await tx.execute(sql`
    with recorded as (
      insert into ${domainEvents} (type, version, aggregate_type, aggregate_id, cause, actor_id, contact_id, payload)
      select type, version, aggregate_type, aggregate_id, cause, actor_id, contact_id, payload
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        as e(type text, version int, aggregate_type text, aggregate_id text, cause text, actor_id uuid, contact_id uuid, payload jsonb)
      returning id)
    select pg_notify(${domainEventsChannel}, '') from recorded limit 1`);
}

export type RecordedEvent = { id: number; type: string; version: number; cause: EventCause; actorId: string | null; contactId: string | null; payload: Record<string, unknown>; createdAt: Date };

/**
 * The recorded history of one aggregate (the audit trail of a contact, an organisation, …), newest
 * first. Rows written before events carried a cause read with the cause they imply (an actor: agent).
 */
export async function listAggregateEvents(db: Db, aggregateType: string, aggregateIds: readonly string[], limit = 200): Promise<RecordedEvent[]> {
  if (aggregateIds.length === 0) return [];
  const rows = await db
    .select({ id: domainEvents.id, type: domainEvents.type, version: domainEvents.version, cause: domainEvents.cause, actorId: domainEvents.actorId, contactId: domainEvents.contactId, payload: domainEvents.payload, createdAt: domainEvents.createdAt })
    .from(domainEvents)
    .where(and(eq(domainEvents.aggregateType, aggregateType), inArray(domainEvents.aggregateId, [...aggregateIds])))
    .orderBy(desc(domainEvents.id))
    .limit(limit);
  return rows.map((r) => ({ ...r, id: Number(r.id), ...causeOf({ causeOfOldRow: defaultCauseOfOldRow }, r) }));
}

/**
 * Erase what an aggregate's past events say (PIPL erasure): the type, cause, actor and time stay as
 * the audit record, the payload, which may hold names, phones or emails, becomes `{redacted: true}`.
 */
export async function redactAggregateEvents(tx: Tx, aggregateType: string, aggregateId: string | readonly string[]): Promise<void> {
  const ids = typeof aggregateId === 'string' ? [aggregateId] : aggregateId;
  if (ids.length === 0) return;
  await tx.update(domainEvents).set({ payload: { redacted: true } }).where(and(eq(domainEvents.aggregateType, aggregateType), ids.length === 1 ? eq(domainEvents.aggregateId, ids[0]!) : inArray(domainEvents.aggregateId, [...ids])));
}
