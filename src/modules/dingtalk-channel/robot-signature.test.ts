import assert from 'node:assert/strict';
import { test } from 'node:test';
import { robotSignature, robotWebhookSign, signedRobotWebhookUrl, verifyRobotCallback } from './robot-signature.js';

// DingTalk documents the algorithm (自定义机器人安全设置 › 加签, and 企业内部机器人 › 接收消息:
// https://open.dingtalk.com/document/robots/customize-robot-security-settings and
// https://open.dingtalk.com/document/orgapp/receive-message) but publishes no sample values: its
// Java and Python samples sign System.currentTimeMillis(). So the expected values below are an
// independent computation with OpenSSL, not our code:
//
//   S='SECexample0123456789abcdef0123456789abcdef0123456789abcdef01234567'; T=1577262236757
//   printf '%s\n%s' "$T" "$S" | openssl dgst -sha256 -hmac "$S" -binary | base64
//   → iM09eOj1O5up+53MYh4pkQibAWHbnux9/XcDJFpD+gw=
//
//   printf '%s\n%s' 1700000000000 appsecret-of-the-robot | openssl dgst -sha256 -hmac appsecret-of-the-robot -binary | base64
//   → cO+JKkw8NvesAt5oYeAVkZ1TcyXjjKzMDoYeuTT440A=
const secret = 'SECexample0123456789abcdef0123456789abcdef0123456789abcdef01234567';
const timestamp = 1577262236757;

test('the custom robot signature is base64(HMAC-SHA256(secret, timestamp + "\\n" + secret)), URL-encoded for the webhook', () => {
  assert.equal(robotSignature(secret, timestamp), 'iM09eOj1O5up+53MYh4pkQibAWHbnux9/XcDJFpD+gw=');
  // + / = are the characters base64 shares with URLs; all three must be escaped.
  assert.equal(robotWebhookSign(secret, timestamp), 'iM09eOj1O5up%2B53MYh4pkQibAWHbnux9%2FXcDJFpD%2Bgw%3D');
});

test('the signed webhook URL keeps the access token and adds timestamp and sign', () => {
  const url = signedRobotWebhookUrl('https://oapi.dingtalk.com/robot/send?access_token=abc123', secret, timestamp);
  assert.equal(
    url,
    'https://oapi.dingtalk.com/robot/send?access_token=abc123&timestamp=1577262236757&sign=iM09eOj1O5up%2B53MYh4pkQibAWHbnux9%2FXcDJFpD%2Bgw%3D',
  );
  // A robot protected by keywords or IP only is sent to unchanged.
  assert.equal(signedRobotWebhookUrl('https://oapi.dingtalk.com/robot/send?access_token=abc123', undefined, timestamp), 'https://oapi.dingtalk.com/robot/send?access_token=abc123');
});

const appSecret = 'appsecret-of-the-robot';
const callbackSign = 'cO+JKkw8NvesAt5oYeAVkZ1TcyXjjKzMDoYeuTT440A=';

test('an outgoing-robot callback with the right timestamp and sign headers is accepted', () => {
  assert.deepEqual(verifyRobotCallback({ timestamp: '1700000000000', sign: callbackSign }, appSecret, 1700000000000 + 5_000), { ok: true });
});

test('a callback whose sign does not match, or was made with another secret, is refused', () => {
  assert.deepEqual(verifyRobotCallback({ timestamp: '1700000000000', sign: callbackSign.replace('c', 'd') }, appSecret, 1700000000000), { ok: false, reason: 'mismatch' });
  assert.deepEqual(verifyRobotCallback({ timestamp: '1700000000000', sign: callbackSign }, 'another-secret', 1700000000000), { ok: false, reason: 'mismatch' });
  // The same signature under another timestamp is not valid either.
  assert.deepEqual(verifyRobotCallback({ timestamp: '1700000000001', sign: callbackSign }, appSecret, 1700000000000), { ok: false, reason: 'mismatch' });
  assert.deepEqual(verifyRobotCallback({ timestamp: '1700000000000', sign: callbackSign.slice(0, -1) }, appSecret, 1700000000000), { ok: false, reason: 'mismatch' });
});

test('DingTalk’s freshness rule: a timestamp more than 1 hour from our clock is refused, either way', () => {
  const hour = 60 * 60 * 1000;
  const headers = { timestamp: '1700000000000', sign: callbackSign };
  assert.deepEqual(verifyRobotCallback(headers, appSecret, 1700000000000 + hour), { ok: true });
  assert.deepEqual(verifyRobotCallback(headers, appSecret, 1700000000000 + hour + 1), { ok: false, reason: 'stale' });
  assert.deepEqual(verifyRobotCallback(headers, appSecret, 1700000000000 - hour - 1), { ok: false, reason: 'stale' });
});

test('missing, repeated or non-numeric headers are refused before any HMAC', () => {
  assert.deepEqual(verifyRobotCallback({ sign: callbackSign }, appSecret, 1700000000000), { ok: false, reason: 'missing_headers' });
  assert.deepEqual(verifyRobotCallback({ timestamp: '1700000000000', sign: '' }, appSecret, 1700000000000), { ok: false, reason: 'missing_headers' });
  assert.deepEqual(verifyRobotCallback({ timestamp: ['1700000000000', '1'], sign: callbackSign }, appSecret, 1700000000000), { ok: false, reason: 'missing_headers' });
  assert.deepEqual(verifyRobotCallback({ timestamp: '17e11', sign: callbackSign }, appSecret, 1700000000000), { ok: false, reason: 'bad_timestamp' });
});
