import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../db/database.js';
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
