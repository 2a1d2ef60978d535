import type { Clock } from '../../app/clock.js';
import type { Config } from '../../app/config.js';
import { invalidField } from '../../app/errors.js';
import type { Database } from '../../db/database.js';
import { lookupContact, normalisePhone } from '../customers/index.js';
import { queueSignInSms, reserveCodeSend, SmsNotConfigured, smsCodeRoute, smsReachable } from '../sms-channel/index.js';
import { issueLoginCode, redeemLoginCode } from './login-code-store.js';
import { enforceRateLimits } from './rate-limit.js';

type Deps = { database: Database; config: Config; clock: Clock };

/** A mobile number as contacts store it (E.164), or a 400 naming `phone`. */
function mobileOf(raw: string): string {
  const phone = normalisePhone(raw);
  if (!phone || !smsReachable(phone)) throw invalidField('phone', 'sms.mobile_invalid');
  return phone;
}

/**
 * Ask for a sign-in code by SMS. Like the email flow: always 202 whether or not the number
 * belongs to a customer (a code row and a limits row are written either way, the SMS goes from a
 * job after the answer); self-registration is off, so an unknown number gets no code. The
 * contact is found by the customers module's phone normalisation (`138 0013 8000` and
 * `+86 138-0013-8000` are one number). The limits (60 s between codes to a number, 5 an hour and
 * 10 a day per number, 20 an hour per IP) refuse with a 429 problem and Retry-After. Without an
 * enabled SMS account, only the development provider (OPENCSM_SMS_DEV_CODES) takes codes; else 503.
 */
export async function requestSmsLoginCode({ database, config, clock }: Deps, input: { phone: string; ip: string }): Promise<void> {
  const phone = mobileOf(input.phone);
  const route = await smsCodeRoute({ database, config, clock });
  if (!route) throw new SmsNotConfigured();
  const contact = await lookupContact(database.db, { kind: 'phone', value: phone });
  const known = contact && !contact.anonymized ? contact : null;
  const now = clock.now();
  await database.transaction(async (tx) => {
    const smsMessageId = await reserveCodeSend(tx, { phoneE164: phone, clientIp: input.ip }, now);
    const { code } = await issueLoginCode(tx, { phone }, known?.id ?? null, now);
    if (known) await queueSignInSms(tx, config, { smsMessageId, route, code });
  });
}

/** Trade a mobile number and its newest code for a session (login-code-store.ts says how a code is judged). */
export async function signInWithSmsCode({ database, config, clock }: Deps, input: { phone: string; code: string; ip: string }): Promise<{ secret: string; expiresAt: Date }> {
  const phone = mobileOf(input.phone);
  await enforceRateLimits(database, [{ bucket: `login-verify:ip:${input.ip}`, limit: 50, windowSeconds: 600 }]);
  return redeemLoginCode(database, { phone }, input.code, clock.now(), config.OPENCSM_SESSION_DAYS);
}

/** What the portal's sign-in page offers: SMS when an account is enabled (or the development provider is on). */
export async function portalSignInMethods(deps: Deps): Promise<{ email: boolean; sms: boolean }> {
  return { email: true, sms: (await smsCodeRoute(deps)) !== null };
}
