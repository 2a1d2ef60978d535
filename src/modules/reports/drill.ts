import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/database.js';
import type { Actor } from '../auth/index.js';
import { filterVisibleTicketIds, findTicketBriefs } from '../tickets/index.js';
import { heatmapCell } from './heatmap.js';
import type { Measure } from './measures.js';
import { groupExpression, type GroupBy } from './scope.js';

export type DrillQuery = { measure: Measure; from: Date; to: Date; scope: SQL; groupBy?: GroupBy; group?: string; thenBy?: GroupBy; thenGroup?: string; weekday?: number; hour?: number; limit: number };
export type DrillResult = { total: number; truncated: boolean; tickets: Array<{ id: string; number: string; subject: string }> };

/**
 * The tickets behind a number: the facts of `measure` in the range and the reader's scope (and
 * one group — with `thenBy` a second, a cell of a report builder's two-dimension chart — or one
 * heatmap cell), then the tickets module's visibility rule on top, so a
 * drill-down never shows a ticket the ticket list would not.
 */
export async function drillDown(db: Db, actor: Actor, q: DrillQuery, defaultTimeZone: string): Promise<DrillResult> {
  const conditions: SQL[] = [sql`f.measure = ${q.measure}`, sql`f.ticket_id is not null`, sql`f.occurred_at >= ${q.from.toISOString()}::timestamptz`, sql`f.occurred_at < ${q.to.toISOString()}::timestamptz`, q.scope];
  if (q.groupBy && q.group !== undefined) conditions.push(sql`${groupExpression(q.groupBy)} = ${q.group}`);
  if (q.thenBy && q.thenGroup !== undefined) conditions.push(sql`${groupExpression(q.thenBy)} = ${q.thenGroup}`);
  if (q.weekday !== undefined && q.hour !== undefined) conditions.push(heatmapCell(q.weekday, q.hour, defaultTimeZone));
  const rows = await queryRows<{ ticket_id: string }>(db, sql`
    select f.ticket_id::text as ticket_id from report_facts f where ${sql.join(conditions, sql` and `)}
    group by f.ticket_id order by min(f.occurred_at) desc, f.ticket_id limit ${q.limit + 1}`);
  const truncated = rows.length > q.limit;
  const ids = rows.slice(0, q.limit).map((r) => r.ticket_id);
  const visible = await filterVisibleTicketIds(db, actor, ids);
  const shown = ids.filter((id) => visible.has(id));
  const briefs = await findTicketBriefs(db, shown);
  return { total: shown.length, truncated, tickets: shown.map((id) => ({ id, number: briefs.get(id)?.number ?? '', subject: briefs.get(id)?.subject ?? '' })) };
}
