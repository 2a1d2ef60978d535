import { z } from 'zod';
import type { AppContext, AppServer } from '../../app/context.js';
import { articleLocales } from './article-model.js';
import { voteOnArticle } from './article-feedback.js';
import { recordArticleVisit, recordTicketSubmitted } from './article-visits.js';
import { searchArticles, type ArticleHit } from './article-search.js';
import { suggestArticles } from './article-suggestions.js';
import { listCategories } from './categories.js';
import { helpReader } from './help-reader.js';
import { helpVisitorKey } from './help-visitor.js';
import { categorySchema, publicArticleSchema, publicHitSchema, searchQuery } from './http-schemas.js';
import { getArticle, publicArticle } from './read-articles.js';

const tags = ['help-centre'];
const permission = 'public' as const;

/** What a visitor sees of a hit: no state or visibility (they are always published and readable). */
const publicHit = ({ status: _s, visibility: _v, ...hit }: ArticleHit) => hit;

/**
 * 帮助中心: the public help centre's JSON. No credentials; every query reads only published
 * public articles (plus a signed-in portal customer's restricted ones), filtered inside the SQL.
 */
export function registerHelpRoutes(app: AppServer, { database, clock, config }: AppContext): void {
  app.get('/api/v1/help/articles', {
    config: { permission },
    schema: {
      tags, summary: '帮助中心文章与搜索 Help centre articles and search',
      description: 'Published public articles (no credentials). `q` searches title, tags and body for every word as written; title hits first. When nothing contains the words as written, the answer is the best matches for any of them (as suggestions), since a customer does not know the article\'s wording.',
      querystring: searchQuery, response: { 200: z.object({ items: z.array(publicHitSchema) }) },
    },
  }, async (request) => {
    const reader = await helpReader(database.db, request);
    const exact = await searchArticles(database.db, reader, request.query);
    const q = request.query.q?.trim();
    if (exact.length > 0 || !q || request.query.categoryId) return { items: exact.map(publicHit) };
    return { items: (await suggestArticles(database.db, reader, q, { limit: request.query.limit, locale: request.query.locale })).map(publicHit) };
  });

  app.get('/api/v1/help/suggestions', {
    config: { permission },
    schema: {
      tags, summary: '输入时推荐文章 Suggestions while typing a subject',
      description: 'Up to 5 published public articles for what a customer is typing (any of its words may match; best first), each with `matchedWords`.',
      querystring: z.object({ q: z.string().max(300), locale: z.enum(articleLocales).optional() }),
      response: { 200: z.object({ items: z.array(publicHitSchema) }) },
    },
  }, async (request) => ({ items: (await suggestArticles(database.db, await helpReader(database.db, request), request.query.q, { limit: 5, locale: request.query.locale })).map(publicHit) }));

  app.get('/api/v1/help/articles/:slug', {
    config: { permission },
    schema: { tags, summary: '帮助中心文章 A help centre article (by slug)', params: z.object({ slug: z.string().min(1).max(100) }), response: { 200: publicArticleSchema } },
  }, async (request, reply) => {
    reply.header('Cache-Control', 'no-cache');
    return publicArticle(await getArticle(database.db, await helpReader(database.db, request), request.params.slug));
  });

  app.get('/api/v1/help/categories', {
    config: { permission },
    schema: { tags, summary: '帮助中心分类 Help centre categories', response: { 200: z.object({ items: z.array(categorySchema) }) } },
  }, async () => ({ items: await listCategories(database.db) }));

  app.post('/api/v1/help/articles/:id/visits', {
    config: { permission },
    schema: {
      tags, summary: '记录阅读 Record that a visitor opened an article',
      description: 'Counts a view and starts the 30-minute deflection window for this visitor (a first-party cookie identifies the visitor; it is set when missing).',
      params: z.object({ id: z.uuid() }), body: z.strictObject({ source: z.enum(['help', 'form']), locale: z.enum(articleLocales) }),
      response: { 204: z.null() },
    },
  }, async (request, reply) => {
    const key = helpVisitorKey(request, reply, config.OPENCSM_COOKIE_SECURE);
    await recordArticleVisit(database, clock, await helpReader(database.db, request), request.params.id, key, request.body.source, request.body.locale);
    return reply.status(204).send(null);
  });

  app.post('/api/v1/help/articles/:id/votes', {
    config: { permission },
    schema: {
      tags, summary: '有用吗？ Vote on an article',
      description: 'One vote per visitor per article: voting again changes the vote. A "not helpful" vote (with an optional reason) becomes a task for the article\'s owner.',
      params: z.object({ id: z.uuid() }), body: z.strictObject({ helpful: z.boolean(), reason: z.string().trim().max(1000).optional() }),
      response: { 200: z.object({ helpful: z.boolean(), changed: z.boolean() }) },
    },
  }, async (request, reply) => {
    const key = helpVisitorKey(request, reply, config.OPENCSM_COOKIE_SECURE);
    return voteOnArticle(database, clock, await helpReader(database.db, request), request.params.id, key, request.body);
  });

  app.post('/api/v1/help/ticket-submitted', {
    config: { permission },
    schema: {
      tags, summary: '访客提交了工单 The visitor submitted a ticket',
      description: 'Sent by the web form and the portal after a ticket is submitted: the articles this visitor opened in the last 30 minutes did not deflect it.',
      response: { 200: z.object({ visits: z.number().int() }) },
    },
  }, async (request, reply) => ({ visits: await recordTicketSubmitted(database, clock, helpVisitorKey(request, reply, config.OPENCSM_COOKIE_SECURE)) }));
}
