import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { and, desc, eq, isNull, lt, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { Invalid, invalidField } from '../../app/errors.js';
import type { Locale } from '../../app/i18n/catalogue.js';
import type { Database } from '../../db/database.js';
import { lookupContact, normaliseEmail } from '../customers/index.js';
import type { PortalMailer } from './portal-mailer.js';
import { createPortalSession } from './portal-sessions.js';
import { enforceRateLimits } from './rate-limit.js';
import { portalLoginCodes } from './schema.js';

export const codeLifetimeMs = 10 * 60_000;
export const maxCodeAttempts = 5;

function hashCode(rowId: string, code: string): Buffer {
  return createHash('sha256').update(`${rowId}:${code}`).digest();
}

/**
 * Ask for a sign-in code. The caller always hears the same thing (202), whether or not the email
 * belongs to a customer: a row is written either way, and the mail is sent after the answer, so
 * neither the reply nor its timing tells. Self-registration is off: an unknown email gets no code.
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
  const id = uuidv7();
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  await database.transaction(async (tx) => {
    await tx.insert(portalLoginCodes).values({ id, email, contactId: known?.id ?? null, codeHash: hashCode(id, code).toString('hex'), expiresAt: new Date(Date.now() + codeLifetimeMs) });
    // Codes are useless a day on; sweep them as new ones are made (indexed, so cheap).
    await tx.delete(portalLoginCodes).where(lt(portalLoginCodes.expiresAt, new Date(Date.now() - 86_400_000)));
  });
  if (known) void mailer.sendLoginCode({ to: email, name: known.name, code, locale: input.locale }).catch(onSendError);
}

/**
 * Trade an email and its newest code for a session. Each try counts (in its own committed
 * update), the comparison is constant-time, a code works once, for 10 minutes, and at most five
 * tries. Every failure names the `code` field, the same for known and unknown emails.
 */
export async function signInWithCode(database: Database, input: { email: string; code: string; ip: string }, sessionDays: number): Promise<{ secret: string; expiresAt: Date }> {
  const email = normaliseEmail(input.email);
  if (!email) throw invalidField('email', 'identity.invalid_email');
  await enforceRateLimits(database, [{ bucket: `login-verify:ip:${input.ip}`, limit: 50, windowSeconds: 600 }]);
  type Outcome = { failure: string; params?: { remaining: number } } | { session: { secret: string; expiresAt: Date } };
  const outcome = await database.transaction(async (tx): Promise<Outcome> => {
    const [row] = await tx.select().from(portalLoginCodes).where(and(eq(portalLoginCodes.email, email), isNull(portalLoginCodes.consumedAt))).orderBy(desc(portalLoginCodes.createdAt), desc(portalLoginCodes.id)).limit(1).for('update');
    if (!row) return { failure: 'portal.code_not_requested' }
    if (row.expiresAt.getTime() <= Date.now()) return { failure: 'portal.code_expired' }
    if (row.attempts >= maxCodeAttempts) return { failure: 'portal.code_attempts_exceeded' }
    await tx.update(portalLoginCodes).set({ attempts: sql`${portalLoginCodes.attempts} + 1` }).where(eq(portalLoginCodes.id, row.id));
    const given = /^\d{6}$/.test(input.code) ? input.code : '';
    const matches = timingSafeEqual(hashCode(row.id, given), Buffer.from(row.codeHash, 'hex'));
    // The customer is told how many tries are left; the count is the same for known and unknown emails.
    const remaining = maxCodeAttempts - (row.attempts + 1);
    if (!matches || !row.contactId) return remaining <= 0 ? { failure: 'portal.code_attempts_exceeded' } : { failure: 'portal.code_invalid', params: { remaining } }
    await tx.update(portalLoginCodes).set({ consumedAt: new Date() }).where(eq(portalLoginCodes.id, row.id));
    return { session: await createPortalSession(tx, row.contactId, sessionDays) };
  });
  // The failure itself is the problem's title (not "请求参数有误: code …"), and still names the field.
  if ('failure' in outcome) throw new Invalid(outcome.failure, outcome.params ?? {}, [{ path: 'code', code: outcome.failure, params: outcome.params ?? {} }]);
  return outcome.session;
}
