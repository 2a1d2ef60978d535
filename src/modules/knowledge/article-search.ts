import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { searchLexemes, searchQuery, subjectQuery } from '../../search/segment.js';
import { readableBy, translationColumns } from './article-access.js';
import type { ArticleLocale, ArticleReader, ArticleStatus, ArticleVisibility } from './article-model.js';
import { kbArticles, kbArticleTranslations } from './schema.js';

export type ArticleHit = {
  id: string;
  slug: string;
  locale: ArticleLocale;
  title: string;
  snippet: string;
  status: ArticleStatus;
  visibility: ArticleVisibility;
  categoryId: string | null;
  tags: string[];
  updatedAt: Date;
  /** Suggestions only: the words of the ticket or subject the article matched. */
  matchedWords?: string[];
};

export type ArticleSearch = {
  q?: string;
  /** The reader's language: an article in both is shown in this one. */
  locale?: ArticleLocale;
  categoryId?: string;
  status?: ArticleStatus;
  limit: number;
  /** `public_reply`: only what may go into a reply the customer reads. */
  purpose?: 'read' | 'public_reply';
};

const hitColumns = {
  id: kbArticleTranslations.articleId,
  slug: kbArticles.slug,
  locale: kbArticleTranslations.locale,
  title: kbArticleTranslations.title,
  bodyText: sql<string>`left(${kbArticleTranslations.bodyText}, 2000)`,
  status: kbArticleTranslations.status,
  visibility: kbArticleTranslations.visibility,
  categoryId: kbArticles.categoryId,
  tags: kbArticles.tags,
  updatedAt: kbArticleTranslations.updatedAt,
};
type HitRow = { [K in keyof typeof hitColumns]: K extends 'bodyText' ? string : (typeof kbArticleTranslations.$inferSelect & typeof kbArticles.$inferSelect)[K extends 'id' ? 'articleId' : K] };

/** Planner settings for a search's own transaction (as tickets' searches: no parallel workers, no JIT). */
const searchSettings = sql`select set_config('max_parallel_workers_per_gather', '0', true), set_config('jit', 'off', true)`;

/**
 * Search articles (or list them, without `q`) as the reader may read them: the reader's filter is
 * part of the same SQL as the match (article-access.ts), so nothing unreadable is ever fetched,
 * counted or ranked. Exact like ticket search (each word a phrase, segment.ts); title hits first,
 * then newest. An article found in both languages is shown once, in the reader's language.
 */
export async function searchArticles(db: Db, reader: ArticleReader, search: ArticleSearch): Promise<ArticleHit[]> {
  const filters: SQL[] = [readableBy(reader, translationColumns, search.purpose)];
  if (search.categoryId) filters.push(eq(kbArticles.categoryId, search.categoryId));
  if (search.status) filters.push(eq(kbArticleTranslations.status, search.status));
  const q = search.q?.trim() ? searchQuery(search.q) : undefined;
  if (q === null) return [];
  const wanted = search.limit * 2;
  const rows = !q
    ? await selectHits(db).where(and(...filters)).orderBy(newestFirst).limit(wanted)
    : await db.transaction(async (tx) => {
        await tx.execute(searchSettings);
        // Title hits first, then the rest, each newest first (two reads: an ORDER BY on "is a
        // title hit" would have to test every match before the first row).
        const titles = await matching(tx, filters, subjectQuery(q), wanted, []);
        if (titles.length >= wanted) return titles;
        return [...titles, ...(await matching(tx, filters, q, wanted - titles.length, titles.map((r) => r.id)))];
      });
  return onePerArticle(rows, search.locale, search.limit).map((row) => present(row, search.q));
}

const selectHits = (tx: Db) => tx.select(hitColumns).from(kbArticleTranslations).innerJoin(kbArticles, eq(kbArticles.id, kbArticleTranslations.articleId));
const newestFirst = sql`${kbArticleTranslations.updatedAt} desc nulls last`;

/**
 * A search's readable matches are settled through the GIN index while they are few, and by walking
 * the readable articles newest first while they are many: a GIN bitmap costs as much as the word
 * has matches, and each match's document is tested again, so a common word (退款 in a third of the
 * articles) cost 2 s at 50 000 articles read whole and sorted (BENCHMARKS.md). Counting up to
 * `denseMatches` through the index stops early; above it, matches are dense enough that the walk
 * meets `limit` of them soon.
 */
const denseMatches = 300;
async function matching(tx: Db, filters: SQL[], tsquery: string, limit: number, exclude: string[]) {
  const conditions = [...filters, ...(exclude.length ? [sql`${kbArticleTranslations.articleId} <> all(${sql`array[${sql.join(exclude.map((id) => sql`${id}::uuid`), sql`, `)}]`})`] : [])];
  const capped = tx.select({ one: sql`1` }).from(kbArticleTranslations).innerJoin(kbArticles, eq(kbArticles.id, kbArticleTranslations.articleId)).where(and(...conditions, sql`${kbArticleTranslations.document} @@ ${tsquery}::tsquery`)).limit(denseMatches + 1).as('capped');
  const [{ count }] = (await tx.select({ count: sql<number>`count(*)::int` }).from(capped)) as [{ count: number }];
  if (count === 0) return [];
  if (count <= denseMatches) return selectHits(tx).where(and(...conditions, sql`${kbArticleTranslations.document} @@ ${tsquery}::tsquery`)).orderBy(newestFirst).limit(limit);
  // ts_match_vq is the function behind @@ in a form no GIN index serves. PostgreSQL still guesses
  // a phrase query rare and would read and sort every readable article (1 s at 50 000), so for this
  // one statement the plan may only walk an index in newest-first order.
  await tx.execute(sql`select set_config('enable_sort', 'off', true), set_config('enable_bitmapscan', 'off', true), set_config('enable_seqscan', 'off', true)`);
  const rows = await selectHits(tx).where(and(...conditions, sql`ts_match_vq(${kbArticleTranslations.document}, ${tsquery}::tsquery)`)).orderBy(newestFirst).limit(limit);
  await tx.execute(sql`select set_config('enable_sort', 'on', true), set_config('enable_bitmapscan', 'on', true), set_config('enable_seqscan', 'on', true)`);
  return rows;
}

function onePerArticle(rows: HitRow[], locale: ArticleLocale | undefined, limit: number): HitRow[] {
  const chosen = new Map<string, HitRow>();
  for (const row of rows) {
    const seen = chosen.get(row.id);
    if (!seen || (row.locale === locale && seen.locale !== locale)) chosen.set(row.id, row);
  }
  // Keep the order of each article's first appearance (title hits first, then newest).
  const order = [...new Set(rows.map((r) => r.id))];
  return order.map((id) => chosen.get(id)!).slice(0, limit);
}

function present(row: HitRow, q: string | undefined, matchedWords?: string[]): ArticleHit {
  const { bodyText, ...rest } = row;
  return { ...rest, snippet: snippetOf(bodyText, q), ...(matchedWords && { matchedWords }) };
}

/** About 120 characters of the body around the first word of the query found in it. */
export function snippetOf(text: string, q: string | undefined): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const lower = flat.toLowerCase();
  const at = (q ?? '').split(/\s+/).filter(Boolean).map((w) => lower.indexOf(w.toLowerCase())).filter((i) => i >= 0).sort((a, b) => a - b)[0] ?? 0;
  const start = Math.max(0, at - 40);
  return (start > 0 ? '…' : '') + flat.slice(start, start + 120) + (start + 120 < flat.length ? '…' : '');
}

const quote = (lexeme: string) => `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

/**
 * The terms a free text is matched by for suggestions (a ticket's subject and text, what a
 * customer is typing): its Chinese bigrams and Latin words, at most `maxTerms`, in text order.
 */
export function suggestionTerms(text: string, maxTerms = 40): string[] {
  const lexemes = searchLexemes(text.slice(0, 2000));
  const cjk = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+$/u;
  const terms = lexemes.filter((l) => (cjk.test(l) ? [...l].length === 2 : l.length >= 2 && !/^\d{1,2}$/.test(l)));
  // A one-character subject has no bigram: its character is the term.
  return (terms.length ? terms : lexemes).slice(0, maxTerms);
}

/**
 * Articles for a text that is not a query: any of its terms may match, ranked by how well
 * (title matches weigh most), top `limit`, each with the words of the text it matched. Filtered by
 * the reader's visibility in the same SQL, like every search.
 */
export async function suggestArticles(db: Db, reader: ArticleReader, text: string, options: { limit: number; locale?: ArticleLocale; purpose?: 'read' | 'public_reply' }): Promise<ArticleHit[]> {
  const terms = suggestionTerms(text);
  if (terms.length === 0) return [];
  const any = terms.map(quote).join(' | ');
  const termArray = sql`array[${sql.join(terms.map((t) => sql`${quote(t)}`), sql`, `)}]::text[]`;
  const matched = sql<string[]>`array(select term from unnest(${termArray}) term where ${kbArticleTranslations.document} @@ term::tsquery)`;
  const rows = await db.transaction(async (tx) => {
    await tx.execute(searchSettings);
    return tx
      .select({ ...hitColumns, matched })
      .from(kbArticleTranslations)
      .innerJoin(kbArticles, eq(kbArticles.id, kbArticleTranslations.articleId))
      .where(and(readableBy(reader, translationColumns, options.purpose), eq(kbArticleTranslations.status, 'published'), sql`${kbArticleTranslations.document} @@ ${any}::tsquery`, sql`(${kbArticleTranslations.articleId}, ${kbArticleTranslations.locale}) in (${candidates(reader, options.purpose, any)})`))
      .orderBy(desc(sql`ts_rank(${kbArticleTranslations.document}, ${any}::tsquery)`), desc(kbArticleTranslations.updatedAt))
      .limit(options.limit * 2);
  });
  const byId = new Map(rows.map((r) => [`${r.id}:${r.locale}`, r.matched.map((t) => t.slice(1, -1).replace(/''/g, "'"))]));
  return onePerArticle(rows, options.locale, options.limit).map((row) => present(row, undefined, wordsOf(text, byId.get(`${row.id}:${row.locale}`) ?? [])));
}

/**
 * Ranking reads each candidate's document: with common words (a ticket's text has dozens of
 * bigrams) every article is a candidate and ranking them all cost seconds at 50 000 articles. The
 * articles that match in the title or tags (weights A, B) come first, at most `rankedCandidates`;
 * only when there are none does the body alone qualify one.
 */
const rankedCandidates = 500;
function candidates(reader: ArticleReader, purpose: 'read' | 'public_reply' | undefined, any: string): SQL {
  const inTitle = any.replace(/('(?:[^']|'')*')/g, '$1:AB');
  const readable = and(readableBy(reader, translationColumns, purpose), eq(kbArticleTranslations.status, 'published'));
  return sql`(select article_id, locale from (
    (select ${kbArticleTranslations.articleId} as article_id, ${kbArticleTranslations.locale} as locale from ${kbArticleTranslations} where ${readable} and ${kbArticleTranslations.document} @@ ${inTitle}::tsquery limit ${rankedCandidates})
    union all
    (select ${kbArticleTranslations.articleId}, ${kbArticleTranslations.locale} from ${kbArticleTranslations} where ${readable} and ${kbArticleTranslations.document} @@ ${any}::tsquery and not exists (select 1 from ${kbArticleTranslations} where ${readable} and ${kbArticleTranslations.document} @@ ${inTitle}::tsquery) limit ${rankedCandidates})
  ) c)`;
}

/**
 * The matched terms as the words a person reads: adjacent bigrams of the text merged back
 * (打印 + 印机 → 打印机), Latin words as written.
 */
export function wordsOf(text: string, terms: readonly string[]): string[] {
  const chars = [...text.normalize('NFKC')];
  const lower = chars.map((c) => c.toLowerCase());
  const covered = new Array<boolean>(chars.length).fill(false);
  for (const term of terms) {
    const units = [...term];
    for (let i = 0; i + units.length <= lower.length; i++) {
      if (units.every((u, k) => lower[i + k] === u)) for (let k = 0; k < units.length; k++) covered[i + k] = true;
    }
  }
  const words: string[] = [];
  let run = '';
  for (let i = 0; i <= chars.length; i++) {
    if (i < chars.length && covered[i]) run += chars[i];
    else if (run) (words.push(run.trim()), (run = ''));
  }
  return [...new Set(words.filter(Boolean))];
}
