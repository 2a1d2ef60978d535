import type { Clock } from '../../app/clock.js';
import { TooManyRequests, Unauthenticated } from '../../app/errors.js';
import type { Locale } from '../../app/i18n/catalogue.js';
import type { Database } from '../../db/database.js';
import { signInAddressKey } from './client-address.js';
import { reserveAttempt, settleSuccess, type Refusal, type ThrottlePolicy } from './login-throttle.js';
import { enqueueSignInAlert } from './sign-in-alert.js';
import { hasSignedInFrom, recordSignIn, type SignInAttempt } from './sign-in-audit.js';
import { checkPassword } from './users.js';

export type SignInContext = { database: Database; clock: Clock; policy: ThrottlePolicy };

/**
 * A console sign-in: limits first (a refused attempt never reaches the password check), then the
 * password, then the audit row — with, for a success from a new IP after a lock, the owner's alert
 * mail enqueued in the same transaction. Known and unknown emails take the same steps, so neither
 * the answer nor its timing tells them apart.
 */
export async function signIn(context: SignInContext, input: { email: string; password: string; ip: string; userAgent: string }): Promise<{ userId: string }> {
  const { database, clock, policy } = context;
  const attempt: SignInAttempt = { email: input.email.trim().toLowerCase(), ip: input.ip, userAgent: input.userAgent };
  const subjects = { account: attempt.email, ip: signInAddressKey(attempt.ip) };
  const now = clock.now();

  const reservation = await reserveAttempt(database, subjects, policy, now);
  if (reservation.refused) {
    const refusal = reservation.refused.reduce((a, b) => (b.until > a.until ? b : a));
    await database.transaction((tx) => recordSignIn(tx, attempt, { outcome: 'refused', reason: refusal.reason }, now));
    throw tooManyAttempts(refusal, now);
  }

  const check = await checkPassword(database.db, attempt.email, input.password);
  if (!check.ok) {
    await database.transaction((tx) => recordSignIn(tx, attempt, { outcome: 'failure', reason: check.reason, userId: check.userId }, now));
    throw new Unauthenticated('auth.invalid_credentials');
  }

  const { user } = check;
  await database.transaction(async (tx) => {
    await settleSuccess(tx, subjects);
    const alert = reservation.accountLockedBefore !== null && !(await hasSignedInFrom(tx, user.id, attempt.ip));
    await recordSignIn(tx, attempt, { outcome: 'success', reason: alert ? 'new_ip_after_lock' : null, userId: user.id }, now);
    if (alert) {
      const locale: Locale = user.locale === 'en' ? 'en' : 'zh-CN';
      await enqueueSignInAlert(tx, { to: user.email, name: user.name, locale, ip: attempt.ip, userAgent: attempt.userAgent, at: now.toISOString() });
    }
  });
  return { userId: user.id };
}

/** 429 with Retry-After; the message says minutes for a lock and seconds for a delay. */
function tooManyAttempts(refusal: Refusal, now: Date): TooManyRequests {
  const seconds = Math.max(1, Math.ceil((refusal.until.getTime() - now.getTime()) / 1000));
  return refusal.reason.endsWith('_locked')
    ? new TooManyRequests('auth.sign_in_locked', seconds, { minutes: Math.ceil(seconds / 60) })
    : new TooManyRequests('auth.sign_in_delayed', seconds);
}
