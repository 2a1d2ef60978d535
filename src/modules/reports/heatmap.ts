import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/database.js';
import { reportingTimeZone } from './rollup-sql.js';

/**
 * Arrivals (created tickets) by weekday × hour in the reporting time zone: `counts[weekday][hour]`,
 * weekday 0 = Monday … 6 = Sunday. From the facts, so the reader's scope applies exactly and a
 * cell's number is the drill-down's ticket count.
 */
export async function arrivalHeatmap(db: Db, q: { from: Date; to: Date; scope: SQL }, defaultTimeZone: string): Promise<{ timeZone: string; counts: number[][] }> {
  const tz = reportingTimeZone(defaultTimeZone);
  const rows = await queryRows<{ tz: string; weekday: number; hour: number; n: string }>(db, sql`
    select ${tz} as tz, (extract(isodow from f.occurred_at at time zone ${tz})::int - 1) as weekday, extract(hour from f.occurred_at at time zone ${tz})::int as hour, count(*) as n
    from report_facts f
    where f.measure = 'created' and f.occurred_at >= ${q.from.toISOString()}::timestamptz and f.occurred_at < ${q.to.toISOString()}::timestamptz and ${q.scope}
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
