import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '../../db/database.js';
import { reportingTimeZone, rollupRowsOf, upsertRollups } from './rollup-sql.js';

/** Rebuild every rollup from the facts (a changed time zone, a backfill), in one transaction. */
export async function rebuildRollups(database: Database, defaultTimeZone: string): Promise<void> {
  await database.transaction(async (tx) => {
    // Live batches wait meanwhile, so a fact committed during the rebuild is added after it, once.
    await tx.execute(sql`lock table report_rollups in share row exclusive mode`);
    await tx.execute(sql`delete from report_rollups`);
    await tx.execute(upsertRollups(rollupRowsOf(sql`report_facts`, reportingTimeZone(defaultTimeZone))));
  });
}

export type RollupDifference = { grain: string; bucketStart: string; dimension: string; value: string; measure: string; bucket: number; stored: number; expected: number };

/**
 * The checker: the stored rollups against a fresh aggregation of the raw facts. Every row that
 * differs in count (or in sum beyond rounding) is returned; none means the rollups are exact.
 */
export async function checkRollups(database: Database, defaultTimeZone: string, limit = 100): Promise<RollupDifference[]> {
  const rows = await queryRows<{ grain: string; bucket_start: string | Date; dimension: string; value: string; measure: string; bucket: number; stored: string | number | null; expected: string | number | null }>(
    database.db,
    sql`
      with expected as (${rollupRowsOf(sql`report_facts`, reportingTimeZone(defaultTimeZone))})
      select coalesce(e.grain, r.grain) as grain, coalesce(e.bucket_start, r.bucket_start) as bucket_start, coalesce(e.dimension, r.dimension) as dimension,
        coalesce(e.value, r.value) as value, coalesce(e.measure, r.measure) as measure, coalesce(e.bucket, r.bucket) as bucket,
        r.count as stored, e.count as expected
      from expected e
      full join report_rollups r on r.grain = e.grain and r.bucket_start = e.bucket_start and r.dimension = e.dimension and r.value = e.value and r.measure = e.measure and r.bucket = e.bucket
      where r.count is distinct from e.count or abs(coalesce(r.sum, 0) - coalesce(e.sum, 0)) > 1e-6 * greatest(1, abs(coalesce(e.sum, 0)))
      limit ${limit}`,
  );
  return rows.map((r) => ({
    grain: r.grain, bucketStart: new Date(r.bucket_start).toISOString(), dimension: r.dimension, value: r.value, measure: r.measure, bucket: Number(r.bucket),
    stored: Number(r.stored ?? 0), expected: Number(r.expected ?? 0),
  }));
}
