import { inArray } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { tickets } from './schema.js';

/** Number and subject of several tickets in one query (a batch job's notifications name them), by id. */
export async function findTicketBriefs(db: Db, ticketIds: readonly string[]): Promise<Map<string, { number: string; subject: string }>> {
  if (ticketIds.length === 0) return new Map();
  const rows = await db.select({ id: tickets.id, number: tickets.number, subject: tickets.subject }).from(tickets).where(inArray(tickets.id, [...new Set(ticketIds)]));
  return new Map(rows.map((row) => [row.id, { number: row.number, subject: row.subject }]));
}
