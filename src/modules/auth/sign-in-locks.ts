import { eq, gte, or, and, sql } from 'drizzle-orm';
import { NotFound } from '../../app/errors.js';
import type { Database, Db } from '../../db/database.js';
import { recordEvent } from '../../jobs/events.js';
import { signInUnlocked } from './events.js';
import type { Actor } from './actor.js';
import { lockedUntil, type ThrottleKind, type ThrottlePolicy } from './login-throttle.js';
import { loginThrottles, users } from './schema.js';

/** Accounts and IPs locked out of sign-in right now, for admins to see and unlock. */
export type SignInLock = {
  id: string;
  kind: ThrottleKind;
  /** The email tried (account) or the client address (ip). */
  subject: string;
  /** The user with that email, when there is one. */
  userId: string | null;
  userName: string | null;
  failures: number;
  lockedUntil: Date;
};

export async function listSignInLocks(db: Db, policy: ThrottlePolicy, now: Date): Promise<SignInLock[]> {
  // Candidates by threshold and time (the lowest threshold of either kind), the exact rule per row after.
  const since = new Date(now.getTime() - policy.lockMs);
  const rows = await db
    .select({ id: loginThrottles.id, kind: loginThrottles.kind, subject: loginThrottles.subject, failures: loginThrottles.failures, lastFailureAt: loginThrottles.lastFailureAt, userId: users.id, userName: users.name })
    .from(loginThrottles)
    .leftJoin(users, and(eq(loginThrottles.kind, 'account'), eq(users.email, loginThrottles.subject)))
    .where(
      and(
        gte(loginThrottles.lastFailureAt, since),
        or(
          and(eq(loginThrottles.kind, 'account'), gte(loginThrottles.failures, policy.account.lockAfter)),
          and(eq(loginThrottles.kind, 'ip'), gte(loginThrottles.failures, policy.ip.lockAfter)),
        ),
      ),
    )
    .orderBy(sql`${loginThrottles.lastFailureAt} desc`)
    .limit(1000);
  return rows.flatMap((row) => {
    const until = lockedUntil(row, policy[row.kind], policy, now);
    return until ? [{ id: row.id, kind: row.kind, subject: row.subject, userId: row.userId, userName: row.userName, failures: row.failures, lockedUntil: until }] : [];
  });
}

/**
 * Lift a lock: the counter starts again at zero. An account keeps its "was locked" mark, so its
 * next sign-in from a new address still mails its owner.
 */
export async function unlockSignIn(database: Database, actor: Actor, id: string, policy: ThrottlePolicy, now: Date): Promise<void> {
  await database.transaction(async (tx) => {
    const [row] = await tx.select().from(loginThrottles).where(eq(loginThrottles.id, id)).for('update');
    if (!row || !lockedUntil(row, policy[row.kind], policy, now)) throw new NotFound('auth.sign_in_lock_not_found');
    await tx.update(loginThrottles).set({ failures: 0, windowStartedAt: now }).where(eq(loginThrottles.id, id));
    await recordEvent(tx, signInUnlocked, { aggregateId: id, cause: 'agent', actorId: actor.id, payload: { kind: row.kind, subject: row.subject, failures: row.failures } });
  });
}
