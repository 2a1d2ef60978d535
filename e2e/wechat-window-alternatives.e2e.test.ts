/**
 * Issue 16 §2 in real Chromium: an admin sets the official account's reply template (回复通知模板)
 * on the WeChat page; a follower's last message is 49 hours old, so the ticket's composer says the
 * window is closed and offers what works; the agent sends the reply as a template message, the fake
 * WeChat server receives it, and the timeline shows it sent.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import { startFakeWechatServer, type FakeWechatServer } from '../src/modules/wechat-channel/index.js';
import { textXml } from '../src/modules/wechat-channel/test-kit.js';
import { wechatSignature } from '../src/modules/wechat-channel/wechat-crypto.js';
import { chromiumPath, docScreenshot, eventually, startHarness, type Harness } from './harness.js';

const skip = chromiumPath() ? false : 'Chromium not found (apt-get install chromium fonts-wqy-zenhei, or set CHROMIUM_PATH)';
const appId = 'wx00e2e0000000cafe';
const appSecret = 'f'.repeat(32);
const token = 'e2eWindowToken01';
const templateId = 'TPL_e2e_reply_notice_01';
let h: Harness;
let fake: FakeWechatServer;

before(async () => {
  if (skip) return;
  fake = await startFakeWechatServer({ appId, appSecret });
  fake.addTemplate(templateId, ['character_string1', 'thing2', 'time3']);
  h = await startHarness({ env: { OPENCSM_PUBLIC_URL: 'https://service.example.cn' } });
});
after(async () => {
  await h?.close();
  await fake?.close();
});

test('outside the 48-hour window the agent sends the reply as the account template and sees it sent on the timeline', { skip, timeout: 90_000 }, async () => {
  const account = await h.api<{ id: string }>(h.users.admin, 'POST', '/api/v1/channels/wechat/accounts', { name: '售后服务号', sandbox: false, settings: { appId, appSecret, token, mode: 'plain', apiBaseUrl: fake.url } });

  const admin = await h.newPage({ user: h.users.admin });
  await admin.goto('/settings/channels/wechat');
  await admin.getByTestId('wechat-reply-template-unset').waitFor();
  await admin.getByTestId('wechat-template-templateId').fill(templateId);
  await admin.getByTestId('wechat-template-numberKey').fill('character_string1');
  await admin.getByTestId('wechat-template-summaryKey').fill('thing2');
  await admin.getByTestId('wechat-template-timeKey').fill('time3');
  await admin.getByTestId('wechat-template-save').click();
  await admin.getByText('回复通知模板已保存').waitFor();
  await admin.getByTestId('wechat-reply-template-unset').waitFor({ state: 'detached' });

  // The follower wrote 49 hours ago (WeChat's CreateTime); the callback itself is signed now.
  const timestamp = String(Math.floor(Date.now() / 1000));
  const nonce = randomBytes(6).toString('hex');
  const query = new URLSearchParams({ timestamp, nonce, signature: wechatSignature(token, timestamp, nonce), openid: 'oE2eLate' });
  const written = Math.floor(Date.now() / 1000) - 49 * 3600;
  const answer = await fetch(`${h.baseURL}/api/v1/channels/wechat/${account.id}/callback?${query}`, { method: 'POST', headers: { 'content-type': 'text/xml' }, body: textXml('oE2eLate', '99001', '热水器漏水，师傅什么时候来？', written) });
  assert.equal(await answer.text(), 'success');
  const ticket = await eventually(async () => {
    const list = await h.api<{ items: Array<{ id: string; number: string; subject: string }> }>(h.users.admin, 'GET', '/api/v1/tickets');
    return list.items.find((t) => t.subject === '热水器漏水，师傅什么时候来？');
  }, 'the WeChat ticket');

  const agent = await h.newPage({ user: h.users.admin });
  await agent.goto(`/tickets/${ticket!.id}`);
  await agent.getByTestId('header-reply-window').filter({ hasText: '微信回复窗口已关闭' }).waitFor();
  await agent.getByTestId('reply-plan-problem').filter({ hasText: '48 小时' }).waitFor();
  const alternatives = agent.getByTestId('reply-alternatives');
  await alternatives.getByTestId('reply-alternative-phone').filter({ hasText: '记录电话' }).waitFor();
  assert.equal(await alternatives.getByTestId('reply-alternative-sms').count(), 0, 'no mobile and no SMS account: no SMS offered');
  await alternatives.getByTestId('reply-alternative-wechat_template').filter({ hasText: '发送模板消息' }).click();
  await agent.getByTestId('reply-plan-via').filter({ hasText: '模板消息' }).waitFor();

  await agent.getByTestId('composer-body').fill('配件已到，师傅明天上午九点上门检修');
  await docScreenshot(agent, 'wechat-window-alternatives.png');
  await agent.getByTestId('composer-send').filter({ hasText: '以模板消息发送' }).click();
  const sent = (await eventually(() => fake.templateSends().find((b) => b.touser === 'oE2eLate'), 'the template message at the fake WeChat server'))!;
  assert.equal(sent.template_id, templateId);
  assert.equal(sent.url, `https://service.example.cn/portal/tickets/${ticket!.id}`);
  assert.deepEqual((sent.data as Record<string, { value: string }>).character_string1, { value: ticket!.number });
  assert.equal(fake.sent().filter((b) => b.touser === 'oE2eLate').length, 0, 'nothing went by the customer-service API');

  const message = agent.getByTestId('timeline-reply').filter({ hasText: '配件已到' });
  await message.getByTestId('message-channel').filter({ hasText: '微信模板消息' }).waitFor();
  await message.getByTestId('message-delivery').filter({ hasText: '已发送' }).waitFor();
  h.assertNoPageErrors();
});
