import { domainEvents } from './schema.js';
import type { Tx } from '../db/database.js';

export type DomainEventInput = {
  type: string; // e.g. "ticket.created"
  aggregateType: string; // e.g. "ticket"
  aggregateId: string;
  actorId?: string | null;
  payload?: Record<string, unknown>;
};

/**
 * Write a domain event inside the caller's transaction. It becomes visible to the relay only if
 * the change that caused it commits, and is never lost once it has.
 */
export async function recordEvent(tx: Tx, event: DomainEventInput): Promise<number> {
  const [row] = await tx
    .insert(domainEvents)
    .values({
      type: event.type,
      aggregateType: event.aggregateType,
      aggregateId: event.aggregateId,
      actorId: event.actorId ?? null,
      payload: event.payload ?? {},
    })
    .returning({ id: domainEvents.id });
  return row!.id;
}
