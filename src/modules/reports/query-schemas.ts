import { z } from 'zod';
import { invalidField } from '../../app/errors.js';
import { measures } from './measures.js';
import { groupDimensions, type GroupBy } from './scope.js';

const maxRangeDays = 400;

export const groupBySchema = z.string().trim().refine((v) => (groupDimensions as readonly string[]).includes(v) || /^field:[a-z][a-z0-9_]{0,63}$/.test(v), 'report.group_by_unknown').transform((v) => v as GroupBy);
export const rangeQuery = { from: z.coerce.date(), to: z.coerce.date() };

/** A range the API answers: `from` before `to`, at most 400 days (the 4xx names the field). */
export function checkRange(q: { from: Date; to: Date }): void {
  if (q.to.getTime() <= q.from.getTime()) throw invalidField('to', 'report.range_empty');
  if (q.to.getTime() - q.from.getTime() > maxRangeDays * 86_400_000) throw invalidField('to', 'report.range_too_long', { days: maxRangeDays });
}

/** The drill-down's query (also its export's). */
export const drillQuery = z.object({
  ...rangeQuery,
  measure: z.enum(measures).default('created'),
  groupBy: groupBySchema.optional(),
  group: z.string().max(200).optional(),
  /** A report builder's second dimension and its value (a cell of a two-dimension chart). */
  thenBy: groupBySchema.optional(),
  thenGroup: z.string().max(200).optional(),
  weekday: z.coerce.number().int().min(0).max(6).optional(),
  hour: z.coerce.number().int().min(0).max(23).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

export function checkDrillQuery(q: z.infer<typeof drillQuery>): void {
  checkRange(q);
  if ((q.weekday === undefined) !== (q.hour === undefined)) throw invalidField(q.weekday === undefined ? 'weekday' : 'hour', 'report.cell_needs_both');
  if (q.group !== undefined && !q.groupBy) throw invalidField('groupBy', 'report.group_needs_group_by');
  if (q.thenGroup !== undefined && !q.thenBy) throw invalidField('thenBy', 'report.group_needs_group_by');
}
