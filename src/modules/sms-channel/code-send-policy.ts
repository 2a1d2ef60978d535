import { TooManyRequests } from '../../app/errors.js';

/**
 * How often a verification code (portal sign-in by mobile number) may be sent: per number, so
 * nobody floods a stranger's phone (短信轰炸) or our bill, and per client IP, so one machine cannot
 * walk through many numbers. A pure judgement over the sends already made; the caller passes its
 * clock's `now`. Windows are rolling (the last 60 s, hour, 24 h), so a refusal can say exactly
 * when to try again; vendors' own limits (Alibaba's default 1/min, 5/h, 10/day per number) are
 * kept by the same defaults, so ours refuse first, in our words, before money is spent.
 *
 * Storage, for when this is wired to the portal sign-in (not built yet): one table
 * `sms_code_sends (id uuid, phone_e164 text, client_ip text, sent_at timestamptz)` with indexes
 * on (phone_e164, sent_at) and (client_ip, sent_at). The request handler, in one transaction,
 * takes `pg_advisory_xact_lock` on the number (so two concurrent requests for one number cannot
 * both pass), reads that number's sends of the last 24 h and the IP's of the last hour (at most
 * 10 + 20 rows while the limits hold), calls `judgeCodeSend`, and inserts the row if allowed;
 * the SMS itself goes after commit. A send counts even if the vendor then fails, so vendor errors
 * cannot be used to get around the limits. Rows older than 24 h are deleted by a due-row job
 * (pollDueRows). The code itself is stored hashed with the portal's login codes, not here.
 */
export type CodeSendLimits = {
  /** Seconds between two codes to one number. */
  minIntervalSeconds: number;
  perNumberPerHour: number;
  perNumberPerDay: number;
  perIpPerHour: number;
};

export const defaultCodeSendLimits: CodeSendLimits = { minIntervalSeconds: 60, perNumberPerHour: 5, perNumberPerDay: 10, perIpPerHour: 20 };

export type CodeSend = { phoneE164: string; clientIp: string; sentAt: Date };

export type CodeSendRefusalCode = 'sms.code_too_soon' | 'sms.code_hourly_limit' | 'sms.code_daily_limit' | 'sms.code_ip_limit';

export type CodeSendVerdict = { allowed: true } | { allowed: false; code: CodeSendRefusalCode; retryAfterSeconds: number };

const hour = 3_600_000;
const day = 24 * hour;

export function judgeCodeSend(
  request: { phoneE164: string; clientIp: string },
  recentSends: readonly CodeSend[],
  now: Date,
  limits: CodeSendLimits = defaultCodeSendLimits,
): CodeSendVerdict {
  const at = now.getTime();
  const toNumber = recentSends.filter((send) => send.phoneE164 === request.phoneE164).map((send) => send.sentAt.getTime());
  const fromIp = recentSends.filter((send) => send.clientIp === request.clientIp).map((send) => send.sentAt.getTime());
  const refusals = [
    waitFor('sms.code_too_soon', toNumber, 1, limits.minIntervalSeconds * 1000, at),
    waitFor('sms.code_hourly_limit', toNumber, limits.perNumberPerHour, hour, at),
    waitFor('sms.code_daily_limit', toNumber, limits.perNumberPerDay, day, at),
    waitFor('sms.code_ip_limit', fromIp, limits.perIpPerHour, hour, at),
  ].filter((refusal) => refusal !== undefined);
  if (refusals.length === 0) return { allowed: true };
  // The longest wait is the one that matters: trying again after a shorter one would be refused anyway.
  const longest = refusals.reduce((a, b) => (b.retryAfterSeconds > a.retryAfterSeconds ? b : a));
  return { allowed: false, ...longest };
}

/** A refusal as the 429 problem the portal answers (Retry-After set from it). */
export function codeSendRefused(verdict: Extract<CodeSendVerdict, { allowed: false }>): TooManyRequests {
  return new TooManyRequests(verdict.code, verdict.retryAfterSeconds);
}

/**
 * With `limit` sends allowed per `windowMs`: undefined if one more fits now, else when the oldest
 * send that keeps the window full leaves it.
 */
function waitFor(code: CodeSendRefusalCode, sentAt: number[], limit: number, windowMs: number, now: number): { code: CodeSendRefusalCode; retryAfterSeconds: number } | undefined {
  const inWindow = sentAt.filter((t) => t > now - windowMs && t <= now).sort((a, b) => a - b);
  if (inWindow.length < limit) return undefined;
  const freesAt = (inWindow[inWindow.length - limit] ?? now) + windowMs;
  return { code, retryAfterSeconds: Math.max(1, Math.ceil((freesAt - now) / 1000)) };
}
