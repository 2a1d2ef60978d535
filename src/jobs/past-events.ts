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
  // One JSON parameter per chunk (one statement text, prepared once): a VALUES list of 10
  // parameters a row cost more to build and plan than the insert (bench/imports-tickets.bench.ts).
  for (let start = 0; start < events.length; start += 5_000) {
    const chunk = events.slice(start, start + 5_000);
    const rows = chunk.map((e, ord) => ({ ord, type: e.type, version: e.version, aggregate_type: e.aggregateType, aggregate_id: e.aggregateId, cause: e.cause, actor_id: e.actorId, contact_id: e.contactId, payload: e.payload, created_at: e.occurredAt.toISOString() }));
    // Inserted in input order (identity ids follow it); the ordinal maps each id back.
    const inserted = await queryRows<{ id: number | string; ord: number }>(tx, sql`
      with input as (
        select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
          as r(ord int, type text, version int, aggregate_type text, aggregate_id text, cause text, actor_id uuid, contact_id uuid, payload jsonb, created_at timestamptz)),
      inserted as (
        insert into domain_events (type, version, aggregate_type, aggregate_id, cause, actor_id, contact_id, payload, created_at, dispatched_at)
        select type, version, aggregate_type, aggregate_id, cause, actor_id, contact_id, payload, created_at, now() from input order by ord
        returning id)
      select id, (row_number() over (order by id))::int - 1 as ord from inserted`);
    const byOrd = new Map(inserted.map((r) => [r.ord, Number(r.id)]));
    for (let i = 0; i < chunk.length; i++) ids.push(byOrd.get(i)!);
  }
  // Live consoles pick the new rows up at once, as after recordEvent.
  if (events.length) await tx.execute(sql`select pg_notify(${domainEventsChannel}, '')`);
  return ids;
}
