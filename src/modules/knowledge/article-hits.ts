import { eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import type { ArticleLocale, ArticleStatus, ArticleVisibility } from './article-model.js';
import { kbArticles, kbArticleTranslations } from './schema.js';

/** One article as a search or a suggestion shows it. */
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

/** A translation found by a search: its primary key. */
export type MatchKey = { articleId: string; locale: ArticleLocale };

export const hitColumns = {
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
export type HitRow = { [K in keyof typeof hitColumns]: K extends 'bodyText' ? string : (typeof kbArticleTranslations.$inferSelect & typeof kbArticles.$inferSelect)[K extends 'id' ? 'articleId' : K] };

export const selectHits = (tx: Db) => tx.select(hitColumns).from(kbArticleTranslations).innerJoin(kbArticles, eq(kbArticles.id, kbArticleTranslations.articleId));
export const newestFirst = sql`${kbArticleTranslations.updatedAt} desc nulls last`;

/**
 * `(article_id, locale) in (…)` for translations already found (and checked readable) by the query
 * that found them: a join on their primary keys (a list of row values would be tested on every row).
 */
export function keyIn(keys: readonly MatchKey[]): SQL {
  const ids = sql`array[${sql.join(keys.map((k) => sql`${k.articleId}`), sql`, `)}]::uuid[]`;
  const locales = sql`array[${sql.join(keys.map((k) => sql`${k.locale}`), sql`, `)}]::text[]`;
  return sql`(${kbArticleTranslations.articleId}, ${kbArticleTranslations.locale}) in (select * from unnest(${ids}, ${locales}))`;
}

/** The rows of found translations, in the order they were found. */
export async function hitsOf(tx: Db, keys: readonly MatchKey[]): Promise<HitRow[]> {
  if (keys.length === 0) return [];
  const rows = await selectHits(tx).where(keyIn(keys));
  const byKey = new Map(rows.map((r) => [`${r.id}:${r.locale}`, r]));
  return keys.flatMap((k) => byKey.get(`${k.articleId}:${k.locale}`) ?? []);
}

/** An article found in both languages once, in the reader's language, in the order of its first appearance. */
export function onePerArticle<R extends { id: string; locale: ArticleLocale }>(rows: readonly R[], locale: ArticleLocale | undefined, limit: number): R[] {
  const chosen = new Map<string, R>();
  for (const row of rows) {
    const seen = chosen.get(row.id);
    if (!seen || (row.locale === locale && seen.locale !== locale)) chosen.set(row.id, row);
  }
  const order = [...new Set(rows.map((r) => r.id))];
  return order.map((id) => chosen.get(id)!).slice(0, limit);
}

export function present(row: HitRow, q: string | undefined, matchedWords?: string[]): ArticleHit {
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
