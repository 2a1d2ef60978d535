import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { searchQuery, subjectQuery } from '../../search/segment.js';
import { readableBy, translationColumns } from './article-access.js';
import { hitsOf, newestFirst, onePerArticle, present, selectHits, type ArticleHit } from './article-hits.js';
import { articleWalkBudget, documentMatch, firstMatches, titleMatch, walkOf } from './article-matches.js';
import type { ArticleLocale, ArticleReader, ArticleStatus } from './article-model.js';
import { kbArticles, kbArticleTranslations } from './schema.js';

export type { ArticleHit } from './article-hits.js';

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

/** Planner settings for a search's own transaction (as tickets' searches: no parallel workers, no JIT). */
export const searchSettings = sql`select set_config('max_parallel_workers_per_gather', '0', true), set_config('jit', 'off', true)`;

/**
 * Search articles (or list them, without `q`) as the reader may read them: the reader's filter is
 * part of the same SQL as the match (article-access.ts), so nothing unreadable is ever fetched,
 * counted or ranked. Exact like ticket search (each word a phrase, segment.ts); title hits first,
 * then newest. An article found in both languages is shown once, in the reader's language.
 * `walkBudget` is how far a common word is walked before the index is asked (article-matches.ts);
 * only tests change it, to take either path on a small table.
 */
export async function searchArticles(db: Db, reader: ArticleReader, search: ArticleSearch, walkBudget = articleWalkBudget): Promise<ArticleHit[]> {
  const filters: SQL[] = [readableBy(reader, translationColumns, search.purpose)];
  // As a condition on the translation alone, so a search reads one table until it has its page.
  if (search.categoryId) filters.push(inArray(kbArticleTranslations.articleId, db.select({ id: kbArticles.id }).from(kbArticles).where(eq(kbArticles.categoryId, search.categoryId))));
  if (search.status) filters.push(eq(kbArticleTranslations.status, search.status));
  const q = search.q?.trim() ? searchQuery(search.q) : undefined;
  if (q === null) return [];
  const wanted = search.limit * 2;
  const rows = !q
    ? await selectHits(db).where(and(...filters)).orderBy(newestFirst).limit(wanted)
    : await db.transaction(async (tx) => {
        await tx.execute(searchSettings);
        const walk = walkOf(tx, walkBudget);
        // Title hits first, then the rest, each newest first (two reads: an ORDER BY on "is a
        // title hit" would have to test every match before the first row).
        const titles = await firstMatches(tx, filters, titleMatch(subjectQuery(q)), wanted, walk);
        const rest = titles.length >= wanted ? [] : await firstMatches(tx, [...filters, notAmong(titles)], documentMatch(q), wanted - titles.length, walk);
        return hitsOf(tx, [...titles, ...rest]);
      });
  return onePerArticle(rows, search.locale, search.limit).map((row) => present(row, search.q));
}

function notAmong(keys: ReadonlyArray<{ articleId: string }>): SQL {
  if (keys.length === 0) return sql`true`;
  return sql`${kbArticleTranslations.articleId} <> all(array[${sql.join(keys.map((k) => sql`${k.articleId}::uuid`), sql`, `)}])`;
}
