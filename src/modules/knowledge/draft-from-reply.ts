import type { Clock } from '../../app/clock.js';
import { Invalid, NotFound } from '../../app/errors.js';
import type { Database } from '../../db/database.js';
import type { Actor } from '../auth/index.js';
import { getContactsByIds } from '../customers/index.js';
import { getDeliverableMessage, getVisibleTicket } from '../tickets/index.js';
import type { ArticleLocale } from './article-model.js';
import { redactReply, type Redacted } from './redact-reply.js';
import { createArticle } from './write-article.js';

/**
 * "由此回复创建文章": a public reply of a ticket the agent may see becomes a 草稿 (draft) they own,
 * with the customer's personal data taken out and marked for review (redact-reply.ts). Internal
 * notes are refused: they were never meant for customers.
 */
export async function draftFromReply(database: Database, clock: Clock, actor: Actor, ticketIdOrNumber: string, messageId: string, locale: ArticleLocale) {
  const ticket = await getVisibleTicket(database.db, actor, ticketIdOrNumber);
  const message = await getDeliverableMessage(database.db, messageId);
  if (!message || message.ticketId !== ticket.id) throw new NotFound('message.not_found');
  if (message.internal) throw new Invalid('validation.failed', {}, [{ path: 'messageId', code: 'article.reply_is_internal' }]);
  const requester = ticket.requesterId ? (await getContactsByIds(database.db, [ticket.requesterId])).get(ticket.requesterId) : undefined;
  const names = requester?.name ? [requester.name, ...requester.name.split(/\s+/).filter((part) => part.length >= 2)] : [];
  const body: Redacted = redactReply(message.body, names);
  const title = redactReply(ticket.subject, names).text;
  const article = await createArticle(database, clock, actor, { translations: [{ locale, title: title.slice(0, 200), bodyHtml: body.html }], visibility: 'internal' }, { fromTicketId: ticket.id });
  return { article, redactions: body.redactions };
}
