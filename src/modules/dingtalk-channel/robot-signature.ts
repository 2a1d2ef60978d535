import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * DingTalk robot signatures (钉钉机器人加签). Both directions use the same construction:
 * base64(HMAC-SHA256(key = secret, message = `${timestampMs}\n${secret}`)), UTF-8 throughout.
 * - Custom group robot (自定义机器人, we send): the secret is the `SEC…` string of the robot's
 *   加签 setting; the signature travels URL-encoded in the webhook's `sign` query parameter
 *   next to `timestamp`, which DingTalk accepts within 1 hour of its own clock.
 * - Outgoing robot callback (企业内部机器人, DingTalk calls us): headers `timestamp` and `sign`,
 *   keyed with the app's AppSecret; DingTalk's rule is that a timestamp more than 1 hour away
 *   from ours is refused.
 */
export function robotSignature(secret: string, timestampMs: number): string {
  return createHmac('sha256', Buffer.from(secret, 'utf8')).update(`${timestampMs}\n${secret}`, 'utf8').digest('base64');
}

/** The `sign` query parameter of a custom robot webhook: the signature, URL-encoded. */
export function robotWebhookSign(secret: string, timestampMs: number): string {
  return encodeURIComponent(robotSignature(secret, timestampMs));
}

/**
 * The webhook address to POST to: the robot's own URL (with its access_token) plus `timestamp`
 * and `sign`. A robot without 加签 (keyword or IP protection only) is sent to as it is.
 */
export function signedRobotWebhookUrl(webhookUrl: string, secret: string | undefined, timestampMs: number): string {
  const url = new URL(webhookUrl);
  if (secret === undefined || secret === '') return url.toString();
  url.searchParams.set('timestamp', String(timestampMs));
  // searchParams encodes like application/x-www-form-urlencoded, which is what DingTalk's
  // own samples produce (Java URLEncoder, Python quote_plus): base64 has no spaces, so the
  // result equals robotWebhookSign.
  url.searchParams.set('sign', robotSignature(secret, timestampMs));
  return url.toString();
}

/** DingTalk's freshness rule for signed timestamps, both directions. */
export const robotTimestampToleranceMs = 60 * 60 * 1000;

export type CallbackVerdict = { ok: true } | { ok: false; reason: 'missing_headers' | 'bad_timestamp' | 'stale' | 'mismatch' };

/**
 * Checks an outgoing-robot callback's `timestamp` and `sign` headers against the app secret.
 * Header names are lower-case as Node delivers them. The comparison is constant-time over the
 * decoded bytes, so a forger learns nothing from how long a wrong guess took.
 */
export function verifyRobotCallback(
  headers: { timestamp?: string | string[] | undefined; sign?: string | string[] | undefined },
  appSecret: string,
  nowMs: number,
): CallbackVerdict {
  const timestamp = single(headers.timestamp);
  const sign = single(headers.sign);
  if (timestamp === undefined || sign === undefined) return { ok: false, reason: 'missing_headers' };
  if (!/^\d{1,16}$/.test(timestamp)) return { ok: false, reason: 'bad_timestamp' };
  const timestampMs = Number(timestamp);
  if (Math.abs(nowMs - timestampMs) > robotTimestampToleranceMs) return { ok: false, reason: 'stale' };
  return signaturesEqual(sign, robotSignature(appSecret, timestampMs)) ? { ok: true } : { ok: false, reason: 'mismatch' };
}

/** Constant-time equality of two base64 signatures (length differences end early: the length is public). */
export function signaturesEqual(given: string, expected: string): boolean {
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

function single(value: string | string[] | undefined): string | undefined {
  if (Array.isArray(value)) return value.length === 1 ? value[0] : undefined;
  return value === '' ? undefined : value;
}
