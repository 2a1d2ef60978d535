import { and, eq, inArray } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Clock } from '../../app/clock.js';
import { Conflict, Forbidden, invalidField, NotFound, PreconditionFailed } from '../../app/errors.js';
import { isUniqueViolation, type Database, type Tx } from '../../db/database.js';
import { recordEvent } from '../../jobs/events.js';
import { can, type Actor } from '../auth/index.js';
import { readableBy, articleColumns } from './article-access.js';
import { checkAudience, cleanTranslations, defaultSlug, type CreateArticleInput, type UpdateArticleInput } from './article-input.js';
import type { ArticleContent } from './article-model.js';
import { articleFacts, contentOf, writeTranslations, writeVersion, type ArticleRow } from './article-rows.js';
import { articleCreated, articleUpdated } from './events.js';
import { kbArticles, kbCategories } from './schema.js';

const slugTaken = () => new Conflict('validation.failed', {}, [{ path: 'slug', code: 'article.slug_taken' }]);

async function checkReferences(tx: Tx, content: ArticleContent, selfId: string): Promise<void> {
  if (content.categoryId) {
    const [category] = await tx.select({ id: kbCategories.id }).from(kbCategories).where(eq(kbCategories.id, content.categoryId));
    if (!category) throw invalidField('categoryId', 'article.category_unknown');
  }
  const related = [...new Set(content.relatedIds)].filter((id) => id !== selfId);
  if (related.length) {
    const found = await tx.select({ id: kbArticles.id }).from(kbArticles).where(inArray(kbArticles.id, related));
    const missing = related.findIndex((id) => !found.some((f) => f.id === id));
    if (missing >= 0) throw invalidField(`relatedIds.${content.relatedIds.indexOf(related[missing]!)}`, 'article.related_unknown');
  }
  content.relatedIds = related;
}

/** A new article, always a 草稿 (draft) owned by its writer unless a reviewer names another owner. */
export async function createArticle(database: Database, clock: Clock, actor: Actor, input: CreateArticleInput, origin: { fromTicketId?: string } = {}): Promise<ArticleRow> {
  const id = uuidv7();
  const now = clock.now();
  const content: ArticleContent = {
    translations: cleanTranslations(input.translations),
    categoryId: input.categoryId ?? null,
    tags: [...new Set(input.tags ?? [])],
    relatedIds: input.relatedIds ?? [],
    visibility: input.visibility ?? 'internal',
    organizationIds: input.organizationIds ?? [],
    tierKeys: input.tierKeys ?? [],
    slug: '',
    ownerId: input.ownerId && can(actor, 'knowledge.review') ? input.ownerId : actor.id,
    reviewerId: input.reviewerId ?? null,
    reviewBy: input.reviewBy ?? null,
  };
  if (input.ownerId && input.ownerId !== actor.id && !can(actor, 'knowledge.review')) throw invalidField('ownerId', 'article.owner_not_allowed');
  content.slug = input.slug ?? defaultSlug(content, id);
  checkAudience(content);
  try {
    return await database.transaction(async (tx) => {
      await checkReferences(tx, content, id);
      const [row] = await tx
        .insert(kbArticles)
        .values({ id, slug: content.slug, status: 'draft', visibility: content.visibility, organizationIds: content.organizationIds, tierKeys: content.tierKeys, categoryId: content.categoryId, tags: content.tags, relatedIds: content.relatedIds, ownerId: content.ownerId, reviewerId: content.reviewerId, reviewBy: content.reviewBy, version: 1, createdBy: actor.id, createdAt: now, updatedAt: now })
        .returning();
      await writeTranslations(tx, id, content, 'draft', now);
      await writeVersion(tx, { articleId: id, number: 1, content, status: 'draft', reason: 'created', actorId: actor.id, now });
      await recordEvent(tx, articleCreated, { aggregateId: id, cause: 'agent', actorId: actor.id, payload: { ...articleFacts(row!, content), ...(origin.fromTicketId && { fromTicketId: origin.fromTicketId }) } });
      return row!;
    });
  } catch (error) {
    if (isUniqueViolation(error, 'kb_articles_slug_idx')) throw slugTaken();
    throw error;
  }
}

/**
 * Reviewers edit any article; writers edit their own while it is a 草稿 (a published article
 * changes only through a reviewer, so what customers read has been reviewed).
 */
export function assertEditable(actor: Actor, row: ArticleRow): void {
  if (can(actor, 'knowledge.review')) return;
  if (can(actor, 'knowledge.write') && row.ownerId === actor.id && row.status === 'draft') return;
  throw new Forbidden('article.not_editable', { status: row.status });
}

/** The article locked for a change, when the actor may read it (404 otherwise) and its version is `expected` (412 otherwise). */
export async function lockReadableArticle(tx: Tx, actor: Actor, id: string, expected: number): Promise<ArticleRow> {
  const [row] = await tx.select().from(kbArticles).where(and(eq(kbArticles.id, id), readableBy({ kind: 'staff', actor }, articleColumns))).for('update');
  if (!row) throw new NotFound('article.not_found');
  if (row.version !== expected) throw new PreconditionFailed('article.version_mismatch', { current: row.version });
  return row;
}

export async function updateArticle(database: Database, clock: Clock, actor: Actor, id: string, expectedVersion: number, input: UpdateArticleInput): Promise<ArticleRow> {
  const now = clock.now();
  try {
    return await database.transaction(async (tx) => {
      const row = await lockReadableArticle(tx, actor, id, expectedVersion);
      assertEditable(actor, row);
      const before = await contentOf(tx, row);
      if (input.ownerId !== undefined && input.ownerId !== row.ownerId && !can(actor, 'knowledge.review')) throw invalidField('ownerId', 'article.owner_not_allowed');
      // The public address is what was shared: once published it no longer changes.
      if (input.slug !== undefined && input.slug !== row.slug && row.publishedAt) throw invalidField('slug', 'article.slug_locked');
      const content: ArticleContent = {
        ...before,
        ...Object.fromEntries(Object.entries(input).filter(([key, value]) => value !== undefined && key !== 'translations')),
        translations: input.translations ? cleanTranslations(input.translations) : before.translations,
      };
      content.tags = [...new Set(content.tags)];
      checkAudience(content);
      await checkReferences(tx, content, id);
      const fields = Object.keys(input).filter((key) => JSON.stringify((content as Record<string, unknown>)[key]) !== JSON.stringify((before as Record<string, unknown>)[key]));
      if (fields.length === 0) return row;
      const version = row.version + 1;
      const [updated] = await tx
        .update(kbArticles)
        .set({ slug: content.slug, visibility: content.visibility, organizationIds: content.organizationIds, tierKeys: content.tierKeys, categoryId: content.categoryId, tags: content.tags, relatedIds: content.relatedIds, ownerId: content.ownerId, reviewerId: content.reviewerId, reviewBy: content.reviewBy, version, updatedAt: now })
        .where(eq(kbArticles.id, id))
        .returning();
      await writeTranslations(tx, id, content, row.status, now);
      await writeVersion(tx, { articleId: id, number: version, content, status: row.status, reason: 'updated', actorId: actor.id, now });
      await recordEvent(tx, articleUpdated, { aggregateId: id, cause: 'agent', actorId: actor.id, payload: { ...articleFacts(updated!, content), fields } });
      return updated!;
    });
  } catch (error) {
    if (isUniqueViolation(error, 'kb_articles_slug_idx')) throw slugTaken();
    throw error;
  }
}
