import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/database.js';

/** A half-open interval of time [start, end). */
export type Span = { start: Date; end: Date };

/**
 * How the rollup path reads [from, to): whole days of the reporting time zone from the daily
 * rollups, whole hours around them from the hourly ones, and the partial hours at either edge
 * from the facts. `days` is null when no whole day fits; `hours` and `edges` skip empty spans.
 */
export type RangeSpans = { edges: Span[]; hours: Span[]; days: Span | null };

/** The hour and day boundaries of [from, to) in the time zone `tz` (an SQL text value): one round trip. */
export async function splitRange(db: Db, from: Date, to: Date, tz: SQL): Promise<RangeSpans> {
  const f = sql`${from.toISOString()}::timestamptz`;
  const t = sql`${to.toISOString()}::timestamptz`;
  // First hour boundary at or after `from`, last at or before `to`; then the days inside those.
  const [row] = await queryRows<{ ha: string | Date; hb: string | Date; da: string | Date; db: string | Date }>(db, sql`
    with z as (select ${tz} as tz),
    h as (select
      case when date_trunc('hour', ${f} at time zone z.tz) at time zone z.tz = ${f} then ${f}
           else (date_trunc('hour', ${f} at time zone z.tz) + interval '1 hour') at time zone z.tz end as ha,
      date_trunc('hour', ${t} at time zone z.tz) at time zone z.tz as hb, z.tz from z)
    select ha, hb,
      case when date_trunc('day', ha at time zone tz) at time zone tz = ha then ha
           else (date_trunc('day', ha at time zone tz) + interval '1 day') at time zone tz end as da,
      date_trunc('day', hb at time zone tz) at time zone tz as db
    from h`);
  const [ha, hb, da, db2] = [row!.ha, row!.hb, row!.da, row!.db].map((v) => new Date(v)) as [Date, Date, Date, Date];
  const span = (start: Date, end: Date): Span[] => (start.getTime() < end.getTime() ? [{ start, end }] : []);
  if (ha.getTime() >= hb.getTime()) return { edges: span(from, to), hours: [], days: null };
  const edges = [...span(from, ha), ...span(hb, to)];
  if (da.getTime() >= db2.getTime()) return { edges, hours: span(ha, hb), days: null };
  return { edges, hours: [...span(ha, da), ...span(db2, hb)], days: { start: da, end: db2 } };
}

/** `alias.column` within any of `spans`, as SQL (false for none). */
export function withinSpans(column: SQL, spans: readonly Span[]): SQL {
  if (spans.length === 0) return sql`false`;
  return sql`(${sql.join(spans.map((s) => sql`(${column} >= ${s.start.toISOString()}::timestamptz and ${column} < ${s.end.toISOString()}::timestamptz)`), sql` or `)})`;
}
