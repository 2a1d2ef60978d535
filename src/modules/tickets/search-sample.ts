import { and, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/database.js';
import { ticketSearch, tickets } from './schema.js';

/**
 * Whether a search has more matches than its count's cap, judged from a random sample of the
 * search documents' pages instead of counted: PostgreSQL's `TABLESAMPLE SYSTEM` reads each page
 * of ticket_search with the same probability f, and the matches on the pages it read, scaled by
 * 1/f, estimate the whole (Horvitz–Thompson). The answer is "more than the cap" only when the
 * estimate stays above the cap by `sampleSigmas` standard errors; else the caller counts exactly
 * through the GIN index, as before. A GIN bitmap costs as much as the query's words have
 * matches (E-42, `'12315':*` at 1M tickets: 50–90 ms); the sample a few ms for a common word and
 * 10–25 ms (quiet; 45 at load 14) for one in under ~2 % of tickets, whatever its matches.
 */

/**
 * Pages sampled (~4 documents of ~1.9 KB a page, kept inline: ~8 000 documents). At 1M tickets that
 * settles a search in more than ~0.4 % of tickets (TCL-55C 12315, 0.6 %: 6 259); a rarer one is
 * counted through the index. A table of fewer pages is read whole: the estimate is the exact count.
 */
export const searchSamplePages = 2_000;

/**
 * How many standard errors the estimate must clear above the cap. The variance is estimated from
 * the matches per sampled page, so matches clustered on pages (tickets written together) widen
 * the margin as they should. At 1M tickets (f = 0.8 %) a search of exactly 1 000 matches expects 8
 * in the sample and needs 30 to pass: a Poisson tail of 2e-9; on a small table, where the estimate
 * is nearly normal, ~3e-5 at exactly the cap, and less the further below it.
 */
export const sampleSigmas = 4;

/**
 * The sample's seed. Fixed, so every search reads the same ~16 MB of pages at 1M tickets (kept in
 * the operating system's page cache at least: a long walk newest first cycles PostgreSQL's 128 MB
 * of buffers) and the same search gets the same answer each time. A page is chosen by a hash of its
 * number and the seed, so pages added later are chosen the same way.
 */
export const searchSampleSeed = 20_261_207;

export type SampleTuning = { pages: number; seed: number };
export const defaultSampleTuning: SampleTuning = { pages: searchSamplePages, seed: searchSampleSeed };

/** What a sample saw: matches on its pages, their estimate over the table and a lower bound. */
export type SampleEstimate = { fraction: number; matches: number; estimate: number; lowerBound: number };

/**
 * The first look reads this share of the sample's pages and settles a word in more than ~2 % of
 * tickets at 1M (打印机, 的: a few ms, where the full sample costs 10–25 ms); only a rarer word pays
 * for the second, full look (whose pages include the first's: a smaller percentage with the same
 * seed chooses a subset). Two looks are two chances to be wrong: the chance of a false answer at
 * most doubles.
 */
const firstLookShare = 1 / 8;

/**
 * Samples the search's selection: whether it has more than `cap` matches. `conditions` are every
 * condition of the selection with the search test as `ts_match_vq` (a Sample Scan tests its rows;
 * no index is asked), so a reader's visibility and filters count as in the exact count;
 * `everyTicket` skips the join to tickets, which the others probe for matching documents only.
 * Returns the look that settled it, else the last one.
 */
export async function sampleSearch(db: Db, conditions: readonly SQL[], everyTicket: boolean, cap: number, tuning: SampleTuning): Promise<SampleEstimate | undefined> {
  if (tuning.pages <= 0) return undefined;
  const [size] = await queryRows<{ pages: number }>(db, sql`select (pg_relation_size('ticket_search') / current_setting('block_size')::int)::float8 as pages`);
  const tablePages = size?.pages ?? 0;
  if (tablePages <= 0) return undefined;
  // A table no larger than the sample is read whole, at once: its estimate is the exact count.
  const looks = tuning.pages >= tablePages ? [tuning.pages] : [Math.ceil(tuning.pages * firstLookShare), tuning.pages];
  let seen: SampleEstimate | undefined;
  for (const pages of looks) {
    seen = await samplePages(db, conditions, everyTicket, Math.min(100, (100 * pages) / tablePages), tuning.seed);
    if (seen.lowerBound > cap) break;
  }
  return seen;
}

async function samplePages(db: Db, conditions: readonly SQL[], everyTicket: boolean, percent: number, seed: number): Promise<SampleEstimate> {
  // PostgreSQL takes the percentage as a real (float4): the fraction must be the one it applies.
  const fraction = Math.fround(percent) / 100;
  const joinTickets = everyTicket ? sql`` : sql`inner join ${tickets} on ${tickets.id} = ${ticketSearch.ticketId}`;
  const [seen] = await queryRows<{ matches: number; squares: number }>(db, sql`
    select coalesce(sum(hits), 0)::float8 as matches, coalesce(sum(hits * hits), 0)::float8 as squares
    from (
      select (${ticketSearch}.ctid::text::point)[0] as page, count(*) as hits
      from ${ticketSearch} tablesample system (${Math.fround(percent)}::real) repeatable (${seed}::float8) ${joinTickets}
      where ${and(...conditions)}
      group by 1
    ) as sampled_pages`);
  const matches = seen?.matches ?? 0;
  const estimate = matches / fraction;
  // Var(estimate) = (1 − f)/f · Σ pages' hits², estimated from the sampled pages as (1 − f)/f² · Σ hits².
  const standardError = Math.sqrt(((1 - fraction) * (seen?.squares ?? 0)) / (fraction * fraction));
  return { fraction, matches, estimate, lowerBound: estimate - sampleSigmas * standardError };
}
