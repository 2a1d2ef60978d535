import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/database.js';
import type { Histograms } from './kpi-histograms.js';
import type { KpiQuery } from './kpi-types.js';
import { durationBounds, type Measure } from './measures.js';
import { groupKeyExpression } from './scope.js';

/**
 * Median and p90 from the histograms, as PostgreSQL's `percentile_cont` would give them over the
 * facts (linear interpolation between the two facts around rank p × (n − 1)). The histogram says
 * which bucket holds each of those two facts; when that bucket holds at most `exactBucketLimit`
 * facts of the range in the group, and the facts read for such lookups (a bucket is read for every
 * group at once, its whole count across groups) stay within `exactRowsLimit`, they are read and
 * the value is exact. Otherwise the value is placed linearly inside its bucket's bounds
 * (measures.ts; the open last bucket takes its mean): wrong by less than the bucket's width.
 */
export const exactBucketLimit = 2_000;
export const exactRowsLimit = 20_000;

export type Percentiles = { median: number | null; p90: number | null; exact: boolean };
type Position = { bucket: number; offset: number; count: number; sum: number };
type Need = { group: string; measure: Measure; bucket: number };
const key = (n: Need) => `${n.group}\u0000${n.measure}\u0000${n.bucket}`;

/** The bucket and offset of the fact at `rank` (0-based) in ascending order. */
function locate(byBucket: Map<number, { n: number; s: number }>, rank: number): Position {
  const buckets = [...byBucket.entries()].filter(([, c]) => c.n > 0).sort(([a], [b]) => a - b);
  let before = 0;
  for (const [bucket, cell] of buckets) {
    if (rank < before + cell.n) return { bucket, offset: rank - before, count: cell.n, sum: cell.s };
    before += cell.n;
  }
  const [bucket, cell] = buckets[buckets.length - 1]!;
  return { bucket, offset: cell.n - 1, count: cell.n, sum: cell.s };
}

function estimate(p: Position): number {
  const lower = p.bucket === 0 ? 0 : durationBounds[p.bucket - 1]!;
  const upper = durationBounds[p.bucket];
  if (upper === undefined) return p.sum / p.count;
  return lower + ((upper - lower) * (p.offset + 0.5)) / p.count;
}

/** Median and p90 of each duration measure in each group: `${group}\0${measure}` → percentiles. */
export async function histogramPercentiles(db: Db, q: KpiQuery, h: Histograms, measures: readonly Measure[]): Promise<Map<string, Percentiles>> {
  type Plan = { group: string; measure: Measure; n: number; ranks: Array<{ p: number; lo: Position; hi: Position }> };
  const plans: Plan[] = [];
  const needs = new Map<string, Need & { count: number }>();
  // What reading a (measure, bucket) costs: its facts in every group (one index range).
  const bucketTotals = new Map<string, number>();
  for (const byMeasure of h.values()) {
    for (const measure of measures) for (const [bucket, cell] of byMeasure.get(measure) ?? []) bucketTotals.set(`${measure}\u0000${bucket}`, (bucketTotals.get(`${measure}\u0000${bucket}`) ?? 0) + cell.n);
  }
  const reading = new Set<string>();
  let rows = 0;
  for (const [group, byMeasure] of h) {
    for (const measure of measures) {
      const byBucket = byMeasure.get(measure);
      const n = [...(byBucket?.values() ?? [])].reduce((a, c) => a + c.n, 0);
      if (!byBucket || n <= 0) continue;
      const ranks = [0.5, 0.9].map((p) => {
        const pos = p * (n - 1);
        return { p, lo: locate(byBucket, Math.floor(pos)), hi: locate(byBucket, Math.ceil(pos)) };
      });
      plans.push({ group, measure, n, ranks });
      for (const { lo, hi } of ranks) {
        for (const at of [lo, hi]) {
          const need = { group, measure, bucket: at.bucket, count: at.count };
          const read = `${measure}\u0000${at.bucket}`;
          const cost = reading.has(read) ? 0 : bucketTotals.get(read) ?? 0;
          if (at.count > exactBucketLimit || needs.has(key(need)) || rows + cost > exactRowsLimit) continue;
          needs.set(key(need), need);
          reading.add(read);
          rows += cost;
        }
      }
    }
  }
  const values = await bucketValues(db, q, [...needs.values()]);
  const valueAt = (group: string, measure: Measure, at: Position): number | null => {
    const sorted = values.get(key({ group, measure, bucket: at.bucket }));
    return sorted && sorted.length === at.count ? sorted[at.offset]! : null;
  };
  const out = new Map<string, Percentiles>();
  for (const plan of plans) {
    let exact = true;
    const [median, p90] = plan.ranks.map(({ p, lo, hi }) => {
      const first = valueAt(plan.group, plan.measure, lo);
      const second = valueAt(plan.group, plan.measure, hi);
      if (first === null || second === null) exact = false;
      const a = first ?? estimate(lo);
      const b = second ?? estimate(hi);
      const pos = p * (plan.n - 1);
      return a + (b - a) * (pos - Math.floor(pos));
    }) as [number, number];
    out.set(`${plan.group}\u0000${plan.measure}`, { median, p90, exact });
  }
  return out;
}

/** The facts' values of each needed (group, measure, bucket) in [from, to), ascending: one statement, one index range per (measure, bucket). */
async function bucketValues(db: Db, q: KpiQuery, needs: readonly Need[]): Promise<Map<string, number[]>> {
  const out = new Map<string, number[]>();
  if (needs.length === 0) return out;
  const g = groupKeyExpression(q);
  const pairs = new Map(needs.map((n) => [`${n.measure}\u0000${n.bucket}`, n]));
  const which: SQL[] = [...pairs.values()].map((n) => sql`(f.measure = ${n.measure} and f.bucket = ${n.bucket})`);
  const rows = await queryRows<{ g: string; measure: Measure; bucket: number; value: number }>(db, sql`
    select ${g} as g, f.measure, f.bucket, f.value from report_facts f
    where (${sql.join(which, sql` or `)}) and f.occurred_at >= ${q.from.toISOString()}::timestamptz and f.occurred_at < ${q.to.toISOString()}::timestamptz and ${q.scope}
    order by f.value`);
  const wanted = new Set(needs.map(key));
  for (const r of rows) {
    const k = key({ group: r.g, measure: r.measure, bucket: Number(r.bucket) });
    if (!wanted.has(k)) continue;
    const list = out.get(k) ?? [];
    list.push(Number(r.value));
    out.set(k, list);
  }
  return out;
}
