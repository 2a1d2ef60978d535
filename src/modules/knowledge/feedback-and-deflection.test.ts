import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ManualClock } from '../../app/clock.js';
import { assertProblem, createTestApp, type TestApp, type TestUser } from '../../app/test-app.js';
import { publishedArticle, zh } from './test-kit.js';

/** Issue 17 §3/§4: 有用吗？ votes (one per visitor), "没用" → a task for the owner, deflection after 30 minutes as a due row. */
const clock = new ManualClock('2026-12-01T09:00:00+08:00');
let t: TestApp;
let owner: TestUser;
let supervisor: TestUser;
let article: { id: string };

before(async () => {
  t = await createTestApp({}, { clock });
  owner = await t.user('agent', { name: '王知识' });
  supervisor = await t.user('supervisor');
  article = await publishedArticle(t, owner, supervisor, { translations: [zh('如何申请退款', '在订单页点击申请退款。')], visibility: 'public' });
});
after(() => t.close());

const visitor = (n: number) => ({ cookie: `opencsm_help_visitor=visitor-${n}-aaaaaaaaaaaaaaaaaaaa`, 'sec-fetch-site': 'same-origin' });
const vote = (n: number, body: Record<string, unknown>) => t.api('POST', `/api/v1/help/articles/${article.id}/votes`, { as: null, headers: visitor(n), body });
const events = async (type: string) =>
  ((await t.database.db.execute(`select payload from domain_events where type = '${type}' and aggregate_id = '${article.id}' order by id` as never)) as unknown as { rows: Array<{ payload: Record<string, unknown> }> }).rows.map((r) => r.payload);

test('one vote per visitor per article: voting again changes it; a visitor without the cookie gets one', async () => {
  assert.deepEqual((await vote(1, { helpful: true })).data, { helpful: true, changed: false });
  assert.deepEqual((await vote(1, { helpful: true })).data, { helpful: true, changed: false });
  assert.deepEqual((await vote(2, { helpful: true })).data, { helpful: true, changed: false });
  const fresh = await t.api('POST', `/api/v1/help/articles/${article.id}/votes`, { as: null, body: { helpful: true } });
  assert.equal(fresh.statusCode, 200, fresh.body);
  assert.ok(fresh.cookies.some((c) => c.name === 'opencsm_help_visitor' && c.httpOnly), 'the visitor id is set as an HttpOnly cookie');
  assert.deepEqual((await t.api('GET', `/api/v1/articles/${article.id}/feedback`, { as: owner })).data, { helpful: 3, notHelpful: 0, reasons: [] });
  assert.equal((await events('knowledge.article_voted')).length, 3, 'the repeated identical vote recorded nothing');
  const bad = await vote(1, { helpful: 'yes' });
  assertProblem(bad, 400, 'validation.failed');
  assert.equal(bad.data.errors[0].path, 'helpful');
});

test('"没用" with a reason becomes one task for the owner: an internal ticket assigned to them', async () => {
  assert.deepEqual((await vote(1, { helpful: false, reason: '没有说退款多久到账' })).data, { helpful: false, changed: true });
  await vote(1, { helpful: false, reason: '没有说退款多久到账，也没有说手续费' });
  await t.drain();
  const feedback = await t.api('GET', `/api/v1/articles/${article.id}/feedback`, { as: owner });
  assert.equal(feedback.data.notHelpful, 1);
  assert.equal(feedback.data.helpful, 2);
  const tasks = await t.api('GET', '/api/v1/tickets', { as: owner, query: { assigneeId: 'me' } });
  assert.equal(tasks.data.items.length, 1, 'one task per vote, not per change of its reason');
  const task = tasks.data.items[0];
  assert.match(task.subject, /如何申请退款/);
  assert.match(task.description, /没有说退款多久到账/);
  assert.deepEqual(task.tags, ['知识库反馈']);
  assert.equal(task.requester, null, 'no customer is mailed about it');
});

test('deflection: an article opened and no ticket within 30 minutes counts once per visit; a submitted ticket cancels it', async () => {
  const open = (n: number) => t.api('POST', `/api/v1/help/articles/${article.id}/visits`, { as: null, headers: visitor(n), body: { source: 'form', locale: 'zh-CN' } });
  assert.equal((await open(10)).statusCode, 204);
  assert.equal((await open(10)).statusCode, 204); // opened again within the window: the same visit
  assert.equal((await open(11)).statusCode, 204);
  clock.advanceMinutes(10);
  const submitted = await t.api('POST', '/api/v1/help/ticket-submitted', { as: null, headers: visitor(11) });
  assert.deepEqual(submitted.data, { visits: 1 });
  clock.advanceMinutes(19);
  await t.drain();
  assert.equal((await events('knowledge.deflection')).length, 0, 'not yet 30 minutes');
  clock.advanceMinutes(1);
  await t.drain();
  const deflections = await events('knowledge.deflection');
  assert.equal(deflections.length, 1);
  assert.equal(deflections[0]!.source, 'form');
  assert.equal((await events('knowledge.article_viewed')).length, 3);
  await t.drain();
  assert.equal((await events('knowledge.deflection')).length, 1, 'settled once');
});
