import { and, desc, eq, gte, ilike, lt, sql, type SQL } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { invalidField } from '../../app/errors.js';
import { queryRows, type Db, type Tx } from '../../db/database.js';
import { containsPattern } from '../../db/like-pattern.js';
import { signInAudit, users } from './schema.js';

/** The sign-in audit log: one row per console sign-in attempt, whatever its outcome. */
export const signInOutcomes = ['success', 'failure', 'refused'] as const;
export type SignInOutcome = (typeof signInOutcomes)[number];
export type SignInReason =
  | 'wrong_password'
  | 'unknown_email'
  | 'inactive_user'
  | 'account_locked'
  | 'account_delay'
  | 'ip_locked'
  | 'ip_delay'
  | 'new_ip_after_lock';

export type SignInAttempt = { email: string; ip: string; userAgent: string };

/** Long user agents are cut: the log is for people to read, and a client chooses the header. */
const maxUserAgent = 500;

/**
 * Write one audit row. `userId` undefined looks the user up by email in the same statement, so a
 * refused attempt costs the same whether or not the email exists.
 */
export async function recordSignIn(
  tx: Tx,
  attempt: SignInAttempt,
  result: { outcome: SignInOutcome; reason: SignInReason | null; userId?: string | null },
  at: Date,
): Promise<void> {
  const userId = result.userId === undefined ? sql`(select id from users where email = ${attempt.email})` : sql`${result.userId}::uuid`;
  await tx.execute(sql`
    insert into sign_in_audit (id, user_id, email, ip, user_agent, outcome, reason, created_at)
    values (${uuidv7()}, ${userId}, ${attempt.email}, ${attempt.ip}, ${attempt.userAgent.slice(0, maxUserAgent)}, ${result.outcome}, ${result.reason}, ${at.toISOString()}::timestamptz)`);
}

/** Whether the user has signed in successfully from this IP before (an index lookup). */
export async function hasSignedInFrom(tx: Tx, userId: string, ip: string): Promise<boolean> {
  const rows = await queryRows<{ ok: number }>(tx, sql`select 1 as ok from sign_in_audit where user_id = ${userId} and ip = ${ip} and outcome = 'success' limit 1`);
  return rows.length > 0;
}

export type SignInAuditFilter = { userId?: string; email?: string; outcome?: SignInOutcome; from?: Date; to?: Date; cursor?: string; limit: number };
export type SignInAuditEntry = {
  id: string;
  userId: string | null;
  userName: string | null;
  email: string;
  ip: string;
  userAgent: string;
  outcome: SignInOutcome;
  reason: string | null;
  createdAt: Date;
};

/**
 * Newest first, by id (UUIDv7: the order rows were written), one page at a time: the cursor is the
 * last id of the previous page.
 */
export async function listSignInAudit(db: Db, filter: SignInAuditFilter): Promise<{ items: SignInAuditEntry[]; nextCursor: string | null }> {
  const conditions: SQL[] = [];
  if (filter.userId) conditions.push(eq(signInAudit.userId, filter.userId));
  if (filter.email) conditions.push(ilike(signInAudit.email, containsPattern(filter.email)));
  if (filter.outcome) conditions.push(eq(signInAudit.outcome, filter.outcome));
  if (filter.from) conditions.push(gte(signInAudit.createdAt, filter.from));
  if (filter.to) conditions.push(lt(signInAudit.createdAt, filter.to));
  if (filter.cursor) {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(filter.cursor)) throw invalidField('cursor', 'validation.invalid');
    conditions.push(lt(signInAudit.id, filter.cursor));
  }
  const rows = await db
    .select({
      id: signInAudit.id,
      userId: signInAudit.userId,
      userName: users.name,
      email: signInAudit.email,
      ip: signInAudit.ip,
      userAgent: signInAudit.userAgent,
      outcome: signInAudit.outcome,
      reason: signInAudit.reason,
      createdAt: signInAudit.createdAt,
    })
    .from(signInAudit)
    .leftJoin(users, eq(users.id, signInAudit.userId))
    .where(and(...conditions))
    .orderBy(desc(signInAudit.id))
    .limit(filter.limit + 1);
  const items = rows.slice(0, filter.limit);
  return { items, nextCursor: rows.length > filter.limit ? items.at(-1)!.id : null };
}
