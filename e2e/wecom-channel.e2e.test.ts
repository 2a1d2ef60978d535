/**
 * Issue 16 §3 in real Chromium: an admin connects WeChat Customer Service (微信客服) in
 * 设置 › 渠道 › 企业微信 against a fake WeCom server on loopback, WeCom's callback (a token only)
 * makes the server pull the customer's message with sync_msg, the agent sees the 48 h / 5 messages
 * window in the header and replies, and the fake server received the reply through kf/send_msg.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import { encryptMessage, wechatSignature } from '../src/modules/wechat-channel/index.js';
import { startFakeWecomServer, type FakeWecomServer } from '../src/modules/wecom-channel/index.js';
import { chromiumPath, docScreenshot, eventually, startHarness, type Harness } from './harness.js';

const skip = chromiumPath() ? false : 'Chromium not found (apt-get install chromium fonts-wqy-zenhei, or set CHROMIUM_PATH)';
const corpId = 'ww00e2e00000000bee';
const kfSecret = 'e'.repeat(43);
const openKfId = 'wkE2eKf';
let h: Harness;
let fake: FakeWecomServer;

before(async () => {
  if (skip) return;
  fake = await startFakeWecomServer({ corpId, kfSecret });
  h = await startHarness();
});
after(async () => {
  await h?.close();
  await fake?.close();
});

test('an admin connects 微信客服, a WeChat customer writes, the agent replies through WeCom', { skip, timeout: 90_000 }, async () => {
  const admin = await h.newPage({ user: h.users.admin });
  await admin.goto('/settings/channels/wecom');
  await admin.getByText('还没有接入企业微信').waitFor();
  await admin.getByTestId('wecom-add').click();
  await admin.getByTestId('wecom-name').fill('售后微信客服');
  await admin.getByTestId('wecom-corpid').fill(corpId);
  await admin.getByTestId('wecom-kfsecret').fill(kfSecret);
  await admin.getByTestId('wecom-api-base').fill(fake.url);
  const token = await admin.getByTestId('wecom-token').inputValue();
  const aesKey = await admin.getByTestId('wecom-aeskey').inputValue();
  assert.match(aesKey, /^[A-Za-z0-9]{43}$/, 'an EncodingAESKey is generated to paste into the WeCom console');
  await admin.getByTestId('wecom-save').click();
  await admin.getByTestId('wecom-account').waitFor();
  const callbackUrl = (await admin.getByTestId('wecom-callback-url').innerText()).trim();
  assert.match(callbackUrl, /\/api\/v1\/channels\/wecom\/[0-9a-f-]{36}\/callback$/);
  await admin.getByTestId('wecom-test').click();
  await admin.getByText('连接成功').waitFor();
  await docScreenshot(admin, 'wecom-channel-settings.png');

  // The customer writes; WeCom posts only a token to the callback URL, encrypted for the CorpID.
  const now = Math.floor(Date.now() / 1000);
  fake.customerWrites({ msgid: 'e2e-1', open_kfid: openKfId, external_userid: 'wmE2eCustomer', send_time: now, origin: 3, msgtype: 'text', text: { content: '洗衣机不排水怎么办？' } });
  const event = `<xml><ToUserName><![CDATA[${corpId}]]></ToUserName><CreateTime>${now}</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[kf_msg_or_event]]></Event><Token><![CDATA[E2E_TOKEN]]></Token><OpenKfId><![CDATA[${openKfId}]]></OpenKfId></xml>`;
  const encrypt = encryptMessage(aesKey, event, corpId);
  const timestamp = String(now);
  const nonce = randomBytes(6).toString('hex');
  const query = new URLSearchParams({ msg_signature: wechatSignature(token, timestamp, nonce, encrypt), timestamp, nonce });
  const answer = await fetch(`${callbackUrl}?${query}`, { method: 'POST', headers: { 'content-type': 'text/xml' }, body: `<xml><ToUserName><![CDATA[${corpId}]]></ToUserName><Encrypt><![CDATA[${encrypt}]]></Encrypt></xml>` });
  assert.equal(answer.status, 200);

  const ticket = await eventually(async () => {
    const list = await h.api<{ items: Array<{ id: string; subject: string; channel: string }> }>(h.users.admin, 'GET', '/api/v1/tickets');
    return list.items.find((t) => t.subject === '洗衣机不排水怎么办？');
  }, 'the WeCom ticket');
  assert.equal(ticket!.channel, 'wecom');
  const agent = await h.newPage({ user: h.users.admin });
  await agent.goto(`/tickets/${ticket!.id}`);
  await agent.getByTestId('header-reply-window').filter({ hasText: '还可发送 5 条' }).waitFor();
  await agent.getByTestId('reply-plan-via').filter({ hasText: '企业微信' }).waitFor();
  await agent.getByTestId('composer-body').fill('您好，请先检查排水管是否弯折。');
  await agent.getByTestId('composer-send').click();
  await eventually(() => fake.kfSent().find((b) => b.touser === 'wmE2eCustomer'), 'the reply at the fake WeCom server');
  const sent = fake.kfSent().at(-1)!;
  assert.deepEqual([sent.open_kfid, sent.msgtype, sent.text], [openKfId, 'text', { content: '您好，请先检查排水管是否弯折。' }]);
  await agent.getByTestId('header-reply-window').filter({ hasText: '还可发送 4 条' }).waitFor();
  h.assertNoPageErrors();
});
