import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertProblem, createTestApp, type TestApp, type TestUser } from '../../app/test-app.js';
import { publishedArticle, writeArticle, zh } from './test-kit.js';

/**
 * Issue 17 §2/§8: drafts and internal articles never reach the public help centre JSON, the public
 * search, suggestions while typing, or an agent's suggestions and `??` when that agent may not read
 * them (Zammad #4907: `??` showed unreadable answers; Chatwoot #10026: drafts in public search).
 */
let t: TestApp;
let writer: TestUser;
let otherAgent: TestUser;
let supervisor: TestUser;
const ids: Record<string, string> = {};

before(async () => {
  t = await createTestApp();
  writer = await t.user('agent');
  otherAgent = await t.user('agent');
  supervisor = await t.user('supervisor');
  // The same words in every article, so only visibility tells them apart.
  ids.public = (await publishedArticle(t, writer, supervisor, { translations: [zh('路由器重启方法 公开', '路由器指示灯变红时，请长按重启键十秒。')], visibility: 'public' })).id;
  ids.internal = (await publishedArticle(t, writer, supervisor, { translations: [zh('路由器重启方法 内部', '路由器指示灯变红时，工程师远程重置。')], visibility: 'internal' })).id;
  ids.draft = (await writeArticle(t, writer, { translations: [zh('路由器重启方法 草稿', '路由器指示灯变红时，草稿内容。')], visibility: 'public' })).id;
  const inReview = await writeArticle(t, writer, { translations: [zh('路由器重启方法 待审核', '路由器指示灯变红时，待审核内容。')], visibility: 'public' });
  const current = await t.api('GET', `/api/v1/articles/${inReview.id}`, { as: writer });
  await t.api('POST', `/api/v1/articles/${inReview.id}/transitions`, { as: writer, ifMatch: current.data.version, body: { transition: 'submit' } });
  ids.inReview = inReview.id;
  const archived = await publishedArticle(t, writer, supervisor, { translations: [zh('路由器重启方法 已归档', '路由器指示灯变红时，旧方法。')], visibility: 'public' });
  await t.api('POST', `/api/v1/articles/${archived.id}/transitions`, { as: supervisor, ifMatch: archived.version, body: { transition: 'archive' } });
  ids.archived = archived.id;
  const org = await t.api('POST', '/api/v1/organizations', { body: { name: '大客户甲' } });
  assert.equal(org.statusCode, 201, org.body);
  ids.restricted = (await publishedArticle(t, writer, supervisor, { translations: [zh('路由器重启方法 大客户', '路由器指示灯变红时，拨打专线。')], visibility: 'restricted', organizationIds: [org.data.id] })).id;
});
after(() => t.close());

const idsOf = (res: { data: { items: Array<{ id: string }> } }) => res.data.items.map((a) => a.id).sort();
const only = (...keys: string[]) => keys.map((k) => ids[k]!).sort();

test('the public help centre JSON and its search list published public articles only (no credentials)', async () => {
  assert.deepEqual(idsOf(await t.api('GET', '/api/v1/help/articles', { as: null })), only('public'));
  const search = await t.api('GET', '/api/v1/help/articles', { as: null, query: { q: '路由器 变红' } });
  assert.equal(search.statusCode, 200, search.body);
  assert.deepEqual(idsOf(search), only('public'));
  assert.equal('status' in search.data.items[0], false, 'a visitor is not told states');
  assert.deepEqual(idsOf(await t.api('GET', '/api/v1/help/suggestions', { as: null, query: { q: '路由器灯红了' } })), only('public'));
  for (const key of ['internal', 'draft', 'inReview', 'archived', 'restricted']) {
    const slug = (await t.api('GET', `/api/v1/articles/${ids[key]}`, { as: supervisor })).data.slug;
    assertProblem(await t.api('GET', `/api/v1/help/articles/${slug}`, { as: null }), 404, 'article.not_found');
    assertProblem(await t.api('POST', `/api/v1/help/articles/${ids[key]}/votes`, { as: null, body: { helpful: true } }), 404, 'article.not_found');
  }
});

test('an agent searches, gets suggestions and ?? over published articles and their own drafts — never a colleague\'s draft', async () => {
  assert.deepEqual(idsOf(await t.api('GET', '/api/v1/articles', { as: otherAgent, query: { q: '路由器' } })), only('public', 'internal', 'restricted'));
  assert.deepEqual(idsOf(await t.api('GET', '/api/v1/articles', { as: writer, query: { q: '路由器' } })), only('public', 'internal', 'restricted', 'draft', 'inReview', 'archived'));
  // `??` for a public reply: published public articles only.
  assert.deepEqual(idsOf(await t.api('GET', '/api/v1/articles', { as: otherAgent, query: { q: '路由器', for: 'reply' } })), only('public'));
  const ticket = await t.createTicket({ subject: '路由器指示灯变红', description: '客户说路由器灯一直是红的' }, { as: otherAgent });
  const suggestions = await t.api('GET', `/api/v1/tickets/${ticket.id}/article-suggestions`, { as: otherAgent });
  assert.equal(suggestions.statusCode, 200, suggestions.body);
  assert.deepEqual(idsOf(suggestions), only('public', 'internal', 'restricted'));
  assert.ok(suggestions.data.items.every((a: { matchedWords: string[] }) => a.matchedWords.includes('路由器指示灯变红')), JSON.stringify(suggestions.data.items.map((a: { matchedWords: string[] }) => a.matchedWords)));
  assertProblem(await t.api('GET', `/api/v1/articles/${ids.draft}`, { as: otherAgent }), 404, 'article.not_found');
  // Inserting an internal article into a public reply is refused; into a note it is fine.
  const intoReply = await t.api('POST', `/api/v1/tickets/${ticket.id}/articles`, { as: otherAgent, body: { articleId: ids.internal, locale: 'zh-CN', mode: 'content', into: 'reply' } });
  assertProblem(intoReply, 400, 'validation.failed');
  assert.deepEqual(intoReply.data.errors.map((e: { path: string; code: string }) => [e.path, e.code]), [['articleId', 'article.not_public']]);
  const draftIntoNote = await t.api('POST', `/api/v1/tickets/${ticket.id}/articles`, { as: otherAgent, body: { articleId: ids.draft, locale: 'zh-CN', mode: 'link', into: 'note' } });
  assertProblem(draftIntoNote, 404, 'article.not_found');
});

test('a field engineer (knowledge.read) reads published articles only; without credentials the staff API is closed', async () => {
  const engineer = await t.user('field_engineer');
  assert.deepEqual(idsOf(await t.api('GET', '/api/v1/articles', { as: engineer, query: { q: '路由器' } })), only('public', 'internal', 'restricted'));
  assert.equal((await t.api('POST', '/api/v1/articles', { as: engineer, body: { translations: [zh('x', 'y')] } })).statusCode, 403);
  assert.equal((await t.api('GET', '/api/v1/articles', { as: null })).statusCode, 401);
});

test('a help-centre search with no exact match answers the best matches for any of its words — still public only', async () => {
  const loose = await t.api('GET', '/api/v1/help/articles', { as: null, query: { q: '路由器变红' } });
  assert.deepEqual(idsOf(loose), only('public'));
});
