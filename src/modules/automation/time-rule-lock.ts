import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/database.js';

/**
 * A time rule's due-row lock (transaction-scoped advisory lock). The anchor job takes it shared for
 * the rules its batch moves (many batches at once), a backfill page exclusive for its one rule: a
 * page then never reads "no row yet" for a ticket whose live row another transaction is about to
 * commit, and a live move never misses a row a page is about to commit. Shared holders take their
 * locks in id order; a page takes one lock before touching any row, so the two cannot deadlock.
 */
export async function timeRuleLock(tx: Tx, ruleIds: readonly string[], mode: 'shared' | 'exclusive'): Promise<void> {
  const ids = [...new Set(ruleIds)].sort();
  if (ids.length === 0) return;
  const lock = mode === 'shared' ? sql`pg_advisory_xact_lock_shared` : sql`pg_advisory_xact_lock`;
  const keys = ids.map((id) => sql`${lock}(hashtextextended(${`automation_time_due:${id}`}, 0))`);
  await tx.execute(sql`select ${sql.join(keys, sql`, `)}`);
}
