import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decryptMessage, encryptMessage, signatureMatches, WechatCryptoError, wechatSignature } from './wechat-crypto.js';

/**
 * The vendors' published sample values, byte for byte:
 * - 微信公众平台 "消息加解密" sample code, Java, WXBizMsgCryptTest.java (encodingAesKey
 *   abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG, token pamtest, appId wxb11529c136998cb6, the
 *   message 我是中文abcd123 encrypted with the random string aaaabbbbccccdddd).
 * - 企业微信 "加解密库" sample, C#, Sample.cs (token QDG6eK, receiveid wx5823bf96d3bd56c7,
 *   EncodingAESKey jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C, timestamp 1409659813, nonce
 *   1372623149, msg_signature 477715d11cdb4164915debcba66cb864d751f3e6 and its Encrypt).
 */
const oa = {
  encodingAesKey: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
  appId: 'wxb11529c136998cb6',
  message: '我是中文abcd123',
  random: 'aaaabbbbccccdddd',
  ciphertext: 'jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg==',
};

const wecom = {
  token: 'QDG6eK',
  receiveId: 'wx5823bf96d3bd56c7',
  encodingAesKey: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C',
  timestamp: '1409659813',
  nonce: '1372623149',
  msgSignature: '477715d11cdb4164915debcba66cb864d751f3e6',
  encrypt:
    'RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==',
};

test('encrypting the official account sample message with its random string gives the published ciphertext', () => {
  assert.equal(encryptMessage(oa.encodingAesKey, oa.message, oa.appId, Buffer.from(oa.random)), oa.ciphertext);
});

test('the published ciphertext decrypts to the sample message and its AppID', () => {
  assert.deepEqual(decryptMessage(oa.encodingAesKey, oa.ciphertext, oa.appId), { message: oa.message, appId: oa.appId });
});

test('a ciphertext for another AppID is refused on decrypt', () => {
  assert.throws(() => decryptMessage(oa.encodingAesKey, oa.ciphertext, 'wx0000000000000000'), (e: unknown) => e instanceof WechatCryptoError && e.code === 'app_id_mismatch');
});

test('the WeCom sample: its msg_signature is reproduced and its Encrypt decrypts for its receiveid', () => {
  const signature = wechatSignature(wecom.token, wecom.timestamp, wecom.nonce, wecom.encrypt);
  assert.equal(signature, wecom.msgSignature);
  assert.ok(signatureMatches(signature, wecom.msgSignature));
  assert.ok(!signatureMatches(signature, wecom.msgSignature.replace(/^4/, '5')));
  assert.ok(!signatureMatches(signature, undefined));
  const { message, appId } = decryptMessage(wecom.encodingAesKey, wecom.encrypt, wecom.receiveId);
  assert.equal(appId, wecom.receiveId);
  assert.match(message, /^<xml><ToUserName><!\[CDATA\[wx5823bf96d3bd56c7\]\]><\/ToUserName>/);
  assert.match(message, /<\/xml>$/);
});

test('a tampered or truncated ciphertext and a malformed key are refused', () => {
  assert.throws(() => decryptMessage(oa.encodingAesKey, oa.ciphertext.slice(4)), WechatCryptoError);
  assert.throws(() => encryptMessage('short', 'x', oa.appId), (e: unknown) => e instanceof WechatCryptoError && e.code === 'bad_key');
  const flipped = Buffer.from(oa.ciphertext, 'base64');
  flipped[flipped.length - 1]! ^= 0xff;
  assert.throws(() => decryptMessage(oa.encodingAesKey, flipped.toString('base64'), oa.appId));
});

test('a round trip of a long Chinese message pads to 32-byte blocks', () => {
  const message = '<xml><Content><![CDATA[' + '客服'.repeat(300) + ']]></Content></xml>';
  const encrypted = encryptMessage(wecom.encodingAesKey, message, wecom.receiveId);
  assert.equal(Buffer.from(encrypted, 'base64').length % 32, 0);
  assert.equal(decryptMessage(wecom.encodingAesKey, encrypted, wecom.receiveId).message, message);
});
