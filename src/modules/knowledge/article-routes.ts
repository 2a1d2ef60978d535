import { z } from 'zod';
import type { AppContext, AppServer } from '../../app/context.js';
import { actorOf } from '../../app/http/request-context.js';
import { articleStatuses } from './article-model.js';
import { createArticleInput, updateArticleInput } from './article-input.js';
import { moveArticle, rollbackArticle } from './article-workflow.js';
import { searchArticles } from './article-search.js';
import { voteCounts } from './article-feedback.js';
import { articleHitSchema, articleSchema, articleVersionFrom, diffSchema, searchQuery, versionSchema } from './http-schemas.js';
import { diffVersions, getArticle, listVersions } from './read-articles.js';
import { createArticle, updateArticle } from './write-article.js';

const tags = ['knowledge'];
const idParams = z.object({ id: z.string().min(1).max(100) });
const ifMatch = z.object({ 'if-match': z.string().optional() });

/** 知识库 for staff: search, read, write, review, history. Thin: validate, act, present. */
export function registerArticleRoutes(app: AppServer, { database, clock }: AppContext): void {
  const staff = (request: { actor: Parameters<typeof actorOf>[0]['actor'] }) => ({ kind: 'staff' as const, actor: actorOf(request) });
  const send = async (reply: { header(k: string, v: string): unknown }, request: { actor: Parameters<typeof actorOf>[0]['actor'] }, id: string) => {
    const view = await getArticle(database.db, staff(request), id);
    reply.header('ETag', `"${view.version}"`);
    return view;
  };

  app.get('/api/v1/articles', {
    config: { permission: 'knowledge.read' },
    schema: {
      tags, summary: '搜索知识库 Search articles',
      description: 'Articles the caller may read: reviewers every article, writers published ones and their own, readers published ones. `q` searches title, tags and body (Chinese and English, each word as written); title hits first, then newest. `for=reply` keeps only published public articles (what may go into a customer\'s reply: the `??` of the composer). Without `q`, newest first.',
      querystring: searchQuery.extend({ status: z.enum(articleStatuses).optional(), for: z.enum(['reply', 'note']).optional() }),
      response: { 200: z.object({ items: z.array(articleHitSchema) }) },
    },
  }, async (request) => {
    const { for: into, ...search } = request.query;
    return { items: await searchArticles(database.db, staff(request), { ...search, purpose: into === 'reply' ? 'public_reply' : 'read' }) };
  });

  app.post('/api/v1/articles', {
    config: { permission: 'knowledge.write' },
    schema: { tags, summary: '新建文章（草稿）Create an article (a draft)', body: createArticleInput, response: { 201: articleSchema } },
  }, async (request, reply) => {
    const row = await createArticle(database, clock, actorOf(request), request.body);
    reply.status(201);
    return send(reply, request, row.id);
  });

  app.get('/api/v1/articles/:id', {
    config: { permission: 'knowledge.read' },
    schema: { tags, summary: '文章详情 An article (by id or slug)', params: idParams, response: { 200: articleSchema } },
  }, async (request, reply) => send(reply, request, request.params.id));

  app.patch('/api/v1/articles/:id', {
    config: { permission: 'knowledge.write' },
    schema: { tags, summary: '修改文章 Update an article', description: 'Requires `If-Match: "<version>"`. Writers edit their own drafts; reviewers any article (a published one stays published). Every change is a new version.', params: idParams, headers: ifMatch, body: updateArticleInput, response: { 200: articleSchema } },
  }, async (request, reply) => {
    const row = await updateArticle(database, clock, actorOf(request), request.params.id, articleVersionFrom(request.headers['if-match']), request.body);
    return send(reply, request, row.id);
  });

  app.post('/api/v1/articles/:id/transitions', {
    config: { permission: 'knowledge.write' },
    schema: {
      tags, summary: '提交审核 / 发布 / 退回 / 归档 Submit, publish, send back, archive',
      description: '`submit` (草稿 → 待审核, the owner), `reject` (待审核 → 草稿, with a note), `publish` (→ 已发布), `archive` (→ 已归档): the last three need knowledge.review. Requires `If-Match`.',
      params: idParams, headers: ifMatch,
      body: z.strictObject({ transition: z.enum(['submit', 'reject', 'publish', 'archive']), note: z.string().max(2000).optional(), reviewerId: z.uuid().nullable().optional() }),
      response: { 200: articleSchema },
    },
  }, async (request, reply) => {
    const { transition, ...options } = request.body;
    const row = await moveArticle(database, clock, actorOf(request), request.params.id, articleVersionFrom(request.headers['if-match']), transition, options);
    return send(reply, request, row.id);
  });

  app.get('/api/v1/articles/:id/versions', {
    config: { permission: 'knowledge.read' },
    schema: { tags, summary: '版本历史 Versions', params: idParams, response: { 200: z.object({ items: z.array(versionSchema) }) } },
  }, async (request) => ({ items: await listVersions(database.db, staff(request), request.params.id) }));

  app.get('/api/v1/articles/:id/diff', {
    config: { permission: 'knowledge.read' },
    schema: { tags, summary: '版本对比 Compare two versions', params: idParams, querystring: z.object({ from: z.coerce.number().int().min(1), to: z.coerce.number().int().min(1) }), response: { 200: diffSchema } },
  }, async (request) => diffVersions(database.db, staff(request), request.params.id, request.query.from, request.query.to));

  app.post('/api/v1/articles/:id/rollback', {
    config: { permission: 'knowledge.review' },
    schema: { tags, summary: '回滚到某个版本 Roll back to a version', description: 'The chosen version\'s text and settings become a new version; the state stays. Requires `If-Match`.', params: idParams, headers: ifMatch, body: z.strictObject({ toVersion: z.number().int().min(1) }), response: { 200: articleSchema } },
  }, async (request, reply) => {
    const row = await rollbackArticle(database, clock, actorOf(request), request.params.id, articleVersionFrom(request.headers['if-match']), request.body.toVersion);
    return send(reply, request, row.id);
  });

  app.get('/api/v1/articles/:id/feedback', {
    config: { permission: 'knowledge.read' },
    schema: { tags, summary: '读者反馈 Votes and reasons', params: idParams, response: { 200: z.object({ helpful: z.number().int(), notHelpful: z.number().int(), reasons: z.array(z.object({ reason: z.string(), at: z.date() })) }) } },
  }, async (request) => {
    const article = await getArticle(database.db, staff(request), request.params.id);
    return voteCounts(database, article.id);
  });
}
