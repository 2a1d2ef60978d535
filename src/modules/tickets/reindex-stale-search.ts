import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/database.js';
import type { DueRowSource } from '../../jobs/registry.js';
import { searchSegmenterVersion } from '../../search/segment.js';
import { indexTickets } from './search-index.js';

/** Tickets rebuilt per worker round: small enough that live jobs never wait long behind it. */
const batchSize = 200;

/**
 * Due-row source `tickets.search_reindex`: search documents written by an older segmenter (see
 * searchSegmenterVersion) are rebuilt a batch per worker round (no ORDER BY: sorting a
 * million stale rows every round would cost more than the batch), so an upgrade needs no manual step. Idle cost: one probe of
 * ticket_search_segmenter_idx. Two workers may rebuild the same batch; the result is the same.
 */
export const reindexStaleSearch: DueRowSource = async ({ database, log }) => {
  const stale = await queryRows<{ ticketId: string }>(
    database.db,
    sql`select ticket_id as "ticketId" from ticket_search where segmenter < ${searchSegmenterVersion} limit ${batchSize}`,
  );
  if (stale.length === 0) return 0;
  await indexTickets(database, stale.map((row) => row.ticketId));
  log.info({ tickets: stale.length }, 'search documents of an older segmenter rebuilt');
  return stale.length;
};
