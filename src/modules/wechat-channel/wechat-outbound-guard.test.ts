import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../app/test-app.js';
import { startFakeWechatServer, type FakeWechatServer } from './fake-wechat-server.js';

/** The vendor's API address is user-given: calls to it pass the outbound guard like mail servers do. */
let t: TestApp;
let fake: FakeWechatServer;
before(async () => {
  fake = await startFakeWechatServer({ appId: 'wx1234567890abcdef', appSecret: 'b'.repeat(32) });
  // No loopback allowlist here (the other WeChat tests allow their fake server explicitly).
  t = await createTestApp({ OPENCSM_OUTBOUND_ALLOW: '' });
});
after(async () => {
  await t.close();
  await fake.close();
});

test('an apiBaseUrl on an internal address is refused by the outbound guard unless allowlisted', async () => {
  const created = await t.api('POST', '/api/v1/channels/wechat/accounts', { body: { name: '内网', settings: { appId: 'wx1234567890abcdef', appSecret: 'b'.repeat(32), token: 'tok123', apiBaseUrl: fake.url } } });
  assert.equal(created.statusCode, 201, created.body);
  const refused = await t.api('POST', `/api/v1/channels/wechat/accounts/${created.data.id}/test`);
  assert.equal(refused.data.ok, false);
  assert.equal(refused.data.reason, 'channel.unreachable');
  assert.match(refused.data.detail, /127\.0\.0\.1.*internal address/);
  assert.equal(fake.calls.length, 0, 'nothing reached the internal address');

  const settings = await t.api('GET', '/api/v1/settings/security');
  assert.equal((await t.api('PUT', '/api/v1/settings/security', { body: { outboundAllow: ['127.0.0.1'] }, ifMatch: settings.data.version })).statusCode, 200);
  assert.equal((await t.api('POST', `/api/v1/channels/wechat/accounts/${created.data.id}/test`)).data.ok, true);
});
