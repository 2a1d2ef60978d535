import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/database.js';
import type { KpiQuery } from './kpi-types.js';
import type { Measure } from './measures.js';
import { withinSpans, type RangeSpans } from './kpi-spans.js';
import { groupExpression, type RollupScope } from './scope.js';

/** Count and sum of the facts in one histogram bucket. */
export type Cell = { n: number; s: number };
/** group → measure → bucket → cell: what the rollup path computes every KPI from. */
export type Histograms = Map<string, Map<string, Map<number, Cell>>>;

export function addCell(h: Histograms, group: string, measure: string, bucket: number, n: number, s: number): void {
  const byMeasure = h.get(group) ?? new Map<string, Map<number, Cell>>();
  h.set(group, byMeasure);
  const byBucket = byMeasure.get(measure) ?? new Map<number, Cell>();
  byMeasure.set(measure, byBucket);
  const cell = byBucket.get(bucket) ?? { n: 0, s: 0 };
  byBucket.set(bucket, { n: cell.n + n, s: cell.s + s });
}

type RollupRow = { dimension: string; value: string; measure: string; bucket: number; n: number; s: number };
const list = (values: readonly string[]) => sql.join(values.map((v) => sql`${v}`), sql`, `);

/**
 * The histograms of `measures` over [from, to) in the reader's scope, grouped by `groupBy`: the
 * daily and hourly rollup rows of the whole days and hours, and the facts of the partial hours at
 * the edges. With groupBy under an unrestricted scope, the group '' (facts without a value) is the
 * `all` rows minus the grouped ones, as the facts path's `coalesce(…, '')` counts it.
 */
export async function readHistograms(db: Db, q: KpiQuery, rollupScope: RollupScope, spans: RangeSpans, measures: readonly Measure[]): Promise<Histograms> {
  if (measures.length === 0) return new Map();
  const grouped = q.groupBy !== undefined;
  const dimension = rollupScope.kind === 'teams' ? 'team' : (q.groupBy ?? 'all');
  const dimensions = rollupScope.kind === 'all' && grouped ? ['all', dimension] : [dimension];
  const values = rollupScope.kind === 'teams' ? sql` and r.value in (${rollupScope.teamIds.length ? list(rollupScope.teamIds) : sql`null`})` : sql``;
  const rollupPart = (grain: 'day' | 'hour', where: SQL) => sql`
    select r.dimension, r.value, r.measure, r.bucket, sum(r.count)::float8 as n, sum(r.sum)::float8 as s from report_rollups r
    where r.grain = ${grain} and r.measure in (${list(measures)}) and r.dimension in (${list(dimensions)})${values} and ${where}
    group by 1, 2, 3, 4`;
  const parts: SQL[] = [];
  if (spans.days) parts.push(rollupPart('day', withinSpans(sql`r.bucket_start`, [spans.days])));
  if (spans.hours.length) parts.push(rollupPart('hour', withinSpans(sql`r.bucket_start`, spans.hours)));
  const rollupRows = parts.length ? queryRows<RollupRow>(db, sql.join(parts, sql` union all `)) : Promise.resolve([]);
  const edgeRows = spans.edges.length
    ? queryRows<{ g: string; measure: string; bucket: number; n: number; s: number }>(db, sql`
      select ${groupExpression(q.groupBy)} as g, f.measure, f.bucket, count(*)::float8 as n, sum(f.value)::float8 as s from report_facts f
      where f.measure in (${list(measures)}) and ${withinSpans(sql`f.occurred_at`, spans.edges)} and ${q.scope}
      group by 1, 2, 3`)
    : Promise.resolve([]);
  const [rows, edges] = await Promise.all([rollupRows, edgeRows]);

  const h: Histograms = new Map();
  const whole: Histograms = new Map();
  for (const r of rows) {
    if (grouped && r.dimension === 'all' && dimension !== 'all') addCell(whole, '', r.measure, Number(r.bucket), Number(r.n), Number(r.s));
    else addCell(h, grouped ? r.value : '', r.measure, Number(r.bucket), Number(r.n), Number(r.s));
  }
  // The '' group of the rollups: everything minus what has a value.
  for (const [measure, byBucket] of whole.get('') ?? []) {
    for (const [bucket, cell] of byBucket) {
      let { n, s } = cell;
      for (const [group, byMeasure] of h) {
        if (group === '') continue;
        const other = byMeasure.get(measure)?.get(bucket);
        if (other) { n -= other.n; s -= other.s; }
      }
      if (n !== 0) addCell(h, '', measure, bucket, n, s);
    }
  }
  for (const r of edges) addCell(h, r.g, r.measure, Number(r.bucket), Number(r.n), Number(r.s));
  return h;
}

/** Count and sum of `measure` in `group`, over the buckets `only` (all when omitted). */
export function total(h: Histograms, group: string, measure: Measure, only?: readonly number[]): Cell {
  let n = 0;
  let s = 0;
  for (const [bucket, cell] of h.get(group)?.get(measure) ?? []) {
    if (only && !only.includes(bucket)) continue;
    n += cell.n;
    s += cell.s;
  }
  return { n, s };
}
