import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ManualClock } from '../../app/clock.js';
import { createTestApp, type TestApp } from '../../app/test-app.js';
import { decryptMessage, signatureMatches, wechatSignature } from '../wechat-channel/index.js';

/**
 * WeCom's published sample, byte for byte: 企业微信 开发者中心 › 回调配置 / 加解密库 Sample
 * (WXBizMsgCrypt_VerifyURL): token QDG6eK, receiveid (CorpID) wx5823bf96d3bd56c7, EncodingAESKey
 * jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C, and the verification request
 * `msg_signature=5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3&timestamp=1409659589&nonce=263014780&echostr=P9nAzCzy…`,
 * whose echostr decrypts to 1616140317555161061.
 */
const sample = {
  corpId: 'wx5823bf96d3bd56c7',
  token: 'QDG6eK',
  encodingAesKey: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C',
  msgSignature: '5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3',
  timestamp: '1409659589',
  nonce: '263014780',
  echostr: 'P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==',
  plaintext: '1616140317555161061',
};

let t: TestApp;
let accountId: string;
before(async () => {
  // The sample was signed at its timestamp: the callback's 5-minute replay window is judged on this clock.
  t = await createTestApp({}, { clock: new ManualClock(new Date(Number(sample.timestamp) * 1000 + 30_000)) });
  const created = await t.api('POST', '/api/v1/channels/wecom/accounts', { body: { name: '官方示例', settings: { corpId: sample.corpId, token: sample.token, encodingAesKey: sample.encodingAesKey, kfSecret: 's'.repeat(43) } } });
  assert.equal(created.statusCode, 201, created.body);
  accountId = created.data.id;
});
after(() => t.close());

const verifyUrl = (query: Record<string, string>) => `/api/v1/channels/wecom/${accountId}/callback?${new URLSearchParams(query)}`;

test("the sample's msg_signature is reproduced and its echostr decrypts to the published plaintext for its CorpID", () => {
  const signature = wechatSignature(sample.token, sample.timestamp, sample.nonce, sample.echostr);
  assert.equal(signature, sample.msgSignature);
  assert.ok(signatureMatches(signature, sample.msgSignature));
  assert.deepEqual(decryptMessage(sample.encodingAesKey, sample.echostr, sample.corpId), { message: sample.plaintext, appId: sample.corpId });
});

test('GET URL verification with the sample request answers the plaintext exactly (no quotes, no line break)', async () => {
  const response = await t.server.inject({ method: 'GET', url: verifyUrl({ msg_signature: sample.msgSignature, timestamp: sample.timestamp, nonce: sample.nonce, echostr: sample.echostr }) });
  assert.equal(response.statusCode, 200);
  assert.equal(response.body, sample.plaintext);
  assert.deepEqual(response.rawPayload, Buffer.from(sample.plaintext, 'utf8'));
});

test('a wrong msg_signature is refused, and the sample does not open for another CorpID', async () => {
  const wrong = await t.server.inject({ method: 'GET', url: verifyUrl({ msg_signature: sample.msgSignature.replace(/^5/, '6'), timestamp: sample.timestamp, nonce: sample.nonce, echostr: sample.echostr }) });
  assert.equal(wrong.statusCode, 403);
  assert.notEqual(wrong.body, sample.plaintext);
  // Another account's key cannot read it: the CorpID inside must be this account's.
  assert.throws(() => decryptMessage(sample.encodingAesKey, sample.echostr, 'ww0000000000000000'));
});

test('outside the 5-minute window the sample is refused as stale', async () => {
  const late = await createTestApp({}, { clock: new ManualClock(new Date(Number(sample.timestamp) * 1000 + 6 * 60_000)) });
  try {
    const created = await late.api('POST', '/api/v1/channels/wecom/accounts', { body: { name: '官方示例', settings: { corpId: sample.corpId, token: sample.token, encodingAesKey: sample.encodingAesKey, kfSecret: 's'.repeat(43) } } });
    const response = await late.server.inject({ method: 'GET', url: `/api/v1/channels/wecom/${created.data.id}/callback?${new URLSearchParams({ msg_signature: sample.msgSignature, timestamp: sample.timestamp, nonce: sample.nonce, echostr: sample.echostr })}` });
    assert.equal(response.statusCode, 403);
    assert.equal(response.body, 'stale');
  } finally {
    await late.close();
  }
});
