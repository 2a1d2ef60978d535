/**
 * Issue 16 in real Chromium: an admin connects a WeChat official account in 设置 › 渠道 (against a
 * fake WeChat server on loopback), a follower's message posted to the callback becomes a ticket,
 * the agent sees the reply window in the header and replies, and the fake server received it.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import { startFakeWechatServer, type FakeWechatServer } from '../src/modules/wechat-channel/index.js';
import { chromiumPath, docScreenshot, eventually, startHarness, type Harness } from './harness.js';
import { textXml } from '../src/modules/wechat-channel/test-kit.js';
import { wechatSignature } from '../src/modules/wechat-channel/wechat-crypto.js';

const skip = chromiumPath() ? false : 'Chromium not found (apt-get install chromium fonts-wqy-zenhei, or set CHROMIUM_PATH)';
const appId = 'wx00e2e0000000beef';
const appSecret = 'e'.repeat(32);
let h: Harness;
let fake: FakeWechatServer;

before(async () => {
  if (skip) return;
  fake = await startFakeWechatServer({ appId, appSecret });
  h = await startHarness();
});
after(async () => {
  await h?.close();
  await fake?.close();
});

test('an admin connects an official account, a follower writes, the agent replies by WeChat', { skip, timeout: 90_000 }, async () => {
  const admin = await h.newPage({ user: h.users.admin });
  await admin.goto('/settings/channels/wechat');
  await admin.getByText('还没有接入公众号').waitFor();
  await admin.getByTestId('wechat-add').click();
  await admin.getByTestId('wechat-name').fill('测试服务号');
  await admin.getByTestId('wechat-appid').fill(appId);
  await admin.getByTestId('wechat-appsecret').fill(appSecret);
  await admin.locator('.ant-radio-wrapper', { hasText: '明文模式' }).click();
  await admin.getByTestId('wechat-api-base').fill(fake.url);
  const token = await admin.getByTestId('wechat-token').inputValue();
  assert.match(token, /^[A-Za-z0-9]{32}$/, 'a Token is generated to paste into the WeChat console');
  await admin.getByTestId('wechat-save').click();
  await admin.getByTestId('wechat-account').waitFor();
  const callbackUrl = (await admin.getByTestId('wechat-callback-url').innerText()).trim();
  assert.match(callbackUrl, /\/api\/v1\/channels\/wechat\/[0-9a-f-]{36}\/callback$/);
  await admin.getByTestId('wechat-test').click();
  await admin.getByText('连接成功').waitFor();
  await docScreenshot(admin, 'wechat-channel-settings.png');

  // WeChat posts a follower's message to the callback URL.
  const timestamp = String(Math.floor(Date.now() / 1000));
  const nonce = randomBytes(6).toString('hex');
  const query = new URLSearchParams({ timestamp, nonce, signature: wechatSignature(token, timestamp, nonce), openid: 'oE2eFollower' });
  const answer = await fetch(`${callbackUrl}?${query}`, { method: 'POST', headers: { 'content-type': 'text/xml' }, body: textXml('oE2eFollower', '88001', '空调不制冷，怎么办？', Number(timestamp)) });
  assert.equal(await answer.text(), 'success');

  const ticket = await eventually(async () => {
    const list = await h.api<{ items: Array<{ id: string; subject: string; channel: string }> }>(h.users.admin, 'GET', '/api/v1/tickets');
    return list.items.find((t) => t.subject === '空调不制冷，怎么办？');
  }, 'the WeChat ticket');
  const agent = await h.newPage({ user: h.users.admin });
  await agent.goto(`/tickets/${ticket!.id}`);
  await agent.getByTestId('header-reply-window').filter({ hasText: '还可发送 5 条' }).waitFor();
  await agent.getByTestId('reply-plan-via').filter({ hasText: '微信' }).waitFor();
  await agent.getByTestId('composer-body').fill('您好，请检查遥控器模式是否为制冷。');
  await agent.getByTestId('composer-send').click();
  await eventually(() => fake.sent().find((b) => b.touser === 'oE2eFollower'), 'the reply at the fake WeChat server');
  assert.deepEqual(fake.sent().at(-1), { touser: 'oE2eFollower', msgtype: 'text', text: { content: '您好，请检查遥控器模式是否为制冷。' } });
  await agent.getByTestId('header-reply-window').filter({ hasText: '还可发送 4 条' }).waitFor();
  await docScreenshot(agent, 'wechat-ticket.png');
  h.assertNoPageErrors();
});
