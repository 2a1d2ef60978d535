import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/database.js';
import { splitRange, withinSpans } from './kpi-spans.js';
import { reportingTimeZone } from './rollup-sql.js';
import type { RollupScope } from './scope.js';

/**
 * Arrivals (created tickets) by weekday × hour in the reporting time zone: `counts[weekday][hour]`,
 * weekday 0 = Monday … 6 = Sunday. The whole hours of the range come from the hourly rollups when
 * they can express the reader's scope (an hour's row lies in one cell), the partial edge hours and
 * other scopes from the facts; either way a cell's number is the drill-down's ticket count.
 */
export async function arrivalHeatmap(db: Db, q: { from: Date; to: Date; scope: SQL; rollupScope?: RollupScope | null }, defaultTimeZone: string): Promise<{ timeZone: string; counts: number[][] }> {
  const tz = reportingTimeZone(defaultTimeZone);
  const spans = q.rollupScope ? await splitRange(db, q.from, q.to, tz) : { edges: [{ start: q.from, end: q.to }], hours: [], days: null };
  const whole = [...spans.hours, ...(spans.days ? [spans.days] : [])];
  const cell = (at: SQL) => sql`(extract(isodow from ${at} at time zone ${tz})::int - 1) as weekday, extract(hour from ${at} at time zone ${tz})::int as hour`;
  const rollupScope = q.rollupScope;
  const rollupRows = rollupScope && whole.length
    ? sql`select ${cell(sql`r.bucket_start`)}, r.count as n from report_rollups r
      where r.grain = 'hour' and r.measure = 'created' and ${withinSpans(sql`r.bucket_start`, whole)} and ${rollupScope.kind === 'all'
        ? sql`r.dimension = 'all'`
        : sql`r.dimension = 'team' and r.value in (${rollupScope.teamIds.length ? sql.join(rollupScope.teamIds.map((id) => sql`${id}`), sql`, `) : sql`null`})`}
      union all `
    : sql``;
  const rows = await queryRows<{ tz: string; weekday: number; hour: number; n: string }>(db, sql`
    select ${tz} as tz, weekday, hour, sum(n) as n from (
      ${rollupRows}select ${cell(sql`f.occurred_at`)}, 1 as n from report_facts f
      where f.measure = 'created' and ${withinSpans(sql`f.occurred_at`, spans.edges)} and ${q.scope}) c
    group by 1, 2, 3`);
  const counts = Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => 0));
  for (const r of rows) counts[r.weekday]![r.hour] = Number(r.n);
  const timeZone = rows[0]?.tz ?? (await queryRows<{ tz: string }>(db, sql`select ${tz} as tz`))[0]!.tz;
  return { timeZone, counts };
}

/** The SQL condition of one heatmap cell on facts `f`. */
export function heatmapCell(weekday: number, hour: number, defaultTimeZone: string): SQL {
  const tz = reportingTimeZone(defaultTimeZone);
  return sql`(extract(isodow from f.occurred_at at time zone ${tz})::int - 1) = ${weekday} and extract(hour from f.occurred_at at time zone ${tz})::int = ${hour}`;
}
