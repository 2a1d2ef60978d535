import { eq } from 'drizzle-orm';
import type { Clock } from '../../app/clock.js';
import { Conflict, Forbidden, NotFound } from '../../app/errors.js';
import type { Database } from '../../db/database.js';
import { recordEvent } from '../../jobs/events.js';
import { can, type Actor } from '../auth/index.js';
import { articleTransitions, type ArticleContent, type ArticleStatus, type ArticleTransition } from './article-model.js';
import { articleFacts, contentOf, copyStatus, versionSnapshot, writeTranslations, writeVersion, type ArticleRow } from './article-rows.js';
import { lockReadableArticle } from './write-article.js';
import { articleArchived, articlePublished, articleRejected, articleRolledBack, articleSubmitted } from './events.js';
import { kbArticles } from './schema.js';

/**
 * Who may move an article: its writer submits their own draft for review (待审核); a reviewer
 * (knowledge.review, supervisors by default) publishes, sends back, archives. The transition table
 * in article-model.ts says from where.
 */
function assertMayMove(actor: Actor, row: ArticleRow, transition: ArticleTransition): void {
  if (can(actor, 'knowledge.review')) return;
  if (transition === 'submit' && can(actor, 'knowledge.write') && row.ownerId === actor.id) return;
  throw new Forbidden('article.transition_forbidden', { transition });
}

export async function moveArticle(database: Database, clock: Clock, actor: Actor, id: string, expectedVersion: number, transition: ArticleTransition, options: { note?: string; reviewerId?: string | null } = {}): Promise<ArticleRow> {
  const now = clock.now();
  return database.transaction(async (tx) => {
    const row = await lockReadableArticle(tx, actor, id, expectedVersion);
    assertMayMove(actor, row, transition);
    const rule = articleTransitions[transition];
    if (!(rule.from as readonly ArticleStatus[]).includes(row.status)) throw new Conflict('article.transition_invalid', { transition, status: row.status });
    const status: ArticleStatus = rule.to;
    const version = row.version + 1;
    const reviewerId = transition === 'submit' ? (options.reviewerId ?? row.reviewerId) : transition === 'publish' || transition === 'reject' ? actor.id : row.reviewerId;
    const [updated] = await tx
      .update(kbArticles)
      .set({ status, version, reviewerId, updatedAt: now, ...(status === 'published' && { publishedAt: row.publishedAt ?? now }) })
      .where(eq(kbArticles.id, id))
      .returning();
    await copyStatus(tx, id, status, now);
    const content = await contentOf(tx, updated!);
    await writeVersion(tx, { articleId: id, number: version, content, status, reason: transition, actorId: actor.id, now });
    const facts = articleFacts(updated!, content);
    const envelope = { aggregateId: id, cause: 'agent' as const, actorId: actor.id };
    if (transition === 'submit') await recordEvent(tx, articleSubmitted, { ...envelope, payload: { ...facts, reviewerId: updated!.reviewerId } });
    else if (transition === 'reject') await recordEvent(tx, articleRejected, { ...envelope, payload: { ...facts, note: options.note ?? '' } });
    else if (transition === 'publish') await recordEvent(tx, articlePublished, { ...envelope, payload: facts });
    else await recordEvent(tx, articleArchived, { ...envelope, payload: facts });
    return updated!;
  });
}

/**
 * Roll back to an earlier version: its text and settings become a new version (history is never
 * rewritten), in the article's current state; a published article stays published. Reviewers only.
 */
export async function rollbackArticle(database: Database, clock: Clock, actor: Actor, id: string, expectedVersion: number, toVersion: number): Promise<ArticleRow> {
  if (!can(actor, 'knowledge.review')) throw new Forbidden('article.transition_forbidden', { transition: 'rollback' });
  const now = clock.now();
  return database.transaction(async (tx) => {
    const row = await lockReadableArticle(tx, actor, id, expectedVersion);
    const old = await versionSnapshot(tx, id, toVersion);
    if (!old || toVersion >= row.version) throw new NotFound('article.version_not_found', { version: toVersion });
    const { status: _status, ...snapshot } = old.snapshot as ArticleContent & { status: ArticleStatus };
    // The slug stays: a published address must keep working.
    const content: ArticleContent = { ...snapshot, slug: row.slug };
    const version = row.version + 1;
    const [updated] = await tx
      .update(kbArticles)
      .set({ visibility: content.visibility, organizationIds: content.organizationIds, tierKeys: content.tierKeys, categoryId: content.categoryId, tags: content.tags, relatedIds: content.relatedIds, ownerId: content.ownerId, reviewerId: content.reviewerId, reviewBy: content.reviewBy, version, updatedAt: now })
      .where(eq(kbArticles.id, id))
      .returning();
    await writeTranslations(tx, id, content, row.status, now);
    await writeVersion(tx, { articleId: id, number: version, content, status: row.status, reason: 'rolled_back', restoredFrom: toVersion, actorId: actor.id, now });
    await recordEvent(tx, articleRolledBack, { aggregateId: id, cause: 'agent', actorId: actor.id, payload: { ...articleFacts(updated!, content), restoredFrom: toVersion } });
    return updated!;
  });
}
