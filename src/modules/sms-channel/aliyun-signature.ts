import { createHmac } from 'node:crypto';

/**
 * Alibaba Cloud's RPC request signature, version 1.0 (HMAC-SHA1), which dysmsapi (短信服务)
 * documents with a worked SendSms example (help.aliyun.com/document_detail/56189.html,
 * "HTTP 协议及签名"; the test reproduces it byte for byte). Steps:
 * 1. every parameter except Signature, sorted by name (byte order), each name and value
 *    percent-encoded and joined as `name=value` with `&` (the canonicalized query string);
 * 2. StringToSign = METHOD & percentEncode("/") & percentEncode(canonicalized);
 * 3. Signature = base64(HMAC-SHA1(key = AccessKeySecret + "&", StringToSign)).
 */

/**
 * Alibaba's percent-encoding (POP): UTF-8, everything but A–Z a–z 0–9 - _ . ~ escaped with
 * upper-case hex, a space as %20 (not +). encodeURIComponent leaves ! ' ( ) * alone, so those
 * are escaped here too.
 */
export function aliyunPercentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function aliyunCanonicalizedQuery(params: Record<string, string>): string {
  return Object.keys(params)
    .filter((name) => name !== 'Signature')
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((name) => `${aliyunPercentEncode(name)}=${aliyunPercentEncode(params[name] ?? '')}`)
    .join('&');
}

export function aliyunStringToSign(method: 'GET' | 'POST', params: Record<string, string>): string {
  return `${method}&${aliyunPercentEncode('/')}&${aliyunPercentEncode(aliyunCanonicalizedQuery(params))}`;
}

export function aliyunRpcSignature(method: 'GET' | 'POST', params: Record<string, string>, accessKeySecret: string): string {
  return createHmac('sha1', `${accessKeySecret}&`).update(aliyunStringToSign(method, params), 'utf8').digest('base64');
}
