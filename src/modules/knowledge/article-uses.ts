import { and, desc, eq } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Clock } from '../../app/clock.js';
import { Invalid, NotFound } from '../../app/errors.js';
import type { Database, Db } from '../../db/database.js';
import { recordEvent } from '../../jobs/events.js';
import type { Actor } from '../auth/index.js';
import { getVisibleTicket } from '../tickets/index.js';
import { readableBy, translationColumns } from './article-access.js';
import type { ArticleLocale } from './article-model.js';
import { articleUsed } from './events.js';
import { kbArticles, kbArticleTranslations, kbArticleUses } from './schema.js';

/**
 * An agent inserted an article into a ticket's reply or note (`??` or a suggestion): the ticket
 * records it and `knowledge.article_used` feeds the reports. Into a public reply only a published
 * public article may go (its link must open for the customer); into a note any readable one.
 */
export async function recordArticleUse(database: Database, clock: Clock, actor: Actor, ticketIdOrNumber: string, input: { articleId: string; locale: ArticleLocale; mode: 'link' | 'content'; into: 'reply' | 'note' }) {
  const ticket = await getVisibleTicket(database.db, actor, ticketIdOrNumber);
  return database.transaction(async (tx) => {
    const [article] = await tx
      .select({ id: kbArticleTranslations.articleId, slug: kbArticles.slug, title: kbArticleTranslations.title, bodyHtml: kbArticleTranslations.bodyHtml, bodyText: kbArticleTranslations.bodyText })
      .from(kbArticleTranslations)
      .innerJoin(kbArticles, eq(kbArticles.id, kbArticleTranslations.articleId))
      .where(and(eq(kbArticleTranslations.articleId, input.articleId), eq(kbArticleTranslations.locale, input.locale), readableBy({ kind: 'staff', actor }, translationColumns, input.into === 'reply' ? 'public_reply' : 'read'), eq(kbArticleTranslations.status, 'published')));
    if (!article) {
      // Readable but internal, asked for a public reply: say why rather than "not found".
      const [internal] = input.into === 'reply' ? await tx.select({ id: kbArticleTranslations.articleId }).from(kbArticleTranslations).where(and(eq(kbArticleTranslations.articleId, input.articleId), eq(kbArticleTranslations.locale, input.locale), readableBy({ kind: 'staff', actor }, translationColumns), eq(kbArticleTranslations.status, 'published'))) : [];
      if (internal) throw new Invalid('validation.failed', {}, [{ path: 'articleId', code: 'article.not_public' }]);
      throw new NotFound('article.not_found');
    }
    const id = uuidv7();
    await tx.insert(kbArticleUses).values({ id, articleId: article.id, ticketId: ticket.id, mode: input.mode, locale: input.locale, userId: actor.id, createdAt: clock.now() });
    await recordEvent(tx, articleUsed, { aggregateId: article.id, cause: 'agent', actorId: actor.id, payload: { ticketId: ticket.id, mode: input.mode, locale: input.locale } });
    return { id, articleId: article.id, slug: article.slug, title: article.title, bodyHtml: article.bodyHtml, bodyText: article.bodyText };
  });
}

/** The articles used on a ticket, newest first. */
export async function listArticleUses(db: Db, actor: Actor, ticketIdOrNumber: string) {
  const ticket = await getVisibleTicket(db, actor, ticketIdOrNumber);
  return db
    .select({ id: kbArticleUses.id, articleId: kbArticleUses.articleId, slug: kbArticles.slug, mode: kbArticleUses.mode, locale: kbArticleUses.locale, userId: kbArticleUses.userId, createdAt: kbArticleUses.createdAt })
    .from(kbArticleUses)
    .innerJoin(kbArticles, eq(kbArticles.id, kbArticleUses.articleId))
    .where(eq(kbArticleUses.ticketId, ticket.id))
    .orderBy(desc(kbArticleUses.createdAt));
}
