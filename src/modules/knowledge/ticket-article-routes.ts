import { z } from 'zod';
import type { AppContext, AppServer } from '../../app/context.js';
import { actorOf } from '../../app/http/request-context.js';
import { getVisibleTicket } from '../tickets/index.js';
import { articleLocales } from './article-model.js';
import { recordArticleUse, listArticleUses } from './article-uses.js';
import { suggestArticles } from './article-suggestions.js';
import { draftFromReply } from './draft-from-reply.js';
import { articleHitSchema, articleSchema } from './http-schemas.js';
import { getArticle } from './read-articles.js';

const tags = ['knowledge'];
const ticketParams = z.object({ id: z.string().min(1).max(64) });

/** The knowledge base on the ticket page: suggestions, articles used in replies, a draft from a reply. */
export function registerTicketArticleRoutes(app: AppServer, { database, clock }: AppContext): void {
  app.get('/api/v1/tickets/:id/article-suggestions', {
    config: { permission: 'knowledge.read' },
    schema: {
      tags, summary: '推荐文章 Articles suggested for a ticket',
      description: 'Up to 5 published articles the caller may read, matched by the ticket\'s subject and description, best first, each with `matchedWords` (the words of the ticket it matched).',
      params: ticketParams, querystring: z.object({ locale: z.enum(articleLocales).optional() }),
      response: { 200: z.object({ items: z.array(articleHitSchema) }) },
    },
  }, async (request) => {
    const actor = actorOf(request);
    const ticket = await getVisibleTicket(database.db, actor, request.params.id);
    return { items: await suggestArticles(database.db, { kind: 'staff', actor }, `${ticket.subject}\n${ticket.description}`, { limit: 5, locale: request.query.locale }) };
  });

  app.get('/api/v1/tickets/:id/articles', {
    config: { permission: 'knowledge.read' },
    schema: {
      tags, summary: '工单引用的文章 Articles used on a ticket', params: ticketParams,
      response: { 200: z.object({ items: z.array(z.object({ id: z.string(), articleId: z.string(), slug: z.string(), mode: z.string(), locale: z.string(), userId: z.string(), createdAt: z.date() })) }) },
    },
  }, async (request) => ({ items: await listArticleUses(database.db, actorOf(request), request.params.id) }));

  app.post('/api/v1/tickets/:id/articles', {
    config: { permission: 'knowledge.read' },
    schema: {
      tags, summary: '在回复中插入文章 Insert an article into a reply or note',
      description: 'Records that the article was used on the ticket and answers its link and content to insert. `into: reply` accepts only published public articles (400 `article.not_public` at `articleId` for an internal one).',
      params: ticketParams,
      body: z.strictObject({ articleId: z.uuid(), locale: z.enum(articleLocales), mode: z.enum(['link', 'content']), into: z.enum(['reply', 'note']) }),
      response: { 201: z.object({ id: z.string(), articleId: z.string(), slug: z.string(), title: z.string(), bodyHtml: z.string(), bodyText: z.string() }) },
    },
  }, async (request, reply) => {
    reply.status(201);
    return recordArticleUse(database, clock, actorOf(request), request.params.id, request.body);
  });

  app.post('/api/v1/tickets/:id/messages/:messageId/article-draft', {
    config: { permission: 'knowledge.write' },
    schema: {
      tags, summary: '由此回复创建文章 Make a draft article from a reply',
      description: 'A public reply becomes a draft (internal until reviewed) owned by the caller, with phone numbers, email addresses, ticket numbers and the customer\'s name replaced by marked placeholders (`<mark data-redacted>`) for the reviewer.',
      params: z.object({ id: z.string().min(1).max(64), messageId: z.uuid() }),
      body: z.strictObject({ locale: z.enum(articleLocales).default('zh-CN') }),
      response: { 201: z.object({ article: articleSchema, redactions: z.array(z.object({ kind: z.string(), count: z.number().int() })) }) },
    },
  }, async (request, reply) => {
    const actor = actorOf(request);
    const { article, redactions } = await draftFromReply(database, clock, actor, request.params.id, request.params.messageId, request.body.locale);
    reply.status(201);
    return { article: await getArticle(database.db, { kind: 'staff', actor }, article.id), redactions };
  });
}
