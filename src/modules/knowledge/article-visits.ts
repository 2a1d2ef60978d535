import { and, asc, eq, gte, isNull, lte } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Clock } from '../../app/clock.js';
import { NotFound } from '../../app/errors.js';
import type { Database } from '../../db/database.js';
import { recordEvent } from '../../jobs/events.js';
import type { DueRowSource } from '../../jobs/registry.js';
import { articleColumns, readableBy } from './article-access.js';
import type { ArticleReader } from './article-model.js';
import { articleDeflection, articleViewed } from './events.js';
import { kbArticles, kbArticleVisits } from './schema.js';

/** An article opened and no ticket submitted within this window counts as a deflection (issue 17 §4). */
export const deflectionWindowMinutes = 30;

/**
 * A visitor opened an article (help centre or a suggestion): `knowledge.article_viewed`, and a due
 * row that settles the deflection 30 minutes later. Opening the same article again within the
 * window keeps the one open visit (one deflection per article, not per page load).
 */
export async function recordArticleVisit(database: Database, clock: Clock, reader: ArticleReader, articleId: string, visitorKey: string, source: 'help' | 'form', locale: string): Promise<void> {
  const now = clock.now();
  await database.transaction(async (tx) => {
    const [article] = await tx.select({ id: kbArticles.id }).from(kbArticles).where(and(eq(kbArticles.id, articleId), readableBy(reader, articleColumns)));
    if (!article) throw new NotFound('article.not_found');
    await recordEvent(tx, articleViewed, { aggregateId: articleId, cause: 'customer', payload: { source, locale } });
    const [open] = await tx
      .select({ id: kbArticleVisits.id })
      .from(kbArticleVisits)
      .where(and(eq(kbArticleVisits.articleId, articleId), eq(kbArticleVisits.visitorKey, visitorKey), isNull(kbArticleVisits.settledAt)));
    if (open) return;
    await tx.insert(kbArticleVisits).values({ id: uuidv7(), articleId, visitorKey, source, openedAt: now, dueAt: new Date(now.getTime() + deflectionWindowMinutes * 60_000) });
  });
}

/** The visitor submitted a ticket: the articles they opened in the last 30 minutes did not deflect it. */
export async function recordTicketSubmitted(database: Database, clock: Clock, visitorKey: string): Promise<number> {
  const now = clock.now();
  const since = new Date(now.getTime() - deflectionWindowMinutes * 60_000);
  const rows = await database.transaction((tx) =>
    tx
      .update(kbArticleVisits)
      .set({ ticketSubmittedAt: now })
      .where(and(eq(kbArticleVisits.visitorKey, visitorKey), isNull(kbArticleVisits.settledAt), isNull(kbArticleVisits.ticketSubmittedAt), gte(kbArticleVisits.openedAt, since)))
      .returning({ id: kbArticleVisits.id }),
  );
  return rows.length;
}

const roundSize = 100;

/**
 * Due-row source (pollDueRows): settles visits whose window has passed, FOR UPDATE SKIP LOCKED so
 * several workers share them; a visit without a ticket submitted records `knowledge.deflection`.
 * When nothing is due the cost is one probe of the partial index.
 */
export function deflectionDueVisits(clock: Clock): DueRowSource {
  return async ({ database }) => {
    const now = clock.now();
    const [anyDue] = await database.db.select({ id: kbArticleVisits.id }).from(kbArticleVisits).where(and(isNull(kbArticleVisits.settledAt), lte(kbArticleVisits.dueAt, now))).limit(1);
    if (!anyDue) return 0;
    return database.transaction(async (tx) => {
      const due = await tx
        .select()
        .from(kbArticleVisits)
        .where(and(isNull(kbArticleVisits.settledAt), lte(kbArticleVisits.dueAt, now)))
        .orderBy(asc(kbArticleVisits.dueAt))
        .limit(roundSize)
        .for('update', { skipLocked: true });
      for (const visit of due) {
        await tx.update(kbArticleVisits).set({ settledAt: now }).where(eq(kbArticleVisits.id, visit.id));
        if (visit.ticketSubmittedAt) continue;
        await recordEvent(tx, articleDeflection, { aggregateId: visit.articleId, cause: 'system', payload: { visitId: visit.id, source: visit.source, openedAt: visit.openedAt.toISOString() } });
      }
      return due.length;
    });
  };
}
