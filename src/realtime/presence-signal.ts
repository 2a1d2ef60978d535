import { sql } from 'drizzle-orm';
import type { Tx } from '../db/database.js';

/**
 * "Who is viewing ticket X" changed. Presence is ephemeral: it is announced with a notification
 * (delivered at commit to every process's live streams), never written to domain_events.
 */
export const presenceChannel = 'opencsm_presence';

/** Announce, inside the transaction that changed the viewers of `ticketId`, that they changed. */
export async function announcePresence(tx: Tx, ticketId: string): Promise<void> {
  await tx.execute(sql`select pg_notify(${presenceChannel}, ${ticketId})`);
}
