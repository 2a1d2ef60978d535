/**
 * Issue 16 §7 in real Chromium: the demo data's sandbox WeChat conversation. A demo agent opens
 * the open WeChat chat, sees the customer's messages (text, a photo, a transcribed voice message)
 * marked 沙箱, the window tag with 沙箱 in the header, replies, and sees the reply delivered —
 * recorded in the sandbox, no request to WeChat. The channel settings list the account as 沙箱.
 */
import assert from 'node:assert/strict';
import diagnostics from 'node:diagnostics_channel';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { sql } from 'drizzle-orm';
import { queryRows } from '../src/db/database.js';
import { demoWechatAccount, demoWecomAccount } from '../src/demo/demo-chats.js';
import { defaultDemoPassword } from '../src/demo/demo-directory.js';
import { seedDemoData } from '../src/demo/seed-demo.js';
import { chromiumPath, docScreenshot, startHarness, type Harness } from './harness.js';

const skip = chromiumPath() ? false : 'Chromium not found (apt-get install chromium fonts-wqy-zenhei, or set CHROMIUM_PATH)';
let h: Harness;
// Every HTTP request this process makes to another host while the test runs (playwright's own
// login request to the test server on loopback aside; the browser's requests do not pass here).
const requests: string[] = [];
const loopback = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);
const onRequest = (message: unknown) => {
  const { request } = message as { request: { host?: string; path?: string } };
  if (!loopback.has(request.host ?? '')) requests.push(`${request.host}${request.path}`);
};

before(async () => {
  if (skip) return;
  h = await startHarness();
  const config = h.app.context.config;
  const seeded = await seedDemoData(h.database, { timeZone: config.OPENCSM_TIMEZONE, size: { tickets: 12, customers: 8 }, keys: config });
  assert.equal(seeded.status, 'loaded');
  diagnostics.subscribe('http.client.request.start', onRequest);
});
after(async () => {
  diagnostics.unsubscribe('http.client.request.start', onRequest);
  await h?.close();
});

async function demoPage(email: string): Promise<Page> {
  const context = await h.newContext();
  const login = await context.request.post(`${h.baseURL}/api/v1/auth/login`, { data: { email, password: defaultDemoPassword } });
  assert.ok(login.ok(), `login as ${email}: ${login.status()}`);
  return context.newPage();
}

test('a demo agent answers the open WeChat chat; the reply is delivered in the sandbox', { skip, timeout: 90_000 }, async () => {
  const [open] = await queryRows<{ id: string; subject: string }>(h.database.db, sql`select id, subject from tickets where channel = 'wechat' and status = 'open'`);
  assert.ok(open, 'the demo holds an open WeChat chat');
  const page = await demoPage('zhang.wei@demo.opencsm.local');
  await page.goto(`/tickets/${open.id}`);
  await page.getByTestId('ticket-channel').filter({ hasText: '微信公众号' }).waitFor();
  await page.getByTestId('header-reply-window').filter({ hasText: '还可发送 5 条' }).waitFor();
  await page.getByTestId('header-sandbox').filter({ hasText: '沙箱' }).waitFor();

  // The customer's messages as chat bubbles, each marked 沙箱: the first one opened the ticket.
  await page.getByTestId('timeline-opening').filter({ hasText: '打印机一直卡纸' }).waitFor();
  const customer = page.getByTestId('timeline-reply').filter({ hasText: '客户' });
  await customer.filter({ hasText: '[图片]' }).getByTestId('message-attachment').filter({ hasText: '.png' }).waitFor();
  await customer.filter({ hasText: '[语音] 型号是惠普M479' }).waitFor();
  assert.equal(await customer.count(), 3);
  assert.equal(await customer.getByTestId('message-sandbox').count(), 3);
  // The agent's earlier answer: delivered (recorded in the sandbox).
  const earlier = page.getByTestId('timeline-reply').filter({ hasText: '我是客服张伟' });
  await earlier.getByTestId('message-delivery').filter({ hasText: '已发送' }).waitFor();

  await page.getByTestId('reply-plan-via').filter({ hasText: '微信' }).waitFor();
  await page.getByTestId('composer-body').fill('收到照片了，是定影组件卡纸，工程师下午 2 点前上门处理。');
  await page.getByTestId('composer-send').click();
  const reply = page.getByTestId('timeline-reply').filter({ hasText: '是定影组件卡纸' });
  await reply.getByTestId('message-delivery').filter({ hasText: '已发送' }).waitFor();
  await reply.getByTestId('message-sandbox').waitFor();
  await page.getByTestId('header-reply-window').filter({ hasText: '还可发送 4 条' }).waitFor();
  await docScreenshot(page, 'demo-wechat-sandbox-chat.png');

  const [recorded] = await queryRows<{ status: string }>(h.database.db, sql`
    select o.status from wechat_outbound o join ticket_messages m on m.id = o.ticket_message_id where m.body like '%是定影组件卡纸%'`);
  assert.equal(recorded?.status, 'sandbox');
  assert.deepEqual(requests, [], 'nothing was sent to WeChat (no HTTP request to any other host)');
  h.assertNoPageErrors();
});

test('a closed WeChat chat is still marked 沙箱 in the header, beside the closed window', { skip, timeout: 60_000 }, async () => {
  const [closed] = await queryRows<{ id: string }>(h.database.db, sql`select id from tickets where channel = 'wechat' and status = 'closed'`);
  assert.ok(closed, 'the demo holds a closed WeChat chat');
  // The router chat, answered by technical support.
  const page = await demoPage('huang.xiaodong@demo.opencsm.local');
  await page.goto(`/tickets/${closed.id}`);
  await page.getByTestId('header-reply-window').filter({ hasText: '微信回复窗口已关闭' }).waitFor();
  await page.getByTestId('header-sandbox').filter({ hasText: '沙箱' }).waitFor();
  h.assertNoPageErrors();
});

test('the channel settings list the demo accounts as 沙箱', { skip, timeout: 60_000 }, async () => {
  const page = await demoPage('ma.jun@demo.opencsm.local');
  for (const [path, name] of [['/settings/channels/wechat', demoWechatAccount.name], ['/settings/channels/wecom', demoWecomAccount.name]] as const) {
    await page.goto(path);
    const card = page.locator('.ant-card', { hasText: name }).first();
    await card.getByTestId('sandbox-tag').filter({ hasText: '沙箱' }).waitFor();
  }
  h.assertNoPageErrors();
});
