import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { and, desc, eq, isNull, lt, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { Invalid } from '../../app/errors.js';
import type { Database, Tx } from '../../db/database.js';
import { createPortalSession } from './portal-sessions.js';
import { portalLoginCodes } from './schema.js';

/**
 * The one-time sign-in code itself, whichever way it travels (email or SMS): 6 digits, 10 minutes,
 * one use, five tries, stored as sha256(row id + code) and compared in constant time. The email
 * flow (login-codes.ts) and the SMS flow (sms-login-codes.ts) differ only in how they find the
 * customer and carry the code.
 */
export const codeLifetimeMs = 10 * 60_000;
export const maxCodeAttempts = 5;

/** Where a code was sent: a normalised email, or a mobile number in E.164. */
export type CodeAddress = { email: string } | { phone: string };

function hashCode(rowId: string, code: string): Buffer {
  return createHash('sha256').update(`${rowId}:${code}`).digest();
}

function addressMatch(address: CodeAddress) {
  return 'email' in address ? eq(portalLoginCodes.email, address.email) : eq(portalLoginCodes.phone, address.phone);
}

/**
 * A new code for an address, known (`contactId`) or not: the row is written either way so that
 * answers and attempt counting look alike; only a known address's code is ever sent.
 */
export async function issueLoginCode(tx: Tx, address: CodeAddress, contactId: string | null, now: Date): Promise<{ id: string; code: string }> {
  const id = uuidv7();
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  await tx.insert(portalLoginCodes).values({
    id,
    ...('email' in address ? { email: address.email } : { phone: address.phone }),
    contactId,
    codeHash: hashCode(id, code).toString('hex'),
    expiresAt: new Date(now.getTime() + codeLifetimeMs),
    createdAt: now,
  });
  // Codes are useless a day on; sweep them as new ones are made (indexed, so cheap).
  await tx.delete(portalLoginCodes).where(lt(portalLoginCodes.expiresAt, new Date(now.getTime() - 86_400_000)));
  return { id, code };
}

/**
 * Trade an address and its newest code for a session. Each try counts (in its own committed
 * update), a code works once, for 10 minutes, and at most five tries. Every failure names the
 * `code` field, the same for known and unknown addresses.
 */
export async function redeemLoginCode(database: Database, address: CodeAddress, given: string, now: Date, sessionDays: number): Promise<{ secret: string; expiresAt: Date }> {
  type Outcome = { failure: string; params?: { remaining: number } } | { session: { secret: string; expiresAt: Date } };
  const outcome = await database.transaction(async (tx): Promise<Outcome> => {
    const [row] = await tx.select().from(portalLoginCodes).where(and(addressMatch(address), isNull(portalLoginCodes.consumedAt))).orderBy(desc(portalLoginCodes.createdAt), desc(portalLoginCodes.id)).limit(1).for('update');
    if (!row) return { failure: 'portal.code_not_requested' };
    if (row.expiresAt.getTime() <= now.getTime()) return { failure: 'portal.code_expired' };
    if (row.attempts >= maxCodeAttempts) return { failure: 'portal.code_attempts_exceeded' };
    await tx.update(portalLoginCodes).set({ attempts: sql`${portalLoginCodes.attempts} + 1` }).where(eq(portalLoginCodes.id, row.id));
    const code = /^\d{6}$/.test(given) ? given : '';
    const matches = timingSafeEqual(hashCode(row.id, code), Buffer.from(row.codeHash, 'hex'));
    // The customer is told how many tries are left; the count is the same for known and unknown addresses.
    const remaining = maxCodeAttempts - (row.attempts + 1);
    if (!matches || !row.contactId) return remaining <= 0 ? { failure: 'portal.code_attempts_exceeded' } : { failure: 'portal.code_invalid', params: { remaining } };
    await tx.update(portalLoginCodes).set({ consumedAt: now }).where(eq(portalLoginCodes.id, row.id));
    return { session: await createPortalSession(tx, row.contactId, sessionDays) };
  });
  // The failure itself is the problem's title (not "请求参数有误: code …"), and still names the field.
  if ('failure' in outcome) throw new Invalid(outcome.failure, outcome.params ?? {}, [{ path: 'code', code: outcome.failure, params: outcome.params ?? {} }]);
  return outcome.session;
}
