import { inArray } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { tickets } from './schema.js';

/**
 * Number, subject and next SLA due time of several tickets in one query, by id: a batch job's
 * notifications name them; the dispatch board orders waiting work orders by their ticket's SLA.
 */
export async function findTicketBriefs(db: Db, ticketIds: readonly string[]): Promise<Map<string, { number: string; subject: string; slaDueAt: Date | null }>> {
  if (ticketIds.length === 0) return new Map();
  const rows = await db.select({ id: tickets.id, number: tickets.number, subject: tickets.subject, slaDueAt: tickets.slaDueAt }).from(tickets).where(inArray(tickets.id, [...new Set(ticketIds)]));
  return new Map(rows.map((row) => [row.id, { number: row.number, subject: row.subject, slaDueAt: row.slaDueAt }]));
}
