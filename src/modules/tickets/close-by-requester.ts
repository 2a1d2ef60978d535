import { and, eq, inArray, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { NotFound } from '../../app/errors.js';
import type { TransitionGuards } from '../../app/transition-guards.js';
import type { Database } from '../../db/database.js';
import { recordEvent } from '../../jobs/events.js';
import { ticketUpdated } from './events.js';
import { ticketEvents, tickets } from './schema.js';
import type { TicketRow } from './ticket-view.js';

/**
 * The customer closes their own ticket from the portal. `requesterIds` are the contacts whose
 * tickets they may act on (themselves, or their organisation's for an organisation admin); any
 * other ticket is 404. Closing a closed ticket changes nothing. The timeline entry and the
 * `ticket.updated` event have no actor (the customer is not a user) and say `cause: 'customer'`.
 * The app's transition guards are asked first: a refusal is a 409 naming why (TransitionRefused).
 */
export async function closeTicketByRequester(database: Database, requesterIds: readonly string[], ticketId: string, contactId: string, guards: TransitionGuards): Promise<TicketRow> {
  if (requesterIds.length === 0) throw new NotFound('ticket.not_found');
  return database.transaction(async (tx) => {
    const [before] = await tx.select().from(tickets).where(and(eq(tickets.id, ticketId), inArray(tickets.requesterId, [...requesterIds]))).for('update');
    if (!before) throw new NotFound('ticket.not_found');
    if (before.status === 'closed') return before;
    await guards.check(tx, { ticketId: before.id, from: before.status, to: 'closed', actorId: null, cause: 'customer' });
    const now = new Date();
    const [after] = await tx
      .update(tickets)
      .set({ status: 'closed', closedAt: now, ...(before.status !== 'resolved' && { resolvedAt: now }), updatedAt: now, version: sql`${tickets.version} + 1` })
      .where(eq(tickets.id, before.id))
      .returning();
    await tx.insert(ticketEvents).values({ id: uuidv7(), ticketId: before.id, actorId: null, type: 'field_changed', field: 'status', oldValue: before.status, newValue: 'closed', createdAt: now });
    await recordEvent(tx, ticketUpdated, {
      aggregateId: before.id,
      cause: 'customer',
      contactId,
      payload: { fields: ['status'], changes: { status: { from: before.status, to: 'closed' } } },
    });
    return after!;
  });
}
