/**
 * Issue 16 §4 in real Chromium: an admin connects a DingTalk robot in 设置 › 渠道 › 钉钉 against a
 * fake DingTalk server on loopback, tests the connection, DingTalk's signed callback brings a
 * member's message in, and the agent's reply goes back through the message's session webhook.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { robotSignature, startFakeDingtalkServer, type FakeDingtalkServer } from '../src/modules/dingtalk-channel/index.js';
import { chromiumPath, docScreenshot, eventually, startHarness, type Harness } from './harness.js';

const skip = chromiumPath() ? false : 'Chromium not found (apt-get install chromium fonts-wqy-zenhei, or set CHROMIUM_PATH)';
const appKey = 'dinge2etest0001';
const appSecret = 'E2E_DingTalk_AppSecret_0123456789';
let h: Harness;
let fake: FakeDingtalkServer;

before(async () => {
  if (skip) return;
  fake = await startFakeDingtalkServer({ appKey, appSecret });
  h = await startHarness();
});
after(async () => {
  await h?.close();
  await fake?.close();
});

test('an admin connects a DingTalk robot, a member writes to it, the agent replies through the session webhook', { skip, timeout: 90_000 }, async () => {
  const admin = await h.newPage({ user: h.users.admin });
  await admin.goto('/settings/channels/dingtalk');
  await admin.getByText('还没有接入钉钉').waitFor();
  await admin.getByTestId('dingtalk-add').click();
  await admin.getByTestId('dingtalk-name').fill('IT 服务台机器人');
  await admin.getByTestId('dingtalk-appkey').fill(appKey);
  await admin.getByTestId('dingtalk-appsecret').fill(appSecret);
  await admin.getByTestId('dingtalk-robotcode').fill(appKey);
  await admin.getByTestId('dingtalk-api-base').fill(fake.url);
  await admin.getByTestId('dingtalk-oapi-base').fill(fake.url);
  await admin.getByTestId('dingtalk-save').click();
  await admin.getByTestId('dingtalk-account').waitFor();
  const callbackUrl = (await admin.getByTestId('dingtalk-callback-url').innerText()).trim();
  assert.match(callbackUrl, /\/api\/v1\/channels\/dingtalk\/[0-9a-f-]{36}\/callback$/);
  assert.equal(await admin.getByText('令牌（Token）').count(), 0, 'DingTalk has no callback Token to paste');
  await admin.getByTestId('dingtalk-test').click();
  await admin.getByText('连接成功').waitFor();
  await docScreenshot(admin, 'dingtalk-channel-settings.png');

  // A member writes to the robot; DingTalk posts the message, signed with the AppSecret.
  const now = Date.now();
  const message = {
    msgId: 'msgE2E0001', msgtype: 'text', text: { content: ' 会议室投影仪没有信号' },
    conversationId: 'cidE2ESingle', conversationType: '1', senderId: '$:LWCP_v1:$e2e', senderStaffId: 'e2euser01', senderNick: '王小明',
    robotCode: appKey, sessionWebhook: fake.sessionWebhook('e2e-session'), sessionWebhookExpiredTime: now + 90 * 60_000, createAt: now,
  };
  const answer = await fetch(callbackUrl, { method: 'POST', headers: { 'content-type': 'application/json', timestamp: String(now), sign: robotSignature(appSecret, now) }, body: JSON.stringify(message) });
  assert.equal(answer.status, 200);

  const ticket = await eventually(async () => {
    const list = await h.api<{ items: Array<{ id: string; subject: string; channel: string }> }>(h.users.admin, 'GET', '/api/v1/tickets');
    return list.items.find((t) => t.subject === '会议室投影仪没有信号');
  }, 'the DingTalk ticket');
  assert.equal(ticket!.channel, 'dingtalk');
  const agent = await h.newPage({ user: h.users.admin });
  await agent.goto(`/tickets/${ticket!.id}`);
  await agent.getByTestId('reply-plan-via').filter({ hasText: '钉钉' }).waitFor();
  await agent.getByTestId('composer-body').fill('您好，请检查 HDMI 线是否插紧。');
  await agent.getByTestId('composer-send').click();
  await eventually(() => fake.sessionSent('e2e-session').at(0), 'the reply at the fake session webhook');
  assert.deepEqual(fake.sessionSent('e2e-session')[0], { msgtype: 'text', text: { content: '您好，请检查 HDMI 线是否插紧。' } });
  h.assertNoPageErrors();
});
