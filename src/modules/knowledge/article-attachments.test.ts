import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/database.js';
import { assertProblem, createTestApp, type TestApp, type TestUser } from '../../app/test-app.js';
import { multipartBody, type TestFile } from '../portal/test-multipart.js';
import { move, writeArticle, zh } from './test-kit.js';

/** Issue 17 §1: the console's image button and attachment list — listing, the image-only upload, removal, and staff reading a draft's images. */
let t: TestApp;
let agent: TestUser;
let supervisor: TestUser;

before(async () => {
  t = await createTestApp();
  agent = await t.user('agent');
  supervisor = await t.user('supervisor');
});
after(() => t.close());

// Files are content-addressed and readable wherever the same bytes are: each test gets its own bytes.
let made = 0;
const pngBytes = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const pngOf = () => Buffer.concat([pngBytes, Buffer.from(`#${++made}`)]);
const pdfOf = () => Buffer.from(`%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n%${++made}\n`);

type FileView = { id: string; url: string; filename: string; contentType: string; size: number; image: boolean };

async function upload(as: TestUser, articleId: string, file: TestFile, kind?: 'image' | 'attachment') {
  const { payload, headers } = multipartBody({}, [file], 'file');
  return t.server.inject({ method: 'POST', url: `/api/v1/articles/${articleId}/files${kind ? `?kind=${kind}` : ''}`, headers: { ...as.headers, ...headers }, payload });
}

test('an article lists its non-image files as attachments, for staff and for help-centre readers once published', async () => {
  const png = pngOf();
  const pdf = pdfOf();
  const article = await writeArticle(t, agent, { translations: [zh('安装手册', '见附件。')], visibility: 'public' });
  const image = (await upload(agent, article.id, { filename: '示意图.png', contentType: 'image/png', data: png })).json() as FileView;
  const manual = await upload(agent, article.id, { filename: '安装手册.pdf', contentType: 'application/pdf', data: pdf }, 'attachment');
  assert.equal(manual.statusCode, 201, manual.body);
  const attachment = manual.json() as FileView;
  assert.equal(attachment.image, false);
  assert.equal(image.image, true);

  const staff = await t.api('GET', `/api/v1/articles/${article.id}`, { as: agent });
  assert.deepEqual(staff.data.attachments, [{ id: attachment.id, url: attachment.url, filename: '安装手册.pdf', contentType: 'application/pdf', size: pdf.length }]);
  await move(t, agent, article.id, 'submit');
  const published = await move(t, supervisor, article.id, 'publish');
  const help = await t.api('GET', `/api/v1/help/articles/${(published as unknown as { slug: string }).slug}`, { as: null });
  assert.equal(help.statusCode, 200, help.body);
  assert.deepEqual(help.data.attachments.map((a: FileView) => a.filename), ['安装手册.pdf']);
  const download = await t.api('GET', attachment.url, { as: null });
  assert.equal(download.statusCode, 200);
  assert.deepEqual(download.rawPayload, pdf);
  assert.match(String(download.headers['content-disposition']), /^attachment;/);
});

test('"insert image" refuses a file whose bytes are not an image, naming the field, whatever its name says', async () => {
  const png = pngOf();
  const pdf = pdfOf();
  const article = await writeArticle(t, agent, { translations: [zh('图片类型', '内容')] });
  const refused = await upload(agent, article.id, { filename: 'photo.png', contentType: 'image/png', data: pdf }, 'image');
  assertProblem(refused, 400, 'validation.failed');
  assert.equal(refused.json().errors[0].path, 'file');
  assert.equal(refused.json().errors[0].code, 'article.file_not_image');
  assert.match(refused.json().errors[0].message, /PNG、JPEG、GIF 或 WebP.*application\/pdf/);
  const accepted = await upload(agent, article.id, { filename: 'photo.png', contentType: 'image/png', data: png }, 'image');
  assert.equal(accepted.statusCode, 201, accepted.body);
  const unknownKind = await t.server.inject({ method: 'POST', url: `/api/v1/articles/${article.id}/files?kind=video`, headers: agent.headers });
  assert.equal(unknownKind.statusCode, 400);
  assert.equal(unknownKind.json().errors[0].path, 'kind');
  const listed = await t.api('GET', `/api/v1/articles/${article.id}`, { as: agent });
  assert.deepEqual(listed.data.attachments, [], 'the refused file is not on the article, the image is not an attachment');
});

test('a writer removes an attachment from their draft: it leaves the article, its address stops answering, and the change is an event', async () => {
  const png = pngOf();
  const pdf = pdfOf();
  const article = await writeArticle(t, agent, { translations: [zh('移除附件', '内容')], visibility: 'public' });
  const file = (await upload(agent, article.id, { filename: '旧版手册.pdf', data: pdf })).json() as FileView;
  const other = await t.user('agent');
  assertProblem(await t.api('DELETE', `/api/v1/articles/${article.id}/files/${file.id}`, { as: other }), 404, 'article.not_found');
  const engineer = await t.user('field_engineer');
  assertProblem(await t.api('DELETE', `/api/v1/articles/${article.id}/files/${file.id}`, { as: engineer }), 403, 'auth.forbidden');
  assertProblem(await t.api('DELETE', `/api/v1/articles/${article.id}/files/01890a5d-ac96-774b-bcce-b302099a8057`, { as: agent }), 404, 'article.file_not_found');

  const removed = await t.api('DELETE', `/api/v1/articles/${article.id}/files/${file.id}`, { as: agent });
  assert.equal(removed.statusCode, 204, removed.body);
  assert.deepEqual((await t.api('GET', `/api/v1/articles/${article.id}`, { as: agent })).data.attachments, []);
  assertProblem(await t.api('GET', file.url.replace('/help/files/', '/articles/files/'), { as: supervisor }), 404, 'article.file_not_found');
  const events = await queryRows<{ payload: { fileId: string } }>(t.database.db, sql`select payload from domain_events where type = 'knowledge.article_file_removed' and aggregate_id = ${article.id}`);
  assert.deepEqual(events.map((e) => e.payload.fileId), [file.id]);
});

test('once submitted, only a reviewer may remove a file', async () => {
  const png = pngOf();
  const pdf = pdfOf();
  const article = await writeArticle(t, agent, { translations: [zh('审核中的附件', '内容')] });
  const file = (await upload(agent, article.id, { filename: 'a.pdf', data: pdf })).json() as FileView;
  await move(t, agent, article.id, 'submit');
  assertProblem(await t.api('DELETE', `/api/v1/articles/${article.id}/files/${file.id}`, { as: agent }), 403, 'article.not_editable');
  assert.equal((await t.api('DELETE', `/api/v1/articles/${article.id}/files/${file.id}`, { as: supervisor })).statusCode, 204);
});

test('a signed-in console user sees their draft\'s images at the embedded address; a visitor does not', async () => {
  const png = pngOf();
  const login = await t.api('POST', '/api/v1/auth/login', { as: null, body: { email: agent.email, password: 'password-123' } });
  assert.equal(login.statusCode, 200, login.body);
  const cookie = `opencsm_session=${login.cookies.find((c) => c.name === 'opencsm_session')!.value}`;
  const article = await writeArticle(t, agent, { translations: [zh('草稿里的图', '内容')], visibility: 'public' });
  const image = (await upload(agent, article.id, { filename: 'x.png', contentType: 'image/png', data: png }, 'image')).json() as FileView;
  const asStaff = await t.api('GET', image.url, { as: null, headers: { cookie } });
  assert.equal(asStaff.statusCode, 200);
  assert.deepEqual(asStaff.rawPayload, png);
  assertProblem(await t.api('GET', image.url, { as: null }), 404, 'article.file_not_found');
  // Another agent's session reads only what that agent may read: not someone else's draft.
  const other = await t.user('agent');
  const otherLogin = await t.api('POST', '/api/v1/auth/login', { as: null, body: { email: other.email, password: 'password-123' } });
  const otherCookie = `opencsm_session=${otherLogin.cookies.find((c) => c.name === 'opencsm_session')!.value}`;
  assertProblem(await t.api('GET', image.url, { as: null, headers: { cookie: otherCookie } }), 404, 'article.file_not_found');
});
