import { and, sql } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import type { Actor } from '../auth/index.js';
import { fromSelection, selectTickets } from './list-tickets.js';
import { listTicketViews } from './ticket-views.js';
import { filterableFields } from './custom-field-filters.js';
import { filtersByCustomField } from './ticket-filters.js';

/** Counting stops here: a queue of "10000+" needs no exact figure, and the count stays cheap. */
export const viewCountCap = 10_000;

export type ViewCounts = { counts: Record<string, number>; capped: string[]; cap: number };

/**
 * How many tickets each of the caller's views (built-in and saved) lists, seen as the caller sees
 * them: the same selection as the list, one bounded query per view.
 */
export async function countTicketViews(db: Db, actor: Actor, cap = viewCountCap): Promise<ViewCounts> {
  const views = await listTicketViews(db, actor);
  // One view after another: up to 55 views must not take every pooled connection at once.
  const counted: (readonly [string, number])[] = [];
  // A saved view may filter by a field no longer filterable: it then counts nothing (not an error).
  const custom = filtersByCustomField(views.map((v) => v.filters)) ? { fields: await filterableFields(db), strict: false } : undefined;
  for (const view of views) {
    const selection = selectTickets(actor, [view.filters], custom);
    if (selection.empty) {
      counted.push([view.id, 0]);
      continue;
    }
    const matching = fromSelection(db, selection, { one: sql`1` }).where(and(...selection.conditions)).limit(cap + 1).as('matching');
    const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(matching);
    counted.push([view.id, row!.count]);
  }
  const capped = counted.filter(([, n]) => n > cap).map(([id]) => id);
  return { counts: Object.fromEntries(counted.map(([id, n]) => [id, Math.min(n, cap)])), capped, cap };
}
