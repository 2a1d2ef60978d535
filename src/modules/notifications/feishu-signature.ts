import { createHmac } from 'node:crypto';

/**
 * Feishu (飞书) custom robot signature (签名校验), per Feishu's published docs: the string
 * `${timestamp}\n${secret}` is the HMAC-SHA256 KEY, the message is empty, the digest goes out in
 * base64. The timestamp is in SECONDS (DingTalk's is milliseconds) and travels in the JSON body
 * beside `sign`; Feishu refuses one more than an hour from its own clock (code 19021).
 */
export function feishuRobotSign(secret: string, timestampSeconds: number): string {
  return createHmac('sha256', Buffer.from(`${timestampSeconds}\n${secret}`, 'utf8')).update(Buffer.alloc(0)).digest('base64');
}

/** The body to POST: the message with `timestamp` and `sign` when the robot has a secret. */
export function signedFeishuBody(body: Record<string, unknown>, secret: string | undefined, nowMs: number): Record<string, unknown> {
  if (!secret) return body;
  const timestamp = Math.floor(nowMs / 1000);
  return { timestamp: String(timestamp), sign: feishuRobotSign(secret, timestamp), ...body };
}
