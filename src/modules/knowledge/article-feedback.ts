import { and, eq } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Clock } from '../../app/clock.js';
import { NotFound } from '../../app/errors.js';
import type { Database } from '../../db/database.js';
import { recordEvent } from '../../jobs/events.js';
import { articleColumns, readableBy } from './article-access.js';
import type { ArticleReader } from './article-model.js';
import { articleVoted } from './events.js';
import { kbArticles, kbArticleVotes } from './schema.js';

/**
 * 有用吗？ One vote per visitor per article: voting again changes the vote (and is recorded as a
 * change), never counts twice. A "没用" (not helpful) with its reason becomes a task for the
 * article's owner (feedback-task.ts, after commit).
 */
export async function voteOnArticle(database: Database, clock: Clock, reader: ArticleReader, articleId: string, visitorKey: string, vote: { helpful: boolean; reason?: string }): Promise<{ helpful: boolean; changed: boolean }> {
  return database.transaction(async (tx) => {
    const [article] = await tx.select({ id: kbArticles.id }).from(kbArticles).where(and(eq(kbArticles.id, articleId), readableBy(reader, articleColumns)));
    if (!article) throw new NotFound('article.not_found');
    const reason = vote.helpful ? null : (vote.reason?.trim() || null);
    const [existing] = await tx.select().from(kbArticleVotes).where(and(eq(kbArticleVotes.articleId, articleId), eq(kbArticleVotes.visitorKey, visitorKey))).for('update');
    if (existing && existing.helpful === vote.helpful && existing.reason === reason) return { helpful: vote.helpful, changed: false };
    const id = existing?.id ?? uuidv7();
    await tx
      .insert(kbArticleVotes)
      .values({ id, articleId, visitorKey, helpful: vote.helpful, reason, createdAt: clock.now() })
      .onConflictDoUpdate({ target: [kbArticleVotes.articleId, kbArticleVotes.visitorKey], set: { helpful: vote.helpful, reason, createdAt: clock.now() } });
    await recordEvent(tx, articleVoted, { aggregateId: articleId, cause: 'customer', payload: { voteId: id, helpful: vote.helpful, reason, changed: Boolean(existing) } });
    return { helpful: vote.helpful, changed: Boolean(existing) };
  });
}

/** Votes of one article, for its page in the console. */
export async function voteCounts(database: Database, articleId: string): Promise<{ helpful: number; notHelpful: number; reasons: Array<{ reason: string; at: Date }> }> {
  const rows = await database.db.select().from(kbArticleVotes).where(eq(kbArticleVotes.articleId, articleId));
  return {
    helpful: rows.filter((r) => r.helpful).length,
    notHelpful: rows.filter((r) => !r.helpful).length,
    reasons: rows.filter((r) => !r.helpful && r.reason).map((r) => ({ reason: r.reason!, at: r.createdAt })).slice(0, 50),
  };
}
