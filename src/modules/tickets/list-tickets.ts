import { and, eq, sql, type SQL } from 'drizzle-orm';
import { invalidField } from '../../app/errors.js';
import type { Db } from '../../db/database.js';
import { searchQuery } from '../../search/segment.js';
import type { Actor } from '../auth/index.js';
import { ticketSearch, tickets } from './schema.js';
import { combinedQuery, filterConditions, type TicketFilters } from './ticket-filters.js';
import { afterCursor, decodeCursor, defaultTicketSort, encodeCursor, keyValues, orderBy, sortKeys, type TicketSort } from './ticket-sort.js';
import type { TicketRow } from './ticket-view.js';
import { resolveView } from './ticket-views.js';
import { visibleTo } from './visibility.js';

export type TicketFilter = TicketFilters & {
  /** A built-in view's key or a saved view's id: its filters apply too (AND), and its sort unless `sort` is given. */
  view?: string;
  /** Default: relevance when searching with `q`, else the view's sort, else `-updatedAt`. */
  sort?: TicketSort;
  cursor?: string;
  limit: number;
};

/** Which tickets a list shows, before ordering: visibility, every filter set, and the search. */
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

/**
 * Keyset pagination in a stable, total order (see ticket-sort.ts). The cursor carries the sort it
 * was issued for and is opaque to clients.
 */
export async function listTickets(db: Db, actor: Actor, filter: TicketFilter): Promise<{ items: TicketRow[]; nextCursor: string | null }> {
  const { view: viewRef, sort: requestedSort, cursor: rawCursor, limit, ...own } = filter;
  const view = viewRef ? await resolveView(db, actor, viewRef, 'view') : undefined;
  const filterSets = view ? [view.filters, own] : [own];
  const searching = combinedQuery(filterSets) !== undefined;
  const sort = requestedSort ?? (own.q ? 'relevance' : view?.sort) ?? (searching ? 'relevance' : defaultTicketSort);
  if (sort === 'relevance' && !searching) throw invalidField('sort', 'ticket.relevance_needs_query');

  const selection = selectTickets(actor, filterSets);
  if (selection.empty) return { items: [], nextCursor: null };
  const rank = selection.tsquery ? sql`ts_rank(${ticketSearch.document}, ${selection.tsquery}::tsquery)` : undefined;
  const keys = sortKeys(sort, rank);
  const cursor = rawCursor ? decodeCursor(rawCursor, sort, keys) : undefined;
  const conditions = cursor ? [...selection.conditions, afterCursor(keys, cursor.values)] : selection.conditions;

  const rows = await fromSelection(db, selection, { ticket: tickets, keys: keyValues(keys) })
    .where(and(...conditions))
    .orderBy(...orderBy(keys))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { items: page.map((r) => r.ticket), nextCursor: rows.length > limit && last ? encodeCursor({ sort, values: last.keys }) : null };
}
