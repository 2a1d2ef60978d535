import { and, eq, sql, type SQL } from 'drizzle-orm';
import { invalidField } from '../../app/errors.js';
import { queryRows, type Db } from '../../db/database.js';
import { searchQuery, subjectQuery } from '../../search/segment.js';
import type { Actor } from '../auth/index.js';
import { ticketSearch, tickets } from './schema.js';
import { assertSortableField, filterableFields } from './custom-field-filters.js';
import { combinedQuery, filterConditions, filtersByCustomField, type CustomFilterContext, type SearchScope, type TicketFilters } from './ticket-filters.js';
import { cursorSteps, customSortKey, decodeCursor, defaultTicketSort, encodeCursor, keyValues, orderBy, sortKeys, type TicketSort } from './ticket-sort.js';
import type { TicketRow } from './ticket-view.js';
import { resolveView } from './ticket-views.js';
import { defaultSampleTuning, sampleSearch, type SampleTuning } from './search-sample.js';
import { seesEveryTicket, visibleTo } from './visibility.js';

export type TicketFilter = TicketFilters & {
  /** A built-in view's key or a saved view's id: its filters apply too (AND), and its sort unless `sort` is given. */
  view?: string;
  /** With `q`: whether the view's filters still apply (`view`) or not (`all`, the default). */
  scope?: SearchScope;
  /** Default: the view's sort (not when searching all tickets), else `-updatedAt`, newest first. */
  sort?: TicketSort;
  cursor?: string;
  limit: number;
  /** Conditions of filters other modules contribute (contributed-filters.ts: the workflow module's `stage`), ANDed with the rest. */
  contributed?: readonly SQL[];
};

/** Counting search hits stops here ("1000+"): a count of every match would cost what ranking did. */
export const searchCountCap = 1_000;

/**
 * Whether sampling may settle the count (search-sample.ts): PostgreSQL's estimate of how many
 * documents match says the word may have more than the cap. Its estimates of words are close
 * (E-42: 50 559 for 50 565 at 1M tickets); a phrase is estimated as if its bigrams were
 * independent, 4–40× too low (打印机: 54 973 for 211 902; 40分钟: 876 for 37 638), hence the
 * slack. A rare word then costs only the index (火星探测器: ~5 ms). Without statistics (a new
 * database, or PGlite, which has no autovacuum) it samples: the sample's size is bounded anyway.
 */
async function worthSampling(db: Db, tsquery: string): Promise<boolean> {
  const [plan] = await queryRows<{ 'QUERY PLAN': unknown }>(db, sql`explain (format json) select 1 from ${ticketSearch} where ${ticketSearch.document} @@ ${tsquery}::tsquery`);
  const [table] = await queryRows<{ rows: number }>(db, sql`select reltuples::float8 as rows from pg_class where oid = 'ticket_search'::regclass`);
  if ((table?.rows ?? 0) <= 0) return true;
  const json = plan?.['QUERY PLAN'];
  const estimated = (typeof json === 'string' ? JSON.parse(json) : json) as Array<{ Plan: { 'Plan Rows': number } }>;
  const slack = tsquery.includes('<') ? 10 : 1;
  return estimated[0]!.Plan['Plan Rows'] * slack > searchCountCap;
}

/** What a search found, on the first page of its results. */
export type SearchSummary = { scope: SearchScope; total: number; totalCapped: boolean };

/** Which tickets a list shows, before ordering: visibility, every filter set, and the search (last). */
export type TicketSelection = {
  conditions: SQL[];
  tsquery?: string;
  empty: boolean;
  /** No condition but the search: every ticket is a candidate, and the search needs no join to tickets to count. */
  everyTicket: boolean;
};

export function selectTickets(actor: Actor, filterSets: readonly TicketFilters[], custom?: CustomFilterContext, contributed: readonly SQL[] = []): TicketSelection {
  const filters = [...filterSets.flatMap((f) => filterConditions(actor, f, custom)), ...contributed];
  const conditions: SQL[] = [visibleTo(actor), ...filters];
  const everyTicket = seesEveryTicket(actor) && filters.length === 0;
  const q = combinedQuery(filterSets);
  if (q === undefined) return { conditions, empty: false, everyTicket };
  const tsquery = searchQuery(q);
  // A query of only punctuation matches nothing.
  if (!tsquery) return { conditions, empty: true, everyTicket };
  conditions.push(sql`${ticketSearch.document} @@ ${tsquery}::tsquery`);
  return { conditions, tsquery, empty: false, everyTicket };
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
 * Planner settings for a search's own transaction. No parallel workers: starting two for a page of
 * 25 cost 100–200 ms on the loaded 2-vCPU machine, and a search never scans enough to gain from
 * them. No JIT: a common word's count is estimated above PostgreSQL's JIT threshold, and compiling
 * costs more than running it. 32 MB of work memory keeps the GIN bitmap of a common word exact:
 * at 4 MB it turned lossy and every document on a lossy page was tested (打印机 at 1M tickets:
 * 6 768 needless tests → 78). Set per transaction, so nothing else on the database changes.
 */
const searchSettings = sql`select set_config('max_parallel_workers_per_gather', '0', true), set_config('jit', 'off', true), set_config('work_mem', '32MB', true)`;

/**
 * Keyset pagination in a stable, total order (see ticket-sort.ts). The cursor carries the sort it
 * was issued for and is opaque to clients. A search is ordered newest first unless asked otherwise:
 * PostgreSQL then walks tickets_updated_idx and stops after a page of hits, where a rank over every
 * match cost ~750 ms for a common word at 1M tickets (BENCHMARKS.md). `tuning` is the count's
 * sample (tests choose its size and seed to force each path).
 */
export async function listTickets(
  db: Db,
  actor: Actor,
  filter: TicketFilter,
  tuning: SampleTuning = defaultSampleTuning,
): Promise<{ items: TicketRow[]; nextCursor: string | null; search: SearchSummary | null }> {
  const { view: viewRef, scope: requestedScope, sort: requestedSort, cursor: rawCursor, limit, contributed, ...own } = filter;
  const searchingOwn = own.q !== undefined && own.q.trim() !== '';
  const scope: SearchScope = searchingOwn ? (requestedScope ?? 'all') : 'view';
  // Searching all tickets: the view is not even resolved (its filters and sort do not apply).
  const view = viewRef && scope === 'view' ? await resolveView(db, actor, viewRef, 'view') : undefined;
  const filterSets = view ? [view.filters, own] : [own];
  const searching = combinedQuery(filterSets) !== undefined;
  const sort = requestedSort ?? view?.sort ?? defaultTicketSort;
  if (sort === 'relevance' && !searching) throw invalidField('sort', 'ticket.relevance_needs_query');

  const customSort = customSortKey(sort);
  const custom = filtersByCustomField(filterSets) || customSort ? { fields: await filterableFields(db), strict: true } : undefined;
  if (customSort) assertSortableField(customSort, custom!.fields);
  const selection = selectTickets(actor, filterSets, custom, contributed);
  const summary = (total: number): SearchSummary | null =>
    searchingOwn && !rawCursor ? { scope, total: Math.min(total, searchCountCap), totalCapped: total > searchCountCap } : null;
  if (selection.empty) return { items: [], nextCursor: null, search: summary(0) };
  const subjectHit = selection.tsquery ? sql`(${ticketSearch.document} @@ ${subjectQuery(selection.tsquery)}::tsquery)::int` : undefined;
  const keys = sortKeys(sort, subjectHit);
  const cursor = rawCursor ? decodeCursor(rawCursor, sort, keys) : undefined;
  // After a cursor the page may take more than one read (cursorSteps): each read's rows follow the last's.
  const steps: Array<SQL | undefined> = cursor ? cursorSteps(keys, cursor.values) : [undefined];

  // A search counts its matches first (up to the cap): from a random sample of the search
  // documents' pages when it shows far more matches than the cap (search-sample.ts), else exactly
  // through the GIN index. PostgreSQL estimates phrase queries far too rare (179 rows for 40分钟
  // where 7 518 matched at 200k tickets), so left alone it reads every match through the GIN
  // index and sorts them (3 s). When there are more matches than the cap, the page is read by
  // walking the sort's index instead, testing each ticket with the function behind `@@` (which
  // the GIN index cannot serve): a common word fills a page within a few hundred tickets. Below
  // the cap, reading every match and sorting is cheap.
  const read = async (reader: Db) => {
    let counted = 0;
    if (selection.tsquery) {
      const sampled = tuning.pages > 0 && (await worthSampling(reader, selection.tsquery)) ? await sampleSearch(reader, walkConditions(selection, selection.tsquery), selection.everyTicket, searchCountCap, tuning) : undefined;
      counted = sampled && sampled.lowerBound > searchCountCap ? searchCountCap + 1 : await countSelection(reader, selection, searchCountCap);
    }
    const base = selection.tsquery && counted > searchCountCap ? walkConditions(selection, selection.tsquery) : selection.conditions;
    const rows: Array<{ ticket: TicketRow; keys: string[] }> = [];
    for (const step of steps) {
      rows.push(
        ...(await fromSelection(reader, selection, { ticket: tickets, keys: keyValues(keys) })
          .where(and(...base, ...(step ? [step] : [])))
          .orderBy(...orderBy(keys))
          .limit(limit + 1 - rows.length)),
      );
      if (rows.length > limit) break;
    }
    return { counted, rows };
  };
  const { counted, rows } = selection.tsquery ? await db.transaction(async (tx) => (await tx.execute(searchSettings), read(tx))) : await read(db);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const total = rows.length <= limit && !cursor ? page.length : counted;
  return { items: page.map((r) => r.ticket), nextCursor: rows.length > limit && last ? encodeCursor({ sort, values: last.keys }) : null, search: summary(total) };
}
