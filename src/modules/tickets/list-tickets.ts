import { and, eq, sql, type SQL } from 'drizzle-orm';
import { invalidField } from '../../app/errors.js';
import type { Db } from '../../db/database.js';
import { searchQuery, subjectQuery } from '../../search/segment.js';
import type { Actor } from '../auth/index.js';
import { ticketSearch, tickets } from './schema.js';
import { combinedQuery, filterConditions, type SearchScope, type TicketFilters } from './ticket-filters.js';
import { afterCursor, decodeCursor, defaultTicketSort, encodeCursor, keyValues, orderBy, sortKeys, type TicketSort } from './ticket-sort.js';
import type { TicketRow } from './ticket-view.js';
import { resolveView } from './ticket-views.js';
import { visibleTo } from './visibility.js';

export type TicketFilter = TicketFilters & {
  /** A built-in view's key or a saved view's id: its filters apply too (AND), and its sort unless `sort` is given. */
  view?: string;
  /** With `q`: whether the view's filters still apply (`view`) or not (`all`, the default). */
  scope?: SearchScope;
  /** Default: the view's sort (not when searching all tickets), else `-updatedAt`, newest first. */
  sort?: TicketSort;
  cursor?: string;
  limit: number;
};

/** Counting search hits stops here ("1000+"): a count of every match would cost what ranking did. */
export const searchCountCap = 1_000;

/** What a search found, on the first page of its results. */
export type SearchSummary = { scope: SearchScope; total: number; totalCapped: boolean };

/** Which tickets a list shows, before ordering: visibility, every filter set, and the search (last). */
export type TicketSelection = { conditions: SQL[]; tsquery?: string; empty: boolean };

export function selectTickets(actor: Actor, filterSets: readonly TicketFilters[]): TicketSelection {
  const conditions: SQL[] = [visibleTo(actor), ...filterSets.flatMap((f) => filterConditions(actor, f))];
  const q = combinedQuery(filterSets);
  if (q === undefined) return { conditions, empty: false };
  const tsquery = searchQuery(q);
  // A query of only punctuation matches nothing.
  if (!tsquery) return { conditions, empty: true };
  conditions.push(sql`${ticketSearch.document} @@ ${tsquery}::tsquery`);
  return { conditions, tsquery, empty: false };
}

/** The base query of a selection: tickets, joined to their search documents when searching. */
export function fromSelection<S extends Parameters<Db['select']>[0] & object>(db: Db, selection: TicketSelection, columns: S) {
  const query = db.select(columns).from(tickets).$dynamic();
  return selection.tsquery ? query.innerJoin(ticketSearch, eq(ticketSearch.ticketId, tickets.id)) : query;
}

/** How many tickets a selection holds, counting no further than `cap` + 1. */
async function countSelection(db: Db, selection: TicketSelection, cap: number): Promise<number> {
  const matching = fromSelection(db, selection, { one: sql`1` }).where(and(...selection.conditions)).limit(cap + 1).as('matching');
  const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(matching);
  return row!.count;
}

/**
 * A selection's conditions with its search test (always the last one, see selectTickets) in a
 * form no GIN index serves: `ts_match_vq` is the function behind `@@` (see listTickets).
 */
function walkConditions(selection: TicketSelection, tsquery: string): SQL[] {
  return [...selection.conditions.slice(0, -1), sql`ts_match_vq(${ticketSearch.document}, ${tsquery}::tsquery)`];
}

/**
 * Keyset pagination in a stable, total order (see ticket-sort.ts). The cursor carries the sort it
 * was issued for and is opaque to clients. A search is ordered newest first unless asked otherwise:
 * PostgreSQL then walks tickets_updated_idx and stops after a page of hits, where a rank over every
 * match cost ~750 ms for a common word at 1M tickets (BENCHMARKS.md).
 */
export async function listTickets(
  db: Db,
  actor: Actor,
  filter: TicketFilter,
): Promise<{ items: TicketRow[]; nextCursor: string | null; search: SearchSummary | null }> {
  const { view: viewRef, scope: requestedScope, sort: requestedSort, cursor: rawCursor, limit, ...own } = filter;
  const searchingOwn = own.q !== undefined && own.q.trim() !== '';
  const scope: SearchScope = searchingOwn ? (requestedScope ?? 'all') : 'view';
  // Searching all tickets: the view is not even resolved (its filters and sort do not apply).
  const view = viewRef && scope === 'view' ? await resolveView(db, actor, viewRef, 'view') : undefined;
  const filterSets = view ? [view.filters, own] : [own];
  const searching = combinedQuery(filterSets) !== undefined;
  const sort = requestedSort ?? view?.sort ?? defaultTicketSort;
  if (sort === 'relevance' && !searching) throw invalidField('sort', 'ticket.relevance_needs_query');

  const selection = selectTickets(actor, filterSets);
  const summary = (total: number): SearchSummary | null =>
    searchingOwn && !rawCursor ? { scope, total: Math.min(total, searchCountCap), totalCapped: total > searchCountCap } : null;
  if (selection.empty) return { items: [], nextCursor: null, search: summary(0) };
  const subjectHit = selection.tsquery ? sql`(${ticketSearch.document} @@ ${subjectQuery(selection.tsquery)}::tsquery)::int` : undefined;
  const keys = sortKeys(sort, subjectHit);
  const cursor = rawCursor ? decodeCursor(rawCursor, sort, keys) : undefined;
  const conditions = cursor ? [...selection.conditions, afterCursor(keys, cursor.values)] : selection.conditions;

  // A search counts its matches first (up to the cap). PostgreSQL estimates phrase queries far too
  // rare (179 rows for 40分钟 where 7 518 matched at 200k tickets), so left alone it reads every
  // match through the GIN index and sorts them (3 s). When there are more matches than the cap,
  // the page is read by walking the sort's index instead, testing each ticket with the function
  // behind `@@` (which the GIN index cannot serve): a common word fills a page within a few
  // hundred tickets. Below the cap, reading every match and sorting is cheap.
  const counted = selection.tsquery ? await countSelection(db, selection, searchCountCap) : 0;
  const walk = selection.tsquery && counted > searchCountCap ? [...walkConditions(selection, selection.tsquery), ...conditions.slice(selection.conditions.length)] : conditions;
  const rows = await fromSelection(db, selection, { ticket: tickets, keys: keyValues(keys) })
    .where(and(...walk))
    .orderBy(...orderBy(keys))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const total = rows.length <= limit && !cursor ? page.length : counted;
  return { items: page.map((r) => r.ticket), nextCursor: rows.length > limit && last ? encodeCursor({ sort, values: last.keys }) : null, search: summary(total) };
}
