import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/database.js';
import { createTestApp, type TestApp, type TestUser } from '../../app/test-app.js';
import { articleDocument } from './article-rows.js';
import { titleMatch } from './article-matches.js';
import type { ArticleReader } from './article-model.js';
import { searchArticles } from './article-search.js';
import { suggestArticles } from './article-suggestions.js';
import { publishedArticle, writeArticle, zh } from './test-kit.js';

/**
 * Issue 17 §2 at scale: a search walks the newest translations while a word is common and asks the
 * title-and-tags index or the document index otherwise (article-matches.ts). Whichever path a
 * search takes — chosen here by giving it a walk budget the small table is over or under — the
 * page is the same, title hits first then newest, and holds nothing the reader may not read.
 */
let t: TestApp;
let writer: TestUser;
let supervisor: TestUser;
let organizationId: string;
const ids: Record<string, string> = {};

before(async () => {
  t = await createTestApp();
  writer = await t.user('agent');
  supervisor = await t.user('supervisor');
  const org = await t.api('POST', '/api/v1/organizations', { body: { name: '大客户乙' } });
  assert.equal(org.statusCode, 201, org.body);
  organizationId = org.data.id;
  const publish = async (key: string, title: string, body: string, extra: Record<string, unknown> = {}) =>
    (ids[key] = (await publishedArticle(t, writer, supervisor, { translations: [zh(title, body)], visibility: 'public', ...extra })).id);
  // Oldest first; the titles of the unreadable ones hold the word too, so only visibility keeps them out.
  await publish('bodyOld', '账户设置说明', '退款将在三到五个工作日内原路退回。');
  await publish('titleOld', '退款多久到账', '一般三到五个工作日。');
  await publish('internalTitle', '退款审批（内部）', '退款需要主管审批。', { visibility: 'internal' });
  await publish('restrictedTitle', '退款专线（大客户）', '退款请拨打专线。', { visibility: 'restricted', organizationIds: [organizationId] });
  await publish('tagOnly', '售后服务说明', '七天无理由。', { tags: ['退款'] });
  await publish('bodyNew', '订单常见问题', '取消订单后退款自动发起。');
  ids.draftTitle = (await writeArticle(t, writer, { translations: [zh('退款草稿', '退款草稿内容。')], visibility: 'public' })).id;
  await publish('titleNew', '退款申请流程', '在订单页点击申请退款。');
  await publish('unrelated', '发票开具', '订单完成后可申请发票。');
});
after(() => t.close());

const visitor: ArticleReader = { kind: 'visitor', organizationId: null, tierKeys: [] };
const staff = (user: TestUser): ArticleReader => ({ kind: 'staff', actor: user.actor });
const only = (...keys: string[]) => keys.map((k) => ids[k]!);
// A walk of 1 or 2 rows runs out and asks the index; 3 and 5 fill some pages from the newest rows and not others; 1 000 covers the table.
const budgets = [1, 2, 3, 5, 1_000];

test('a common word: title hits first, then the rest, newest first — the same page on every path, for every reader', async () => {
  const db = t.database.db;
  const orgVisitor: ArticleReader = { kind: 'visitor', organizationId, tierKeys: [] };
  const expected: Array<[string, ArticleReader, 'read' | 'public_reply', string[]]> = [
    ['visitor', visitor, 'read', only('titleNew', 'titleOld', 'bodyNew', 'tagOnly', 'bodyOld')],
    ['the organisation\'s customer', orgVisitor, 'read', only('titleNew', 'restrictedTitle', 'titleOld', 'bodyNew', 'tagOnly', 'bodyOld')],
    ['the writer (own draft)', staff(writer), 'read', only('titleNew', 'draftTitle', 'restrictedTitle', 'internalTitle', 'titleOld', 'bodyNew', 'tagOnly', 'bodyOld')],
    ['an agent, `??` for a public reply', staff(await t.user('agent')), 'public_reply', only('titleNew', 'titleOld', 'bodyNew', 'tagOnly', 'bodyOld')],
  ];
  for (const [who, reader, purpose, ids] of expected) {
    for (const walkBudget of budgets) {
      for (const limit of [1, 2, 20]) {
        const found = await searchArticles(db, reader, { q: '退款', limit, purpose }, walkBudget);
        assert.deepEqual(found.map((a) => a.id), ids.slice(0, limit), `${who}, walk budget ${walkBudget}, limit ${limit}`);
      }
    }
  }
});

test('a word only unreadable articles hold in their titles finds the readable bodies, and a rare word finds its one article, on every path', async () => {
  const db = t.database.db;
  for (const walkBudget of budgets) {
    assert.deepEqual((await searchArticles(db, visitor, { q: '审批', limit: 20 }, walkBudget)).map((a) => a.id), [], `budget ${walkBudget}`);
    assert.deepEqual((await searchArticles(db, visitor, { q: '专线', limit: 20 }, walkBudget)).map((a) => a.id), [], `budget ${walkBudget}`);
    assert.deepEqual((await searchArticles(db, visitor, { q: '原路退回', limit: 20 }, walkBudget)).map((a) => a.id), only('bodyOld'), `budget ${walkBudget}`);
    assert.deepEqual((await searchArticles(db, visitor, { q: '发票', limit: 20 }, walkBudget)).map((a) => a.id), only('unrelated'), `budget ${walkBudget}`);
  }
});

test('the title document is the title and tags of the stored document, and title searches and suggestions read its own index', async () => {
  const db = t.database.db;
  const [row] = await queryRows<{ same: boolean; title: string }>(db, sql`select ts_filter(document, '{a,b}'::"char"[]) = ${articleDocument('售后服务说明', ['退款'], '')}::tsvector as same, ts_filter(document, '{a,b}'::"char"[])::text as title from kb_article_translations where article_id = ${ids.tagOnly}`);
  assert.equal(row!.same, true, row!.title);
  const plan = await db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('enable_seqscan', 'off', true)`);
    return queryRows<{ 'QUERY PLAN': unknown }>(tx, sql`explain (format json) select 1 from kb_article_translations where ${titleMatch("'退款':A").indexed}`);
  });
  assert.match(JSON.stringify(plan), /kb_article_translations_title_idx/);
  // A tag is a title-and-tags match: the article tagged 退款 is a candidate before body-only ones.
  const suggested = await suggestArticles(db, visitor, '退款', { limit: 5 });
  assert.deepEqual(new Set(suggested.map((a) => a.id)), new Set(only('titleNew', 'titleOld', 'tagOnly')));
  // No readable title holds a term (草稿 is the draft's title): the bodies qualify, the draft's still not.
  assert.deepEqual((await suggestArticles(db, visitor, '草稿内容 原路退回', { limit: 5 })).map((a) => a.id), only('bodyOld'));
});
