import { and, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Config } from '../../app/config.js';
import type { Database, Tx } from '../../db/database.js';
import { loginThrottles } from './schema.js';

/**
 * Brute-force limits for console sign-in, per account (the email tried) and per client IP, kept
 * in `login_throttles` so every server process shares them.
 *
 * An attempt is counted as a failure *before* its password is checked (`reserveAttempt`, a short
 * transaction that locks the two rows), and given back when the password was right
 * (`settleSuccess`). So a burst of parallel guesses, from one process or several, is counted one
 * by one and at most the threshold gets through; and the scrypt check runs with no row lock or
 * connection held. Delays are not slept: an attempt inside its delay window is answered 429 with
 * Retry-After, which costs the server nothing.
 */
export type ThrottleLimits = { delayAfter: number; lockAfter: number };
export type ThrottlePolicy = { account: ThrottleLimits; ip: ThrottleLimits; windowMs: number; lockMs: number };
export type ThrottleKind = 'account' | 'ip';

/** First delay 1 s, doubling with each further failure, never more than a minute. */
const firstDelayMs = 1000;
const maxDelayMs = 60_000;
/** Counters idle this long are deleted; an account's "was locked" mark is kept longer (it decides the new-IP mail). */
const idleRowMs = 86_400_000;
const lockMarkMs = 30 * 86_400_000;

export function throttlePolicy(config: Config): ThrottlePolicy {
  return {
    account: { delayAfter: config.OPENCSM_LOGIN_ACCOUNT_DELAY_AFTER, lockAfter: config.OPENCSM_LOGIN_ACCOUNT_LOCK_AFTER },
    ip: { delayAfter: config.OPENCSM_LOGIN_IP_DELAY_AFTER, lockAfter: config.OPENCSM_LOGIN_IP_LOCK_AFTER },
    windowMs: config.OPENCSM_LOGIN_WINDOW_MINUTES * 60_000,
    lockMs: config.OPENCSM_LOGIN_LOCK_MINUTES * 60_000,
  };
}

export const throttleKey = (kind: ThrottleKind, subject: string) => `${kind}:${subject}`;

type ThrottleRow = typeof loginThrottles.$inferSelect;

export type Refusal = { reason: `${ThrottleKind}_locked` | `${ThrottleKind}_delay`; until: Date };

function delayMs(failures: number, limits: ThrottleLimits): number {
  if (failures < limits.delayAfter) return 0;
  return Math.min(maxDelayMs, firstDelayMs * 2 ** (failures - limits.delayAfter));
}

/** When the lock of a row ends, or null when it is not locked at `now`. */
export function lockedUntil(row: Pick<ThrottleRow, 'failures' | 'lastFailureAt'>, limits: ThrottleLimits, policy: ThrottlePolicy, now: Date): Date | null {
  if (!row.lastFailureAt || row.failures < limits.lockAfter) return null;
  const until = row.lastFailureAt.getTime() + policy.lockMs;
  return until > now.getTime() ? new Date(until) : null;
}

/** Why a row refuses an attempt at `now` (locked, or inside its delay), or null. */
function refusalOf(row: ThrottleRow, policy: ThrottlePolicy, now: Date): Refusal | null {
  const limits = policy[row.kind];
  const lockEnd = lockedUntil(row, limits, policy, now);
  if (lockEnd) return { reason: `${row.kind}_locked`, until: lockEnd };
  if (!row.lastFailureAt || row.failures >= limits.lockAfter) return null; // a lock that ran out
  if (row.windowStartedAt.getTime() + policy.windowMs <= now.getTime()) return null;
  const until = row.lastFailureAt.getTime() + delayMs(row.failures, limits);
  return until > now.getTime() ? { reason: `${row.kind}_delay`, until: new Date(until) } : null;
}

export type Reservation =
  | { refused: Refusal[] }
  | { refused: null; /** The account's lock mark before this attempt: set when it was locked since the last successful sign-in. */ accountLockedBefore: Date | null };

/**
 * Count one attempt against the account and the IP, or refuse it (without counting) when either
 * is locked or inside its delay.
 */
export async function reserveAttempt(database: Database, subjects: { account: string; ip: string }, policy: ThrottlePolicy, now: Date): Promise<Reservation> {
  const keys = [throttleKey('account', subjects.account), throttleKey('ip', subjects.ip)];
  return database.transaction(async (tx) => {
    await tx
      .insert(loginThrottles)
      .values([
        { id: uuidv7(), key: keys[0]!, kind: 'account', subject: subjects.account, windowStartedAt: now },
        { id: uuidv7(), key: keys[1]!, kind: 'ip', subject: subjects.ip, windowStartedAt: now },
      ])
      .onConflictDoNothing({ target: loginThrottles.key });
    // Rows locked in key order ('account:…' < 'ip:…'), the same in every process: no deadlock.
    const rows = await tx.select().from(loginThrottles).where(inArray(loginThrottles.key, keys)).orderBy(loginThrottles.key).for('update');
    const refused = rows.map((row) => refusalOf(row, policy, now)).filter((r): r is Refusal => r !== null);
    if (refused.length) return { refused };
    for (const row of rows) await countFailure(tx, row, policy, now);
    await sweepIdleRows(tx, now);
    const account = rows.find((row) => row.kind === 'account');
    return { refused: null, accountLockedBefore: account?.lastLockedAt ?? null };
  });
}

async function countFailure(tx: Tx, row: ThrottleRow, policy: ThrottlePolicy, now: Date): Promise<void> {
  const limits = policy[row.kind];
  // A new window when the last one has passed, or when a lock has run out (not refused above).
  const fresh = !row.lastFailureAt || row.windowStartedAt.getTime() + policy.windowMs <= now.getTime() || row.failures >= limits.lockAfter;
  const failures = (fresh ? 0 : row.failures) + 1;
  await tx
    .update(loginThrottles)
    .set({
      failures,
      windowStartedAt: fresh ? now : row.windowStartedAt,
      lastFailureAt: now,
      lastLockedAt: failures >= limits.lockAfter ? now : row.lastLockedAt,
    })
    .where(sql`${loginThrottles.id} = ${row.id}`);
}

async function sweepIdleRows(tx: Tx, now: Date): Promise<void> {
  const idleSince = new Date(now.getTime() - idleRowMs);
  await tx
    .delete(loginThrottles)
    .where(
      and(
        // A row made for an attempt the other row refused has no failure yet: its window start counts.
        lt(sql`coalesce(${loginThrottles.lastFailureAt}, ${loginThrottles.windowStartedAt})`, idleSince),
        or(isNull(loginThrottles.lastLockedAt), lt(loginThrottles.lastLockedAt, new Date(now.getTime() - lockMarkMs))),
      ),
    );
}

/**
 * The password was right: the account starts afresh (its counter and its lock mark go), and the
 * IP gets back the attempt counted for it, so colleagues behind one address are not slowed by
 * each other's successful sign-ins.
 */
export async function settleSuccess(tx: Tx, subjects: { account: string; ip: string }): Promise<void> {
  await tx.execute(sql`delete from login_throttles where key = ${throttleKey('account', subjects.account)}`);
  await tx.execute(sql`update login_throttles set failures = greatest(failures - 1, 0) where key = ${throttleKey('ip', subjects.ip)}`);
}
