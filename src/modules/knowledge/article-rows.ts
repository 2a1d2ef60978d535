import { and, desc, eq } from 'drizzle-orm';
import type { Tx } from '../../db/database.js';
import { searchDocument } from '../../search/segment.js';
import type { ArticleContent, ArticleLocale, ArticleStatus } from './article-model.js';
import { kbArticles, kbArticleTranslations, kbArticleVersions } from './schema.js';

export type ArticleRow = typeof kbArticles.$inferSelect;

/**
 * The search document of one translation: title (A), tags (B), body (C), each its own field so a
 * phrase never runs from the title into the body (segment.ts). Title hits rank first (weight A).
 */
export function articleDocument(title: string, tags: readonly string[], bodyText: string): string {
  return searchDocument([
    { text: title, weight: 'A' },
    ...tags.map((tag) => ({ text: tag, weight: 'B' as const })),
    { text: bodyText, weight: 'C' },
  ]);
}

/** Replace an article's translations with `content`'s, copying the state and visibility the search filters on. */
export async function writeTranslations(tx: Tx, articleId: string, content: ArticleContent, status: ArticleStatus, now: Date): Promise<void> {
  await tx.delete(kbArticleTranslations).where(eq(kbArticleTranslations.articleId, articleId));
  if (content.translations.length === 0) return;
  await tx.insert(kbArticleTranslations).values(
    content.translations.map((t) => ({
      articleId,
      locale: t.locale,
      title: t.title,
      bodyHtml: t.bodyHtml,
      bodyText: t.bodyText,
      status,
      visibility: content.visibility,
      organizationIds: content.organizationIds,
      tierKeys: content.tierKeys,
      ownerId: content.ownerId,
      document: articleDocument(t.title, content.tags, t.bodyText),
      updatedAt: now,
    })),
  );
}

/** A state change touches only the copies on the translations, not their documents. */
export async function copyStatus(tx: Tx, articleId: string, status: ArticleStatus, now: Date): Promise<void> {
  await tx.update(kbArticleTranslations).set({ status, updatedAt: now }).where(eq(kbArticleTranslations.articleId, articleId));
}

export async function writeVersion(tx: Tx, input: { articleId: string; number: number; content: ArticleContent; status: ArticleStatus; reason: string; actorId: string; restoredFrom?: number; now: Date }): Promise<void> {
  await tx.insert(kbArticleVersions).values({
    articleId: input.articleId,
    number: input.number,
    snapshot: { ...input.content, status: input.status },
    reason: input.reason,
    restoredFrom: input.restoredFrom ?? null,
    actorId: input.actorId,
    createdAt: input.now,
  });
}

/** The article's content as it is now (the newest version's snapshot is the same). */
export async function contentOf(tx: Tx, row: ArticleRow): Promise<ArticleContent> {
  const translations = await tx
    .select({ locale: kbArticleTranslations.locale, title: kbArticleTranslations.title, bodyHtml: kbArticleTranslations.bodyHtml, bodyText: kbArticleTranslations.bodyText })
    .from(kbArticleTranslations)
    .where(eq(kbArticleTranslations.articleId, row.id))
    .orderBy(kbArticleTranslations.locale);
  return {
    translations,
    categoryId: row.categoryId,
    tags: row.tags,
    relatedIds: row.relatedIds,
    visibility: row.visibility,
    organizationIds: row.organizationIds,
    tierKeys: row.tierKeys,
    slug: row.slug,
    ownerId: row.ownerId,
    reviewerId: row.reviewerId,
    reviewBy: row.reviewBy,
  };
}

export async function lockArticle(tx: Tx, id: string): Promise<ArticleRow | undefined> {
  const [row] = await tx.select().from(kbArticles).where(eq(kbArticles.id, id)).for('update');
  return row;
}

export async function versionSnapshot(tx: Tx, articleId: string, number: number) {
  const [row] = await tx.select().from(kbArticleVersions).where(and(eq(kbArticleVersions.articleId, articleId), eq(kbArticleVersions.number, number)));
  return row;
}

export async function listVersionRows(tx: Tx, articleId: string) {
  return tx.select().from(kbArticleVersions).where(eq(kbArticleVersions.articleId, articleId)).orderBy(desc(kbArticleVersions.number));
}

export function localesOf(content: ArticleContent): ArticleLocale[] {
  return content.translations.map((t) => t.locale);
}

/** Facts every article event carries. */
export function articleFacts(row: { version: number; status: ArticleStatus; visibility: string }, content: ArticleContent) {
  return { version: row.version, status: row.status, visibility: row.visibility, locales: localesOf(content) };
}

