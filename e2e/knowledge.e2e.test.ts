/**
 * The public help centre in real Chromium on a phone-sized screen (issue 17 §3/§4): a customer
 * searches in Chinese with suggestions as they type, opens an article at its shareable address,
 * says it did not help and why, and goes on to the web form with the search carried over, where
 * the subject suggests the article again. Internal articles and drafts never show. In the console an
 * agent writes a draft and submits it, a supervisor publishes it (the editor → review → publish
 * flow), and an agent inserts it into a reply with ??. Writes the screenshots of docs/knowledge.md.
 *
 *   npm run build:web && node scripts/run-tests.mjs e2e/knowledge.e2e.test.ts
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { chromiumPath, startHarness, type E2eUser, type Harness } from './harness.js';

const skip = chromiumPath() ? false : 'Chromium not found (apt-get install chromium fonts-wqy-zenhei, or set CHROMIUM_PATH)';
const shots = new URL('../docs/screenshots/', import.meta.url).pathname;
let h: Harness;
let supervisor: E2eUser;
type Article = { id: string; slug: string; version: number };

before(async () => {
  if (skip) return;
  // A 1 MB file limit, so the editor's "too large" message is reached with a small upload.
  h = await startHarness({ env: { OPENCSM_MAX_ATTACHMENT_MB: '1' } });
  supervisor = await h.user('supervisor', '赵主管');
});
after(async () => {
  await h?.close();
});

async function article(visibility: 'public' | 'internal', title: string, body: string, publish = true): Promise<Article> {
  const { agentA } = h.users;
  const draft = await h.api<Article>(agentA, 'POST', '/api/v1/articles', { translations: [{ locale: 'zh-CN', title, bodyHtml: body }], visibility, tags: ['路由器'] });
  if (!publish) return draft;
  const submitted = await h.api<Article>(agentA, 'POST', `/api/v1/articles/${draft.id}/transitions`, { transition: 'submit' }).catch(async () => {
    // The harness's api helper sends no If-Match; send it as the API requires.
    const res = await fetch(`${h.baseURL}/api/v1/articles/${draft.id}/transitions`, { method: 'POST', headers: { authorization: `Bearer ${agentA.token}`, 'content-type': 'application/json', 'if-match': `"${draft.version}"` }, body: JSON.stringify({ transition: 'submit' }) });
    return (await res.json()) as Article;
  });
  const res = await fetch(`${h.baseURL}/api/v1/articles/${draft.id}/transitions`, { method: 'POST', headers: { authorization: `Bearer ${supervisor.token}`, 'content-type': 'application/json', 'if-match': `"${submitted.version}"` }, body: JSON.stringify({ transition: 'publish' }) });
  assert.equal(res.status, 200, await res.clone().text());
  return (await res.json()) as Article;
}

test('a customer on a 360 px phone finds a public article by a Chinese query, votes 没用 with a reason, and goes on to the web form with the search', { skip, timeout: 120_000 }, async () => {
  const guide = await article('public', '路由器指示灯变红怎么办', '<p>长按路由器背面的复位键十秒，等待指示灯变绿。</p><p>如果仍然是红色，请检查光猫。</p>');
  await article('internal', '路由器指示灯变红（内部排查手册）', '<p>远程登录设备重置。</p>');
  await article('public', '路由器指示灯变红（草稿）', '<p>未审核的内容。</p>', false);

  const context = await h.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const scripts: string[] = [];
  page.on('request', (request) => request.resourceType() === 'script' && scripts.push(request.url()));
  await page.goto('/help');
  await page.getByTestId('help-results').getByText('路由器指示灯变红怎么办').waitFor();
  // Its own light page: none of the console's code (the console entry is index-*.js, antd lives in its chunks).
  assert.ok(scripts.every((url) => !/\/assets\/index-/.test(url)), scripts.join('\n'));
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= 360), true, 'no sideways scrolling at 360 px');

  await page.getByTestId('help-search').fill('路由器变红');
  const suggestion = page.getByTestId('help-suggestions').getByRole('link');
  await suggestion.first().waitFor();
  assert.deepEqual(await suggestion.allTextContents(), ['路由器指示灯变红怎么办'], 'internal articles and drafts are never suggested');
  await page.screenshot({ path: `${shots}help-centre.png`, animations: 'disabled', caret: 'hide' });
  await page.getByTestId('help-search').press('Enter');
  await page.waitForURL(/\/help\?q=/);
  await page.getByTestId('help-results').getByText('“路由器变红”的搜索结果').waitFor();
  await page.getByTestId('help-results').getByRole('link').first().waitFor();
  assert.deepEqual(await page.getByTestId('help-results').getByRole('link').allTextContents(), ['路由器指示灯变红怎么办']);

  await page.getByTestId('help-results').getByRole('link', { name: '路由器指示灯变红怎么办' }).click();
  await page.waitForURL(`**/help/articles/${guide.slug}`);
  await page.getByTestId('help-article').getByText('长按路由器背面的复位键').waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= 360), true);
  await page.getByTestId('help-vote').getByRole('button', { name: '没用' }).click();
  await page.getByTestId('help-vote').getByRole('textbox').fill('按了复位键还是红灯');
  await page.screenshot({ path: `${shots}help-article.png`, animations: 'disabled', caret: 'hide' });
  await page.getByTestId('help-vote').getByRole('button', { name: '提交' }).click();
  await page.getByTestId('help-vote').getByText('谢谢您的反馈').waitFor();

  // The stable address opens directly (a link shared in WeChat).
  const shared = await context.newPage();
  await shared.goto(`/help/articles/${guide.slug}`);
  await shared.getByTestId('help-article').getByText('路由器指示灯变红怎么办').waitFor();

  // 没用 became a task for the owner; the view started a deflection window.
  await h.app.worker.runUntilIdle();
  const tasks = await h.api<{ items: Array<{ subject: string; description: string }> }>(h.users.agentA, 'GET', '/api/v1/tickets?assigneeId=me');
  assert.ok(tasks.items.some((t) => t.subject.includes('路由器指示灯变红怎么办') && t.description.includes('按了复位键还是红灯')), JSON.stringify(tasks.items.map((t) => t.subject)));

  await page.goto('/help?q=%E8%B7%AF%E7%94%B1%E5%99%A8%E5%8F%98%E7%BA%A2');
  await page.getByTestId('help-submit-ticket').click();
  await page.waitForURL(/\/portal\/form\?subject=/);
  assert.equal(await page.locator('#form-subject').inputValue(), '路由器变红');
  await page.getByTestId('subject-suggestions').getByRole('link', { name: '路由器指示灯变红怎么办' }).waitFor();
  await page.screenshot({ path: `${shots}help-form-suggestions.png`, animations: 'disabled', caret: 'hide', fullPage: true });
  assert.deepEqual(h.takePageErrors(), []);
});

test('console: an agent drafts and submits an article, a supervisor publishes it, another agent inserts it with ?? into a reply', { skip, timeout: 120_000 }, async () => {
  const writer = await h.newPage({ user: h.users.agentA });
  await writer.goto('/knowledge');
  await writer.getByTestId('knowledge-create').click();
  await writer.locator('#article-title').fill('空调不制冷的自查步骤');
  // The body is tiptap (a contenteditable): bold by its shortcut, the list by its toolbar button.
  await writer.locator('#article-body').click();
  await writer.keyboard.type('先检查遥控器是否为');
  await writer.keyboard.press('ControlOrMeta+b');
  await writer.keyboard.type('制冷模式');
  assert.equal(await writer.getByTestId('editor-bold').getAttribute('aria-pressed'), 'true');
  await writer.keyboard.press('ControlOrMeta+b');
  await writer.keyboard.type('。');
  await writer.keyboard.press('Enter');
  await writer.getByRole('button', { name: '项目符号列表' }).click();
  await writer.keyboard.type('清洗滤网');
  await writer.keyboard.press('Enter');
  await writer.keyboard.type('等待十分钟');
  // antd's Select: open it and pick the second option (公开) with the keyboard.
  await writer.locator('#article-visibility').click();
  await writer.keyboard.press('ArrowDown');
  await writer.keyboard.press('Enter');
  await writer.getByTestId('article-save').click();
  await writer.waitForURL(/\/knowledge\/[0-9a-f-]{36}$/);
  await writer.getByTestId('article-status').getByText('草稿').waitFor();
  assert.equal(await writer.getByTestId('article-publish').count(), 0, 'an agent is not offered publishing');
  await writer.getByTestId('article-submit').click();
  await writer.getByTestId('article-status').getByText('待审核').waitFor();
  const id = /\/knowledge\/([0-9a-f-]{36})$/.exec(writer.url())![1]!;

  const reviewer = await h.newPage({ user: supervisor });
  await reviewer.goto('/knowledge');
  await reviewer.getByTestId('knowledge-list').getByRole('link', { name: '空调不制冷的自查步骤' }).click();
  await reviewer.getByTestId('article-publish').click();
  await reviewer.getByTestId('article-status').getByText('已发布').waitFor();
  await reviewer.getByTestId('article-versions').getByText('版本 3').waitFor();
  await reviewer.screenshot({ path: `${shots}knowledge-review.png`, animations: 'disabled', caret: 'hide' });

  // What was typed in the editor is what the help centre shows: the bold words and the list.
  const published = await h.api<Article>(supervisor, 'GET', `/api/v1/articles/${id}`);
  const reader = await h.newPage();
  await reader.goto(`/help/articles/${published.slug}`);
  await reader.getByTestId('help-article').locator('strong', { hasText: '制冷模式' }).waitFor();
  assert.deepEqual(await reader.getByTestId('help-article').locator('ul > li').allInnerTexts(), ['清洗滤网', '等待十分钟']);

  const ticket = await h.api<{ id: string }>(h.users.agentB, 'POST', '/api/v1/tickets', { subject: '空调不制冷', description: '客户说开了半小时还是热风', assigneeId: h.users.agentB.id });
  const agent = await h.newPage({ user: h.users.agentB });
  await agent.goto(`/tickets/${ticket.id}`);
  await agent.getByTestId('ticket-article-suggestions').getByRole('link', { name: '空调不制冷的自查步骤' }).waitFor();
  await agent.getByTestId('composer-body').fill('您好，??空调不制冷');
  await agent.getByTestId('composer-article-search').getByText('空调不制冷的自查步骤').waitFor();
  await agent.getByTestId('composer-article-search').getByRole('button', { name: '插入内容' }).click();
  await agent.waitForFunction(() => (document.querySelector('[data-testid="composer-body"]') as HTMLTextAreaElement | null)?.value.includes('先检查遥控器'));
  assert.equal(await agent.getByTestId('composer-body').inputValue(), '您好，先检查遥控器是否为制冷模式。\n清洗滤网\n等待十分钟');
  await agent.screenshot({ path: `${shots}knowledge-composer.png`, animations: 'disabled', caret: 'hide' });
  const used = await h.api<{ items: Array<{ articleId: string; mode: string }> }>(h.users.agentB, 'GET', `/api/v1/tickets/${ticket.id}/articles`);
  assert.deepEqual(used.items.map((u) => [u.articleId, u.mode]), [[id, 'content']]);
  assert.deepEqual(h.takePageErrors(), []);
});

test('console: a stored article opens in the editor with its formatting, redaction marks and links, and saving keeps them', { skip, timeout: 120_000 }, async () => {
  const stored = '<h2>重置步骤</h2><p>联系 <mark data-redacted="phone">［电话 phone］</mark> 或看<a target="_blank" rel="noopener noreferrer nofollow" href="https://example.com/manual">说明书</a></p><ol><li><p>拔电源</p></li></ol><pre><code>reboot</code></pre>';
  const draft = await article('internal', '编辑器保留格式', stored, false);
  const writer = await h.newPage({ user: h.users.agentA });
  await writer.goto(`/knowledge/${draft.id}`);
  const body = writer.locator('#article-body');
  await body.locator('mark[data-redacted="phone"]').waitFor();
  assert.equal(await body.locator('h2').innerText(), '重置步骤');
  assert.equal(await body.locator('a[href="https://example.com/manual"]').innerText(), '说明书');
  // Add a line at the end with the keyboard only; the rest must come back from the server unchanged.
  await body.locator('pre').click();
  // (After a code block tiptap keeps an empty paragraph to type into: the end of the document is there.)
  await writer.keyboard.press('ControlOrMeta+End');
  await writer.keyboard.type('完');
  await writer.getByTestId('article-save').click();
  await writer.getByTestId('article-versions').getByText('版本 2').waitFor();
  const saved = await h.api<{ translations: Array<{ bodyHtml: string }> }>(h.users.agentA, 'GET', `/api/v1/articles/${draft.id}`);
  assert.equal(saved.translations[0]!.bodyHtml, `${stored}<p>完</p>`);
  assert.deepEqual(h.takePageErrors(), []);
});

/** The img at `selector` has loaded (not a broken image): the browser fetched it with the page's own credentials. */
async function imageShows(page: Page, selector: string): Promise<void> {
  await page.waitForFunction((css) => {
    const img = document.querySelector<HTMLImageElement>(css);
    return Boolean(img?.complete && img.naturalWidth > 0);
  }, selector);
}

test('console: an agent inserts an image with the toolbar button and by pasting, attaches and removes files; readers see the image and download the attachment', { skip, timeout: 120_000 }, async () => {
  const writer = await h.newPage({ user: h.users.agentA });
  await writer.goto('/knowledge');
  await writer.getByTestId('knowledge-create').click();
  // Not saved yet: no id to upload to, so the button waits for the draft and says why.
  assert.equal(await writer.getByTestId('editor-image').first().isDisabled(), true);
  await writer.getByTestId('attachments-save-first').waitFor();
  await writer.locator('#article-title').fill('打印机驱动安装');
  await writer.locator('#article-body').click();
  await writer.keyboard.type('按下图连接数据线。');
  await writer.locator('#article-visibility').click();
  await writer.keyboard.press('ArrowDown');
  await writer.keyboard.press('Enter');
  await writer.getByTestId('article-save').click();
  await writer.waitForURL(/\/knowledge\/[0-9a-f-]{36}$/);
  const id = /\/knowledge\/([0-9a-f-]{36})$/.exec(writer.url())![1]!;

  // A real PNG (a piece of the page, as Chromium paints it), then one that only claims to be a PNG.
  const picture = await writer.screenshot({ clip: { x: 0, y: 0, width: 240, height: 90 } });
  const chooseImage = async (file: { name: string; mimeType: string; buffer: Buffer }) => {
    const [chooser] = await Promise.all([writer.waitForEvent('filechooser'), writer.getByTestId('editor-image').first().click()]);
    await chooser.setFiles(file);
  };
  await writer.locator('#article-body').click();
  await writer.keyboard.press('ControlOrMeta+End');
  await chooseImage({ name: '接线图.png', mimeType: 'image/png', buffer: picture });
  await writer.locator('#article-body img[src^="/api/v1/help/files/"]').waitFor();
  await chooseImage({ name: '伪装.png', mimeType: 'image/png', buffer: Buffer.from('not an image at all') });
  await writer.locator('.ant-message').getByText('“伪装.png”上传失败：只能插入 PNG、JPEG、GIF 或 WebP 图片（该文件是 text/plain）').waitFor();
  await chooseImage({ name: '大图.png', mimeType: 'image/png', buffer: Buffer.concat([picture, Buffer.alloc(1024 * 1024)]) });
  await writer.locator('.ant-message').getByText('“大图.png”上传失败：附件超过大小上限（1 MB）').waitFor();
  assert.equal(await writer.locator('#article-body img[src^="/api/v1/help/files/"]').count(), 1, 'refused files are not inserted');
  // Pasting an image file (a screenshot from the clipboard) uploads it and inserts it at the caret.
  const pasted = await writer.screenshot({ clip: { x: 0, y: 100, width: 120, height: 60 } });
  await writer.locator('#article-body').evaluate((body, base64) => {
    const data = new DataTransfer();
    data.items.add(new File([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], '截图.png', { type: 'image/png' }));
    body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, pasted.toString('base64'));
  // (ProseMirror adds img separators of its own beside inline nodes: count the article's images.)
  await writer.waitForFunction(() => document.querySelectorAll('#article-body img[src^="/api/v1/help/files/"]').length === 2);

  // Attachments: upload two, remove one.
  const attach = async (file: { name: string; mimeType: string; buffer: Buffer }) => {
    const [chooser] = await Promise.all([writer.waitForEvent('filechooser'), writer.getByTestId('attachment-upload').click()]);
    await chooser.setFiles(file);
  };
  const manual = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
  await attach({ name: '驱动安装手册.pdf', mimeType: 'application/pdf', buffer: manual });
  await attach({ name: '旧版说明.txt', mimeType: 'text/plain', buffer: Buffer.from('旧版') });
  const attachments = writer.getByTestId('article-attachments');
  await attachments.getByRole('link', { name: '下载 旧版说明.txt' }).waitFor();
  await attachments.getByRole('button', { name: '移除 旧版说明.txt' }).click();
  await writer.locator('.ant-popconfirm .ant-btn-primary').click();
  await attachments.getByRole('link', { name: '下载 旧版说明.txt' }).waitFor({ state: 'detached' });
  await writer.getByTestId('article-save').click();
  await writer.getByTestId('article-versions').getByText('版本 2').waitFor();

  // After a reload the draft's images load from their one address (the writer reads them as staff).
  await writer.reload();
  await imageShows(writer, '#article-body img[src^="/api/v1/help/files/"]');
  assert.deepEqual(await attachments.getByRole('link').allTextContents(), ['驱动安装手册.pdf']);
  await writer.setViewportSize({ width: 1280, height: 1100 });
  await writer.evaluate(() => window.scrollTo(0, 0));
  await writer.screenshot({ path: `${shots}knowledge-files.png`, animations: 'disabled', caret: 'hide' });

  const draft = await h.api<Article>(h.users.agentA, 'GET', `/api/v1/articles/${id}`);
  for (const [user, transition, version] of [[h.users.agentA, 'submit', draft.version], [supervisor, 'publish', draft.version + 1]] as const) {
    const res = await fetch(`${h.baseURL}/api/v1/articles/${id}/transitions`, { method: 'POST', headers: { authorization: `Bearer ${user.token}`, 'content-type': 'application/json', 'if-match': `"${version}"` }, body: JSON.stringify({ transition }) });
    assert.equal(res.status, 200, await res.text());
  }

  // A customer in the help centre sees the images and downloads the attachment.
  const reader = await h.newPage();
  await reader.goto(`/help/articles/${draft.slug}`);
  await imageShows(reader, '[data-testid="help-article"] img[src^="/api/v1/help/files/"]');
  assert.equal(await reader.locator('[data-testid="help-article"] img').count(), 2);
  const link = reader.getByTestId('help-attachments').getByRole('link', { name: '驱动安装手册.pdf' });
  const href = await link.getAttribute('href');
  assert.match(href ?? '', /^\/api\/v1\/help\/files\/[0-9a-f]{64}$/);
  assert.equal(await link.getAttribute('download'), '驱动安装手册.pdf');
  // The download itself, with the reader's own (anonymous) context.
  const file = await reader.request.get(href!);
  assert.equal(file.status(), 200);
  assert.match(file.headers()['content-disposition'] ?? '', /^attachment;/);
  assert.deepEqual(await file.body(), manual);
  // Another agent reading it in the console gets the download link, and no upload or remove buttons.
  const colleague = await h.newPage({ user: h.users.agentB });
  await colleague.goto(`/knowledge/${id}`);
  await colleague.getByTestId('article-attachments').getByRole('link', { name: '下载 驱动安装手册.pdf' }).waitFor();
  assert.equal(await colleague.getByTestId('attachment-upload').count(), 0);
  assert.deepEqual(h.takePageErrors(), []);
});
