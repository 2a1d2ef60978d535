import { sql } from 'drizzle-orm';
import { invalidField } from '../../app/errors.js';
import { queryRows, type Db } from '../../db/database.js';
import type { Span } from './kpi-spans.js';
import type { ReportDefinition, TimeDimension } from './report-definition.js';

/** At most this many time buckets per report (each is one KPI read): 62 days, ~62 weeks or months. */
export const maxPeriods = 62;

/**
 * A report's range in the reporting time zone `tz`: "last N days" are the N whole days before
 * today (today is not over), "this month" runs from the 1st to now; an absolute range as given.
 * The previous period is the span of the same length just before it.
 */
export async function resolveRange(db: Db, range: ReportDefinition['range'], now: Date, tz: string): Promise<{ current: Span; previous: Span }> {
  let current: Span;
  if ('from' in range) current = { start: new Date(range.from), end: new Date(range.to) };
  else {
    const [row] = await queryRows<{ today: string | Date; month: string | Date }>(db, sql`
      select date_trunc('day', ${now.toISOString()}::timestamptz at time zone ${tz}) at time zone ${tz} as today,
        date_trunc('month', ${now.toISOString()}::timestamptz at time zone ${tz}) at time zone ${tz} as month`);
    const today = new Date(row!.today);
    const days = { last7: 7, last30: 30, last90: 90 } as const;
    current = range.last === 'thisMonth'
      ? { start: new Date(row!.month), end: now }
      : { start: new Date(today.getTime() - days[range.last] * 86_400_000), end: today };
  }
  if (current.end.getTime() <= current.start.getTime()) throw invalidField('definition.range', 'report.range_empty');
  const length = current.end.getTime() - current.start.getTime();
  return { current, previous: { start: new Date(current.start.getTime() - length), end: current.start } };
}

/** The day, week (Monday first) or month buckets of `span` in `tz`, each cut to the span; its key is the bucket's local start date. */
export async function periodsOf(db: Db, span: Span, dimension: TimeDimension, tz: string): Promise<Array<Span & { key: string }>> {
  const unit = dimension.slice('time:'.length);
  const rows = await queryRows<{ start: string | Date; local: string }>(db, sql`
    select s at time zone ${tz} as start, to_char(s, ${unit === 'month' ? 'YYYY-MM' : 'YYYY-MM-DD'}) as local
    from generate_series(date_trunc(${unit}, ${span.start.toISOString()}::timestamptz at time zone ${tz}),
      ${span.end.toISOString()}::timestamptz at time zone ${tz} - interval '1 microsecond', ${`1 ${unit}`}::interval) s
    limit ${maxPeriods + 1}`);
  if (rows.length > maxPeriods) throw invalidField('definition.dimensions', 'report.builder.too_many_periods', { max: maxPeriods });
  return rows.map((r, i) => {
    const start = new Date(r.start);
    const next = rows[i + 1];
    return {
      key: r.local,
      start: start.getTime() < span.start.getTime() ? span.start : start,
      end: next ? new Date(next.start) : span.end,
    };
  });
}
