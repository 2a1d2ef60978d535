import { and, eq, ne } from 'drizzle-orm';
import type { Tx } from '../../db/database.js';
import { ticketSightGrants } from './schema.js';

/**
 * Gives `userId` sight of a ticket on behalf of `source` (e.g. `work_order:<id>`), inside the
 * caller's transaction; the one holder of a source replaces the previous one, so a reassigned
 * work order's former engineer loses sight of its ticket (unless another source gives it).
 */
export async function grantTicketSight(tx: Tx, grant: { ticketId: string; userId: string; source: string }): Promise<void> {
  await tx.delete(ticketSightGrants).where(and(eq(ticketSightGrants.ticketId, grant.ticketId), eq(ticketSightGrants.source, grant.source), ne(ticketSightGrants.userId, grant.userId)));
  await tx.insert(ticketSightGrants).values(grant).onConflictDoNothing();
}

/** Takes back every sight `source` gave on the ticket. */
export async function revokeTicketSight(tx: Tx, grant: { ticketId: string; source: string }): Promise<void> {
  await tx.delete(ticketSightGrants).where(and(eq(ticketSightGrants.ticketId, grant.ticketId), eq(ticketSightGrants.source, grant.source)));
}
