import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertProblem, createTestApp, type TestApp, type TestUser } from '../../app/test-app.js';
import { move, publishedArticle, writeArticle, zh } from './test-kit.js';

/** Articles (issue 17 §1): drafts, review, publishing, versions with a diff and rollback, translations, sanitising, permissions. */
let t: TestApp;
let agent: TestUser;
let otherAgent: TestUser;
let supervisor: TestUser;

before(async () => {
  t = await createTestApp();
  agent = await t.user('agent');
  otherAgent = await t.user('agent');
  supervisor = await t.user('supervisor');
});
after(() => t.close());

test('an agent writes a draft, submits it; only a supervisor publishes; states 草稿 → 待审核 → 已发布 → 已归档 with events', async () => {
  const article = await writeArticle(t, agent, { translations: [zh('打印机卡纸怎么办', '先关机，再打开后盖取出纸张。')], tags: ['打印机'], reviewBy: '2027-06-30' });
  const draft = await t.api('GET', `/api/v1/articles/${article.id}`, { as: agent });
  assert.equal(draft.data.status, 'draft');
  assert.equal(draft.data.ownerId, agent.id);
  assert.equal(draft.data.reviewBy, '2027-06-30');
  assert.deepEqual(draft.data.abilities, { edit: true, submit: true, review: false });
  assert.equal(draft.headers.etag, '"1"');

  // The agent may not publish, not even their own.
  const early = await t.api('POST', `/api/v1/articles/${article.id}/transitions`, { as: agent, ifMatch: 1, body: { transition: 'publish' } });
  assertProblem(early, 403, 'article.transition_forbidden');
  const submitted = await move(t, agent, article.id, 'submit', { reviewerId: supervisor.id });
  assert.equal(submitted.status, 'in_review');
  // Submitted: the writer can no longer change it.
  const locked = await t.api('PATCH', `/api/v1/articles/${article.id}`, { as: agent, ifMatch: submitted.version, body: { tags: ['x'] } });
  assertProblem(locked, 403, 'article.not_editable');
  const published = await move(t, supervisor, article.id, 'publish');
  assert.equal(published.status, 'published');
  const archived = await move(t, supervisor, article.id, 'archive');
  assert.equal(archived.status, 'archived');
  const wrong = await t.api('POST', `/api/v1/articles/${article.id}/transitions`, { as: supervisor, ifMatch: archived.version, body: { transition: 'submit' } });
  assertProblem(wrong, 409, 'article.transition_invalid');

  const events = await t.database.db.execute<{ type: string }>(`select type from domain_events where aggregate_id = '${article.id}' order by id` as never);
  const types = (events as unknown as { rows: Array<{ type: string }> }).rows.map((r) => r.type);
  assert.deepEqual(types, ['knowledge.article_created', 'knowledge.article_submitted', 'knowledge.article_published', 'knowledge.article_archived']);
});

test('a reviewer sends an article back with a note; another agent cannot see the draft at all (404)', async () => {
  const article = await writeArticle(t, agent, { translations: [zh('退货流程', '七天无理由退货。')] });
  assertProblem(await t.api('GET', `/api/v1/articles/${article.id}`, { as: otherAgent }), 404, 'article.not_found');
  await move(t, agent, article.id, 'submit');
  const back = await move(t, supervisor, article.id, 'reject', { note: '请补充运费说明' });
  assert.equal(back.status, 'draft');
});

test('every change is a version: a readable diff by line, and a rollback that becomes a new version', async () => {
  const article = await writeArticle(t, supervisor, { translations: [{ locale: 'zh-CN', title: '发票开具', bodyHtml: '<p>第一步：登录。</p><p>第二步：申请发票。</p>' }] });
  const edit = await t.api('PATCH', `/api/v1/articles/${article.id}`, { as: supervisor, ifMatch: 1, body: { translations: [{ locale: 'zh-CN', title: '发票开具', bodyHtml: '<p>第一步：登录。</p><p>第二步：在“我的订单”申请电子发票。</p>' }], tags: ['发票'] } });
  assert.equal(edit.statusCode, 200, edit.body);
  assert.equal(edit.data.version, 2);
  // A stale If-Match is refused and changes nothing.
  assertProblem(await t.api('PATCH', `/api/v1/articles/${article.id}`, { as: supervisor, ifMatch: 1, body: { tags: [] } }), 412, 'article.version_mismatch');
  assertProblem(await t.api('PATCH', `/api/v1/articles/${article.id}`, { as: supervisor, body: { tags: [] } }), 428, 'article.if_match_required');

  const diff = await t.api('GET', `/api/v1/articles/${article.id}/diff`, { as: supervisor, query: { from: 1, to: 2 } });
  assert.equal(diff.statusCode, 200, diff.body);
  const body = diff.data.texts.find((x: { field: string }) => x.field === 'body');
  assert.deepEqual(body.lines, [
    { op: 'same', text: '第一步：登录。' },
    { op: 'removed', text: '第二步：申请发票。' },
    { op: 'added', text: '第二步：在“我的订单”申请电子发票。' },
  ]);
  assert.deepEqual(diff.data.settings, [{ field: 'tags', from: [], to: ['发票'] }]);

  const rolled = await t.api('POST', `/api/v1/articles/${article.id}/rollback`, { as: supervisor, ifMatch: 2, body: { toVersion: 1 } });
  assert.equal(rolled.statusCode, 200, rolled.body);
  assert.equal(rolled.data.version, 3);
  assert.equal(rolled.data.translations[0].bodyText, '第一步：登录。\n第二步：申请发票。');
  assert.deepEqual(rolled.data.tags, []);
  const versions = await t.api('GET', `/api/v1/articles/${article.id}/versions`, { as: supervisor });
  assert.deepEqual(versions.data.items.map((v: { number: number; reason: string; restoredFrom: number | null }) => [v.number, v.reason, v.restoredFrom]), [[3, 'rolled_back', 1], [2, 'updated', null], [1, 'created', null]]);
  // Agents cannot roll back.
  assertProblem(await t.api('POST', `/api/v1/articles/${article.id}/rollback`, { as: agent, ifMatch: 3, body: { toVersion: 1 } }), 403, 'auth.forbidden');
});

test('zh-CN and en are one article; the HTML is cut to the allow-list; a published slug stays', async () => {
  const article = await writeArticle(t, supervisor, {
    translations: [
      { locale: 'zh-CN', title: '重置密码', bodyHtml: '<p onclick="x()">点击<a href="javascript:alert(1)">忘记密码</a><script>alert(1)</script><img src="https://tracker.example/p.gif"><strong>验证码</strong></p>' },
      { locale: 'en', title: 'Reset your password', bodyHtml: '<p>Click <a href="https://example.com/reset">Forgot password</a></p><iframe src="https://evil"></iframe>' },
    ],
  });
  assert.match(article.slug, /^reset-your-password-[0-9a-f]{8}$/);
  const view = await t.api('GET', `/api/v1/articles/${article.slug}`, { as: supervisor });
  const zhText = view.data.translations.find((x: { locale: string }) => x.locale === 'zh-CN');
  // A link whose address is not safe is no link at all (its text stays).
  assert.equal(zhText.bodyHtml, '<p>点击忘记密码<strong>验证码</strong></p>');
  const en = view.data.translations.find((x: { locale: string }) => x.locale === 'en');
  assert.equal(en.bodyHtml, '<p>Click <a target="_blank" rel="noopener noreferrer nofollow" href="https://example.com/reset">Forgot password</a></p>');
  const repeated = await t.api('POST', '/api/v1/articles', { as: agent, body: { translations: [zh('a', 'b'), zh('c', 'd')] } });
  assertProblem(repeated, 400, 'validation.failed');
  assert.equal(repeated.data.errors[0].path, 'translations.1.locale');

  await move(t, supervisor, article.id, 'publish');
  const current = await t.api('GET', `/api/v1/articles/${article.id}`, { as: supervisor });
  const slug = await t.api('PATCH', `/api/v1/articles/${article.id}`, { as: supervisor, ifMatch: current.data.version, body: { slug: 'new-address' } });
  assertProblem(slug, 400, 'validation.failed');
  assert.equal(slug.data.errors[0].code, 'article.slug_locked');
});

test('malformed input names the field; restricted articles need an audience; related articles must exist', async () => {
  const noTitle = await t.api('POST', '/api/v1/articles', { as: agent, body: { translations: [{ locale: 'zh-CN', title: '', bodyHtml: '<p>x</p>' }] } });
  assertProblem(noTitle, 400, 'validation.failed');
  assert.equal(noTitle.data.errors[0].path, 'translations.0.title');
  const audience = await t.api('POST', '/api/v1/articles', { as: agent, body: { translations: [zh('VIP 专享', '专线电话')], visibility: 'restricted' } });
  assert.equal(audience.data.errors[0].code, 'article.audience_required');
  const related = await t.api('POST', '/api/v1/articles', { as: agent, body: { translations: [zh('x', 'y')], relatedIds: ['018f0000-0000-7000-8000-000000000000'] } });
  assert.equal(related.data.errors[0].path, 'relatedIds.0');
  const empty = await t.api('POST', '/api/v1/articles', { as: agent, body: { translations: [{ locale: 'zh-CN', title: 't', bodyHtml: '<script>x</script>' }] } });
  assert.equal(empty.data.errors[0].code, 'article.body_empty');
});

test('categories form a tree; supervisors manage them, agents only read; a cycle is refused', async () => {
  const root = await t.api('POST', '/api/v1/knowledge/categories', { as: supervisor, body: { nameZh: '账户', nameEn: 'Account' } });
  assert.equal(root.statusCode, 201, root.body);
  const child = await t.api('POST', '/api/v1/knowledge/categories', { as: supervisor, body: { nameZh: '密码', parentId: root.data.id } });
  const cycle = await t.api('PUT', `/api/v1/knowledge/categories/${root.data.id}`, { as: supervisor, body: { nameZh: '账户', parentId: child.data.id } });
  assert.equal(cycle.data.errors[0].code, 'kb_category.cycle');
  assert.equal((await t.api('POST', '/api/v1/knowledge/categories', { as: agent, body: { nameZh: 'x' } })).statusCode, 403);
  const listed = await t.api('GET', '/api/v1/knowledge/categories', { as: agent });
  assert.ok(listed.data.items.some((c: { id: string; parentId: string }) => c.id === child.data.id && c.parentId === root.data.id));
  const filed = await publishedArticle(t, agent, supervisor, { translations: [zh('修改登录密码', '在个人设置里修改')], visibility: 'public', categoryId: child.data.id });
  const inCategory = await t.api('GET', '/api/v1/help/articles', { as: null, query: { categoryId: child.data.id } });
  assert.equal(inCategory.statusCode, 200, inCategory.body);
  assert.deepEqual(inCategory.data.items.map((a: { id: string }) => a.id), [filed.id]);
});

test('search: title hits first, then newest; each word as written (exact, like ticket search); tags count', async () => {
  const inTitle = await publishedArticle(t, agent, supervisor, { translations: [zh('积分兑换规则', '每月一日更新。')], visibility: 'public' });
  const inBody = await publishedArticle(t, agent, supervisor, { translations: [zh('会员说明', '会员积分兑换需满一百分。')], visibility: 'public' });
  const tagged = await publishedArticle(t, agent, supervisor, { translations: [zh('常见问题', '请看下方。')], tags: ['积分兑换'], visibility: 'public' });
  const found = await t.api('GET', '/api/v1/help/articles', { as: null, query: { q: '积分兑换' } });
  assert.deepEqual(found.data.items.map((a: { id: string }) => a.id), [inTitle.id, tagged.id, inBody.id]);
  const exact = await t.api('GET', '/api/v1/articles', { as: agent, query: { q: '兑换积分' } });
  assert.deepEqual(exact.data.items, [], 'the words must appear in this order');
});
