import { and, eq, inArray } from 'drizzle-orm';
import { NotFound } from '../../app/errors.js';
import type { Db } from '../../db/database.js';
import { can } from '../auth/index.js';
import { articleColumns, readableBy, translationColumns } from './article-access.js';
import { articleAttachments, type ArticleAttachment } from './article-files.js';
import type { ArticleContent, ArticleReader } from './article-model.js';
import { contentOf, listVersionRows, versionSnapshot, type ArticleRow } from './article-rows.js';
import { kbArticles, kbArticleTranslations } from './schema.js';
import { diffArticles, type ArticleDiff } from './version-diff.js';

export type ArticleView = Omit<ArticleRow, 'createdBy'> & {
  createdBy: string;
  translations: ArticleContent['translations'];
  /** Related articles the reader may read (others are left out, not shown as locked). */
  related: Array<{ id: string; slug: string; titles: Record<string, string> }>;
  /** Its files that are not images (images sit in the body), as download addresses for the same readers. */
  attachments: ArticleAttachment[];
  /** What the caller may do with it (the console hides the rest). */
  abilities?: { edit: boolean; submit: boolean; review: boolean };
};

async function relatedOf(db: Db, reader: ArticleReader, ids: string[]): Promise<ArticleView['related']> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: kbArticles.id, slug: kbArticles.slug, locale: kbArticleTranslations.locale, title: kbArticleTranslations.title })
    .from(kbArticles)
    .innerJoin(kbArticleTranslations, eq(kbArticleTranslations.articleId, kbArticles.id))
    .where(and(inArray(kbArticles.id, ids), readableBy(reader, translationColumns)));
  return ids.flatMap((id) => {
    const mine = rows.filter((r) => r.id === id);
    return mine.length ? [{ id, slug: mine[0]!.slug, titles: Object.fromEntries(mine.map((r) => [r.locale, r.title])) }] : [];
  });
}

async function present(db: Db, reader: ArticleReader, row: ArticleRow): Promise<ArticleView> {
  const content = await contentOf(db, row);
  const view: ArticleView = { ...row, translations: content.translations, related: await relatedOf(db, reader, row.relatedIds), attachments: await articleAttachments(db, row.id) };
  if (reader.kind === 'staff') {
    const review = can(reader.actor, 'knowledge.review');
    const own = row.ownerId === reader.actor.id && can(reader.actor, 'knowledge.write');
    view.abilities = { edit: review || (own && row.status === 'draft'), submit: (review || own) && row.status === 'draft', review };
  }
  return view;
}

/** One article by id or slug as the reader may read it; unreadable and missing look the same (404). */
export async function getArticle(db: Db, reader: ArticleReader, idOrSlug: string): Promise<ArticleView> {
  const match = /^[0-9a-f]{8}-[0-9a-f]{4}-/i.test(idOrSlug) ? eq(kbArticles.id, idOrSlug) : eq(kbArticles.slug, idOrSlug.toLowerCase());
  const [row] = await db.select().from(kbArticles).where(and(match, readableBy(reader, articleColumns)));
  if (!row) throw new NotFound('article.not_found');
  return present(db, reader, row);
}

/** A public view: what a visitor reads, without who owns or reviews it. */
export function publicArticle(view: ArticleView) {
  return { id: view.id, slug: view.slug, categoryId: view.categoryId, tags: view.tags, translations: view.translations, related: view.related, attachments: view.attachments, updatedAt: view.updatedAt, publishedAt: view.publishedAt };
}

export async function listVersions(db: Db, reader: ArticleReader, id: string) {
  await getArticle(db, reader, id);
  const rows = await listVersionRows(db, id);
  return rows.map(({ snapshot, ...row }) => ({ ...row, status: String(snapshot.status ?? '') }));
}

/** The readable diff between two versions of an article the reader may read. */
export async function diffVersions(db: Db, reader: ArticleReader, id: string, from: number, to: number): Promise<ArticleDiff> {
  await getArticle(db, reader, id);
  const [a, b] = await Promise.all([versionSnapshot(db, id, from), versionSnapshot(db, id, to)]);
  if (!a) throw new NotFound('article.version_not_found', { version: from });
  if (!b) throw new NotFound('article.version_not_found', { version: to });
  return diffArticles(a.snapshot as ArticleContent, b.snapshot as ArticleContent);
}
