import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertProblem, createTestApp, type TestApp, type TestUser } from '../../app/test-app.js';
import { multipartBody } from '../portal/test-multipart.js';
import { move, writeArticle, zh } from './test-kit.js';

/** Issue 17 §1: images and attachments of articles, readable exactly where the article is. */
let t: TestApp;
let agent: TestUser;
let supervisor: TestUser;

before(async () => {
  t = await createTestApp();
  agent = await t.user('agent');
  supervisor = await t.user('supervisor');
});
after(() => t.close());

// A 1×1 PNG.
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

test('a writer uploads an image to their draft; it is embedded, hidden from the help centre until the article is published and public', async () => {
  const article = await writeArticle(t, agent, { translations: [zh('接线示意图', '见下图。')], visibility: 'public' });
  const { payload, headers } = multipartBody({}, [{ filename: '接线图.png', contentType: 'image/png', data: png }], 'file');
  const upload = await t.server.inject({ method: 'POST', url: `/api/v1/articles/${article.id}/files`, headers: { ...agent.headers, ...headers }, payload });
  assert.equal(upload.statusCode, 201, upload.body);
  const file = upload.json() as { url: string; contentType: string; image: boolean };
  assert.equal(file.contentType, 'image/png');
  assert.equal(file.image, true);
  assert.match(file.url, /^\/api\/v1\/help\/files\/[0-9a-f]{64}$/);

  const edited = await t.api('PATCH', `/api/v1/articles/${article.id}`, { as: agent, ifMatch: 1, body: { translations: [{ locale: 'zh-CN', title: '接线示意图', bodyHtml: `<p>见下图。</p><img src="${file.url}" alt="接线图"><img src="https://tracker.example/x.png">` }] } });
  assert.equal(edited.statusCode, 200, edited.body);
  assert.equal(edited.data.translations[0].bodyHtml, `<p>见下图。</p><img src="${file.url}" alt="接线图" />`);

  assertProblem(await t.api('GET', file.url, { as: null }), 404, 'article.file_not_found');
  const staff = await t.api('GET', file.url.replace('/help/files/', '/articles/files/'), { as: agent });
  assert.equal(staff.statusCode, 200);
  assert.deepEqual(staff.rawPayload, png);
  await move(t, agent, article.id, 'submit');
  await move(t, supervisor, article.id, 'publish');
  const open = await t.api('GET', file.url, { as: null });
  assert.equal(open.statusCode, 200);
  assert.equal(open.headers['content-type'], 'image/png');
  assert.deepEqual(open.rawPayload, png);
});

test('nobody adds files to an article they may not edit; a request without a file names the field', async () => {
  const article = await writeArticle(t, agent, { translations: [zh('别人的草稿', '内容')] });
  const other = await t.user('agent');
  const { payload, headers } = multipartBody({}, [{ filename: 'a.png', contentType: 'image/png', data: png }], 'file');
  const refused = await t.server.inject({ method: 'POST', url: `/api/v1/articles/${article.id}/files`, headers: { ...other.headers, ...headers }, payload });
  assert.equal(refused.statusCode, 404);
  assert.equal(refused.json().code, 'article.not_found');
  const empty = multipartBody({ note: 'x' }, [], 'file');
  const missing = await t.server.inject({ method: 'POST', url: `/api/v1/articles/${article.id}/files`, headers: { ...agent.headers, ...empty.headers }, payload: empty.payload });
  assert.equal(missing.statusCode, 400);
  assert.equal(missing.json().errors[0].path, 'file');
});
