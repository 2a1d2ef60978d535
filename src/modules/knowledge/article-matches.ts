import { and, gte, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/database.js';
import type { MatchKey } from './article-hits.js';
import { kbArticleTranslations } from './schema.js';

/**
 * The title-and-tags part of a translation's search document (weights A and B, articleDocument),
 * spelled exactly as kb_article_translations_title_idx indexes it so the planner can use it.
 */
export const titleDocument = sql`ts_filter(${kbArticleTranslations.document}, '{a,b}'::"char"[])`;

/** One test of a search, in the form a GIN index serves (`indexed`) and in a form none does (`walked`). */
export type MatchTest = { indexed: SQL; walked: SQL; tsquery: string };

/** Title hits: the title document through its own index; a walk tests the weight-A query on the whole document. */
export const titleMatch = (titleQuery: string): MatchTest => ({
  indexed: sql`${titleDocument} @@ ${titleQuery}::tsquery`,
  walked: sql`ts_match_vq(${kbArticleTranslations.document}, ${titleQuery}::tsquery)`,
  tsquery: titleQuery,
});

/** Title, tags or body. ts_match_vq is the function behind `@@`, in a form no GIN index serves. */
export const documentMatch = (tsquery: string): MatchTest => ({
  indexed: sql`${kbArticleTranslations.document} @@ ${tsquery}::tsquery`,
  walked: sql`ts_match_vq(${kbArticleTranslations.document}, ${tsquery}::tsquery)`,
  tsquery,
});

/**
 * How many of the newest translations a search tests one by one before it asks the GIN index.
 * At 50 000 articles (66 667 translations, ~5 kB documents inline) a walk of 2 000 that found
 * nothing cost ~10 ms at load 10; a word the reader reads in more than ~4 % of translations (twice
 * a page of 40 within 2 000, walkMargin) is walked and never builds a bitmap, whose cost grows
 * with every match, readable or not (BENCHMARKS.md).
 */
export const articleWalkBudget = 2_000;

/**
 * The first `limit` translations that pass `filters` (the reader's, inside the SQL) and `test`,
 * newest first. When PostgreSQL's estimate says the word is common enough to fill the page within
 * the newest `walkBudget` translations, those are walked newest first and each tested; if they
 * fill the page, that page is exact (every translation not walked is older). Otherwise — a rare
 * word, or a common one the reader may seldom read (every article titled 退款 internal, for a
 * visitor) — the GIN index finds every match and the newest are kept: its cost is the word's
 * matches, never the table, which a planner left alone paid by scanning in either order.
 */
export async function firstMatches(tx: Db, filters: readonly SQL[], test: MatchTest, limit: number, walk: Walk): Promise<MatchKey[]> {
  if (await walkMayFill(tx, filters, test, limit, walk)) {
    const cutoff = await walk.cutoff();
    const walked = await newestMatches(tx, [...filters, test.walked, ...(cutoff ? [gte(kbArticleTranslations.updatedAt, cutoff)] : [])], limit, onlyOrderedWalk);
    // Also exact when the walk covered the whole table (no cutoff).
    if (walked.length >= limit || !cutoff) return walked;
  }
  return newestMatches(tx, [...filters, test.indexed], limit, onlyBitmaps);
}

/** What the passes of one search share, each read once when first needed: the table's size and the walk's cutoff. */
export type Walk = { budget: number; tableRows: () => Promise<number>; cutoff: () => Promise<Date | undefined> };

export function walkOf(tx: Db, budget: number): Walk {
  let rows: Promise<number> | undefined;
  let cutoff: Promise<Date | undefined> | undefined;
  return { budget, tableRows: () => (rows ??= tableRows(tx)), cutoff: () => (cutoff ??= walkCutoff(tx, budget)) };
}

async function tableRows(tx: Db): Promise<number> {
  const [table] = await queryRows<{ rows: number }>(tx, sql`select reltuples::float8 as rows from pg_class where oid = 'kb_article_translations'::regclass`);
  return table?.rows ?? 0;
}

/**
 * Expected matches within the walk, over the page it must fill: a walk expected to only just fill
 * it fails about half the time, and a failed walk costs its ~2 000 rows on top of the index read
 * (10 ms for 退款 in titles, none of them a visitor's, at 50 000 articles).
 */
const walkMargin = 2;

/**
 * Whether the walk is likely to fill the page: PostgreSQL's estimate of the reader's matches, spread
 * evenly over the table, puts `walkMargin` × `limit` of them within the newest `walk.budget`. It
 * estimates a word's matches closely, a phrase's far too low (as if its bigrams were independent;
 * list-tickets.ts measured 4–40×), hence the slack; the reader's filter as independent of the word.
 * A small or never-analysed table is walked whole.
 */
async function walkMayFill(tx: Db, filters: readonly SQL[], test: MatchTest, limit: number, walk: Walk): Promise<boolean> {
  const rows = await walk.tableRows();
  if (rows <= walk.budget) return true;
  const [plan] = await queryRows<{ 'QUERY PLAN': unknown }>(tx, sql`explain (format json) select 1 from ${kbArticleTranslations} where ${and(...filters, test.indexed)}`);
  const json = plan?.['QUERY PLAN'];
  const estimated = (typeof json === 'string' ? JSON.parse(json) : json) as Array<{ Plan: { 'Plan Rows': number } }>;
  const slack = test.tsquery.includes('<') ? 10 : 1;
  return (estimated[0]!.Plan['Plan Rows'] * slack * walk.budget) / rows >= walkMargin * limit;
}

/** The `updated_at` of the `walkBudget`-th newest translation (none when the table has fewer): an index-only read. */
async function walkCutoff(tx: Db, walkBudget: number): Promise<Date | undefined> {
  const [row] = await tx
    .select({ at: kbArticleTranslations.updatedAt })
    .from(kbArticleTranslations)
    .orderBy(sql`${kbArticleTranslations.updatedAt} desc nulls last`)
    .offset(walkBudget - 1)
    .limit(1);
  return row?.at;
}

/**
 * Planner settings for one statement (transaction-local, reset after it). The walk may only read an
 * index in newest-first order (PostgreSQL guesses phrases rare and would otherwise read and sort
 * every readable article); the index read may only use bitmaps (left alone, it walked all 66 667
 * translations newest first for a common word none of the reader's articles held).
 */
const onlyOrderedWalk = ['enable_sort', 'enable_bitmapscan', 'enable_seqscan'] as const;
const onlyBitmaps = ['enable_indexscan', 'enable_seqscan'] as const;

async function newestMatches(tx: Db, conditions: readonly SQL[], limit: number, disabled: readonly string[]): Promise<MatchKey[]> {
  return withPlannerOff(tx, disabled, () =>
    tx
      .select({ articleId: kbArticleTranslations.articleId, locale: kbArticleTranslations.locale })
      .from(kbArticleTranslations)
      .where(and(...conditions))
      .orderBy(sql`${kbArticleTranslations.updatedAt} desc nulls last`)
      .limit(limit),
  );
}

/** One statement read through bitmaps only (suggestions' candidates: see newestMatches for why). */
export const throughBitmaps = <T>(tx: Db, statement: () => Promise<T>): Promise<T> => withPlannerOff(tx, onlyBitmaps, statement);

/** Runs one statement with some plan types turned off for it alone (transaction-local settings, turned back on after). */
async function withPlannerOff<T>(tx: Db, disabled: readonly string[], statement: () => Promise<T>): Promise<T> {
  const set = (value: 'on' | 'off') => sql.raw(`select ${disabled.map((name) => `set_config('${name}', '${value}', true)`).join(', ')}`);
  await tx.execute(set('off'));
  const result = await statement();
  await tx.execute(set('on'));
  return result;
}
