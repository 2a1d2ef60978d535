import { and, asc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { Conflict, Forbidden, Invalid, NotFound } from '../../app/errors.js';
import { queryRows, isForeignKeyViolation, isUniqueViolation, type Database, type Db, type Tx } from '../../db/database.js';
import { containsPattern } from '../../db/like-pattern.js';
import { recordEvent } from '../../jobs/events.js';
import { userCreated, userPasswordChanged, userUpdated } from './events.js';
import type { Actor } from './actor.js';
import type { RoleName } from './permissions.js';
import { hashPassword, unknownUserHash, verifyPassword } from './secrets.js';
import { revokeApiTokensOfUser } from './api-tokens.js';
import { endSessionsOfUser } from './credentials.js';
import { users } from './schema.js';
import { replaceMemberships, teamIdsOf } from './team-membership.js';

export type UserView = {
  id: string;
  email: string;
  name: string;
  role: RoleName;
  locale: string;
  active: boolean;
  teamIds: string[];
  createdAt: Date;
  updatedAt: Date;
};

const userColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  locale: users.locale,
  active: users.active,
  createdAt: users.createdAt,
  updatedAt: users.updatedAt,
  teamIds: teamIdsOf(users.id),
};

export type NewUser = { email: string; name: string; password: string; role: RoleName; locale?: string; teamIds?: string[] };

/** Create a user. `actor` is null only for the first administrator created at boot. */
export async function createUser(database: Database, actor: Actor | null, input: NewUser): Promise<UserView> {
  const passwordHash = await hashPassword(input.password);
  const id = uuidv7();
  try {
    await database.transaction(async (tx) => {
      await tx.insert(users).values({ id, email: input.email.trim().toLowerCase(), name: input.name, passwordHash, role: input.role, locale: input.locale ?? 'zh-CN' });
      if (input.teamIds?.length) await replaceMemberships(tx, { userId: id, teamIds: input.teamIds });
      await recordEvent(tx, userCreated, { aggregateId: id, cause: actor ? 'agent' : 'system', actorId: actor?.id, payload: { email: input.email, role: input.role } });
    });
  } catch (error) {
    throw mapUserWriteError(error);
  }
  return getUser(database.db, id);
}

export async function getUser(db: Db, id: string): Promise<UserView> {
  const [user] = await db.select(userColumns).from(users).where(eq(users.id, id));
  if (!user) throw new NotFound('user.not_found');
  return user;
}

export type PasswordCheck =
  | { ok: true; user: { id: string; email: string; name: string; locale: string } }
  | { ok: false; userId: string | null; reason: 'unknown_email' | 'wrong_password' | 'inactive_user' };

/** Check an email and password for sign-in; the reason of a failure is for the audit log only. */
export async function checkPassword(db: Db, email: string, password: string): Promise<PasswordCheck> {
  const [user] = await db
    .select({ id: users.id, email: users.email, name: users.name, locale: users.locale, passwordHash: users.passwordHash, active: users.active })
    .from(users)
    .where(eq(users.email, email.trim().toLowerCase()));
  // Verify even when the user is missing so response time does not reveal which emails exist.
  const ok = await verifyPassword(password, user?.passwordHash ?? unknownUserHash());
  if (!user) return { ok: false, userId: null, reason: 'unknown_email' };
  if (!ok) return { ok: false, userId: user.id, reason: 'wrong_password' };
  if (!user.active) return { ok: false, userId: user.id, reason: 'inactive_user' };
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, locale: user.locale } };
}

export async function listUsers(db: Db, filter: { q?: string; role?: RoleName; active?: boolean; teamId?: string }): Promise<UserView[]> {
  const conditions: SQL[] = [];
  if (filter.q) conditions.push(or(ilike(users.name, containsPattern(filter.q)), ilike(users.email, containsPattern(filter.q)))!);
  if (filter.role) conditions.push(eq(users.role, filter.role));
  if (filter.active !== undefined) conditions.push(eq(users.active, filter.active));
  if (filter.teamId) conditions.push(sql`exists (select 1 from team_members m where m.user_id = ${users.id} and m.team_id = ${filter.teamId})`);
  return db.select(userColumns).from(users).where(and(...conditions)).orderBy(asc(users.name), asc(users.id)).limit(1000);
}

export type UserChanges = { name?: string; email?: string; role?: RoleName; locale?: string; active?: boolean; password?: string; teamIds?: string[] };

export async function updateUser(database: Database, actor: Actor, id: string, changes: UserChanges): Promise<UserView> {
  if (id === actor.id && changes.active === false) throw new Forbidden('user.cannot_deactivate_self');
  const passwordHash = changes.password ? await hashPassword(changes.password) : undefined;
  try {
    await database.transaction(async (tx) => {
      // A change that may remove an administrator first locks every active admin (in id order), so
      // two admins demoting each other at once queue up and the second sees no other admin left.
      const mayRemoveAdmin = (changes.role !== undefined && changes.role !== 'admin') || changes.active === false;
      const activeAdminIds = mayRemoveAdmin ? await lockActiveAdmins(tx) : [];
      const [before] = await tx.select().from(users).where(eq(users.id, id)).for('update');
      if (!before) throw new NotFound('user.not_found');
      const losesAdmin = before.role === 'admin' && before.active && mayRemoveAdmin;
      if (losesAdmin && !activeAdminIds.some((adminId) => adminId !== id)) throw new Conflict('user.last_admin');
      const set = {
        ...(changes.name !== undefined && { name: changes.name }),
        ...(changes.email !== undefined && { email: changes.email.trim().toLowerCase() }),
        ...(changes.role !== undefined && { role: changes.role }),
        ...(changes.locale !== undefined && { locale: changes.locale }),
        ...(changes.active !== undefined && { active: changes.active }),
        ...(passwordHash && { passwordHash }),
      };
      await tx.update(users).set({ ...set, updatedAt: new Date(), version: sql`${users.version} + 1` }).where(eq(users.id, id));
      if (changes.teamIds) await replaceMemberships(tx, { userId: id, teamIds: changes.teamIds });
      if (changes.active === false || passwordHash) await endSessionsOfUser(tx, id);
      // Deactivation revokes API tokens for good (not just hides them while inactive): an
      // integration key handed out by a leaver must not come back when the account is reactivated.
      const revokedTokens = changes.active === false && before.active ? await revokeApiTokensOfUser(tx, id) : 0;
      const { password: _secret, ...auditable } = changes;
      await recordEvent(tx, userUpdated, { aggregateId: id, cause: 'agent', actorId: actor.id, payload: { changes: auditable, passwordChanged: Boolean(passwordHash), revokedTokens } });
    });
  } catch (error) {
    throw mapUserWriteError(error);
  }
  return getUser(database.db, id);
}

/**
 * Change the caller's own password and end every other session of theirs, so a stolen session
 * does not outlive the change. `keepSessionSecret` is the session making the request (omit it for
 * a bearer-token request: then every session ends). API tokens are revoked too when asked
 * (`revokeApiTokens`): a password may be changed because the account was compromised, and a
 * token minted by the intruder would outlive it. Returns how many sessions ended and tokens were revoked.
 */
export async function changeOwnPassword(
  database: Database,
  actor: Actor,
  change: { current: string; next: string; revokeApiTokens?: boolean },
  keepSessionSecret?: string,
): Promise<{ endedSessions: number; revokedTokens: number }> {
  const [user] = await database.db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, actor.id));
  if (!user || !(await verifyPassword(change.current, user.passwordHash))) {
    throw new Invalid('validation.failed', {}, [{ path: 'currentPassword', code: 'auth.wrong_password' }]);
  }
  const passwordHash = await hashPassword(change.next);
  return database.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, updatedAt: new Date() }).where(eq(users.id, actor.id));
    const endedSessions = await endSessionsOfUser(tx, actor.id, { except: keepSessionSecret });
    const revokedTokens = change.revokeApiTokens ? await revokeApiTokensOfUser(tx, actor.id) : 0;
    await recordEvent(tx, userPasswordChanged, { aggregateId: actor.id, cause: 'agent', actorId: actor.id, payload: { endedSessions, revokedTokens } });
    return { endedSessions, revokedTokens };
  });
}

export async function countUsers(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
  return row?.n ?? 0;
}

async function lockActiveAdmins(tx: Tx): Promise<string[]> {
  const rows = await tx.select({ id: users.id }).from(users).where(and(eq(users.role, 'admin'), eq(users.active, true))).orderBy(asc(users.id)).for('update');
  return rows.map((r) => r.id);
}

function mapUserWriteError(error: unknown): unknown {
  if (isUniqueViolation(error, 'users_email_key')) return new Conflict('validation.failed', {}, [{ path: 'email', code: 'user.email_taken' }]);
  if (isForeignKeyViolation(error)) return new Invalid('validation.failed', {}, [{ path: 'teamIds', code: 'team.not_found' }]);
  return error;
}

/** id → display name, for timelines and lists (one query). */
export async function getUserNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.select({ id: users.id, name: users.name }).from(users).where(sql`${users.id} in (${sql.join(unique.map((id) => sql`${id}::uuid`), sql`, `)})`);
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** An active user who can work tickets, or null. */
export async function findAssignableUser(db: Db, id: string): Promise<{ id: string; teamIds: string[] } | null> {
  const [user] = await db.select({ id: users.id, active: users.active, role: users.role, teamIds: userColumns.teamIds }).from(users).where(eq(users.id, id));
  return user && user.active ? { id: user.id, teamIds: user.teamIds } : null;
}

export async function teamExists(db: Db, id: string): Promise<boolean> {
  const rows = await queryRows<{ ok: number }>(db, sql`select 1 as ok from teams where id = ${id}`);
  return rows.length > 0;
}
