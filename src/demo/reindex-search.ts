import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '../db/database.js';
import { indexTickets } from '../modules/tickets/index.js';

/**
 * `opencsm reindex-search`: rebuild every ticket's search document with the current segmenter.
 * Needed once after upgrading to exact search (issue 13): documents written before carry no
 * character offsets, and phrase queries would miss them. Walks tickets by id, 500 at a time.
 */
export async function reindexAllTickets(database: Database, onProgress?: (indexed: number) => void): Promise<number> {
  let after = '00000000-0000-0000-0000-000000000000';
  let indexed = 0;
  for (;;) {
    const rows = await queryRows<{ id: string }>(database.db, sql`select id from tickets where id > ${after}::uuid order by id limit 500`);
    if (rows.length === 0) return indexed;
    await indexTickets(database, rows.map((r) => r.id));
    indexed += rows.length;
    after = rows.at(-1)!.id;
    onProgress?.(indexed);
  }
}
