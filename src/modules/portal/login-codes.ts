import type { Locale } from '../../app/i18n/catalogue.js';
import { invalidField } from '../../app/errors.js';
import type { Database } from '../../db/database.js';
import { lookupContact, normaliseEmail } from '../customers/index.js';
import { issueLoginCode, redeemLoginCode } from './login-code-store.js';
import type { PortalMailer } from './portal-mailer.js';
import { enforceRateLimits } from './rate-limit.js';

/**
 * Ask for a sign-in code by email. The caller always hears the same thing (202), whether or not
 * the email belongs to a customer: a row is written either way, and the mail is sent after the
 * answer, so neither the reply nor its timing tells. Self-registration is off: an unknown email
 * gets no code.
 */
export async function requestLoginCode(database: Database, mailer: PortalMailer, input: { email: string; ip: string; locale: Locale }, onSendError: (error: unknown) => void): Promise<void> {
  const email = normaliseEmail(input.email);
  if (!email) throw invalidField('email', 'identity.invalid_email');
  await enforceRateLimits(database, [
    { bucket: `login-code:ip:${input.ip}`, limit: 20, windowSeconds: 600 },
    { bucket: `login-code:email:${email}`, limit: 5, windowSeconds: 600 },
  ]);
  const contact = await lookupContact(database.db, { kind: 'email', value: email });
  const known = contact && !contact.anonymized ? contact : null;
  const { code } = await database.transaction((tx) => issueLoginCode(tx, { email }, known?.id ?? null, new Date()));
  if (known) void mailer.sendLoginCode({ to: email, name: known.name, code, locale: input.locale }).catch(onSendError);
}

/** Trade an email and its newest code for a session (login-code-store.ts says how a code is judged). */
export async function signInWithCode(database: Database, input: { email: string; code: string; ip: string }, sessionDays: number): Promise<{ secret: string; expiresAt: Date }> {
  const email = normaliseEmail(input.email);
  if (!email) throw invalidField('email', 'identity.invalid_email');
  await enforceRateLimits(database, [{ bucket: `login-verify:ip:${input.ip}`, limit: 50, windowSeconds: 600 }]);
  return redeemLoginCode(database, { email }, input.code, new Date(), sessionDays);
}
