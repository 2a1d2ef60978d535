import { createCipheriv, createDecipheriv, createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * WXBizMsgCrypt, the WeChat/WeCom message encryption, to the published spec (消息加解密说明):
 * AES-256-CBC with key = Base64(EncodingAESKey + "="), IV = the key's first 16 bytes; plaintext =
 * 16 random bytes + 4-byte big-endian length + message + AppID (receiveid), PKCS#7-padded to
 * 32-byte blocks (so Node's own 16-byte padding is off); signature = SHA1 of the sorted
 * token, timestamp, nonce (and ciphertext). Written here rather than taken from `@wecom/crypto`:
 * the spec is short, Node ships every primitive, and the tests hold it to the vendors' own samples.
 */
export class WechatCryptoError extends Error {
  constructor(readonly code: 'bad_key' | 'bad_ciphertext' | 'bad_padding' | 'app_id_mismatch') {
    super(`WXBizMsgCrypt: ${code}`);
    this.name = 'WechatCryptoError';
  }
}

const block = 32;

export function aesKeyOf(encodingAesKey: string): Buffer {
  if (!/^[A-Za-z0-9]{43}$/.test(encodingAesKey)) throw new WechatCryptoError('bad_key');
  return Buffer.from(`${encodingAesKey}=`, 'base64');
}

/** SHA1 over the sorted parts, as hex (the URL `signature` and the safe mode's `msg_signature`). */
export function wechatSignature(...parts: string[]): string {
  return createHash('sha1').update([...parts].sort().join('')).digest('hex');
}

/** Constant-time comparison of a computed signature and the one the request carries. */
export function signatureMatches(expected: string, given: string | undefined): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(given.toLowerCase(), 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** `random` is 16 bytes (fixed only in tests that reproduce the vendor's sample). */
export function encryptMessage(encodingAesKey: string, message: string, appId: string, random: Buffer = randomBytes(16)): string {
  const key = aesKeyOf(encodingAesKey);
  const body = Buffer.from(message, 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(body.length, 0);
  const plain = Buffer.concat([random, length, body, Buffer.from(appId, 'utf8')]);
  const pad = block - (plain.length % block);
  const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16)).setAutoPadding(false);
  return Buffer.concat([cipher.update(Buffer.concat([plain, Buffer.alloc(pad, pad)])), cipher.final()]).toString('base64');
}

/** The message and the AppID it was encrypted for; `expectedAppId` given, a different one is refused. */
export function decryptMessage(encodingAesKey: string, ciphertext: string, expectedAppId?: string): { message: string; appId: string } {
  const key = aesKeyOf(encodingAesKey);
  const data = Buffer.from(ciphertext, 'base64');
  if (data.length === 0 || data.length % 16 !== 0) throw new WechatCryptoError('bad_ciphertext');
  const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16)).setAutoPadding(false);
  const padded = Buffer.concat([decipher.update(data), decipher.final()]);
  const pad = padded[padded.length - 1]!;
  if (pad < 1 || pad > block || pad > padded.length) throw new WechatCryptoError('bad_padding');
  const plain = padded.subarray(0, padded.length - pad);
  if (plain.length < 20) throw new WechatCryptoError('bad_ciphertext');
  const length = plain.readUInt32BE(16);
  if (20 + length > plain.length) throw new WechatCryptoError('bad_ciphertext');
  const message = plain.subarray(20, 20 + length).toString('utf8');
  const appId = plain.subarray(20 + length).toString('utf8');
  if (expectedAppId !== undefined && appId !== expectedAppId) throw new WechatCryptoError('app_id_mismatch');
  return { message, appId };
}
