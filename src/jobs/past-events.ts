import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../db/database.js';
import type { AnyEventDefinition } from './event-definition.js';
import { checkEvent, domainEventsChannel, type CheckedEvent, type EventInput } from './events.js';

/** An event that happened in the past, checked like recordEvent's (see `pastEvent`). */
export type PastEvent = CheckedEvent & { occurredAt: Date };

/** Check one past event against its definition, as recordEvent does (an invalid one throws). */
export function pastEvent<D extends AnyEventDefinition>(definition: D, input: EventInput<D> & { occurredAt: Date }): PastEvent {
  return { ...checkEvent(definition, input), occurredAt: input.occurredAt };
}

/**
 * Write events that happened in the past (history loaded in bulk: the demo data set, an import)
 * with their own times, in multi-row statements inside the caller's transaction. They are
 * recorded as already dispatched: the relay must not turn 90 days of history into jobs that
 * e-mail customers today. The caller does, in the same load, whatever its readers need (search
 * index, SLA timers). Returns the event ids in input order.
 */
export async function recordPastEvents(tx: Tx, events: readonly PastEvent[]): Promise<number[]> {
  const ids: number[] = [];
  // 10 parameters per row; PostgreSQL takes at most 65 535 per statement.
  for (let start = 0; start < events.length; start += 5_000) {
    const chunk = events.slice(start, start + 5_000);
    const values = chunk.map((e, i) => sql`(${i}, ${e.type}, ${e.version}::int, ${e.aggregateType}, ${e.aggregateId}, ${e.cause}, ${e.actorId}::uuid, ${e.contactId}::uuid, ${JSON.stringify(e.payload)}::jsonb, ${e.occurredAt.toISOString()}::timestamptz)`);
    // Inserted in input order (identity ids follow it); the ordinal maps each id back.
    const rows = await queryRows<{ id: number | string; ord: number }>(tx, sql`
      with input (ord, type, version, aggregate_type, aggregate_id, cause, actor_id, contact_id, payload, created_at) as (values ${sql.join(values, sql`, `)}),
      inserted as (
        insert into domain_events (type, version, aggregate_type, aggregate_id, cause, actor_id, contact_id, payload, created_at, dispatched_at)
        select type, version, aggregate_type, aggregate_id, cause, actor_id, contact_id, payload, created_at, now() from input order by ord
        returning id, aggregate_id, created_at)
      select id, (row_number() over (order by id))::int - 1 as ord from inserted`);
    const byOrd = new Map(rows.map((r) => [r.ord, Number(r.id)]));
    for (let i = 0; i < chunk.length; i++) ids.push(byOrd.get(i)!);
  }
  // Live consoles pick the new rows up at once, as after recordEvent.
  if (events.length) await tx.execute(sql`select pg_notify(${domainEventsChannel}, '')`);
  return ids;
}
