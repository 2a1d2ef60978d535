import { and, asc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { Conflict, Forbidden, Invalid, NotFound } from '../../app/errors.js';
import { queryRows, isForeignKeyViolation, isUniqueViolation, type Database, type Db, type Tx } from '../../db/database.js';
import { containsPattern } from '../../db/like-pattern.js';
import { recordEvent } from '../../jobs/events.js';
import type { Actor } from './actor.js';
import type { RoleName } from './permissions.js';
import { hashPassword, verifyPassword } from './secrets.js';
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
      await recordEvent(tx, { type: 'user.created', aggregateType: 'user', aggregateId: id, actorId: actor?.id, payload: { email: input.email, role: input.role } });
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

export async function findUserForLogin(db: Db, email: string, password: string): Promise<{ id: string } | null> {
  const [user] = await db.select({ id: users.id, passwordHash: users.passwordHash, active: users.active }).from(users).where(eq(users.email, email.trim().toLowerCase()));
  // Verify even when the user is missing so response time does not reveal which emails exist.
  const ok = await verifyPassword(password, user?.passwordHash ?? 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=');
  return user && user.active && ok ? { id: user.id } : null;
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
      const { password: _secret, ...auditable } = changes;
      await recordEvent(tx, { type: 'user.updated', aggregateType: 'user', aggregateId: id, actorId: actor.id, payload: { changes: auditable, passwordChanged: Boolean(passwordHash) } });
    });
  } catch (error) {
    throw mapUserWriteError(error);
  }
  return getUser(database.db, id);
}

/**
 * Change the caller's own password and end every other session of theirs, so a stolen session
 * does not outlive the change. `keepSessionSecret` is the session making the request (omit it for
 * a bearer-token request: then every session ends). API tokens are not touched: they are revoked
 * one by one. Returns the number of sessions ended.
 */
export async function changeOwnPassword(
  database: Database,
  actor: Actor,
  passwords: { current: string; next: string },
  keepSessionSecret?: string,
): Promise<{ endedSessions: number }> {
  const [user] = await database.db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, actor.id));
  if (!user || !(await verifyPassword(passwords.current, user.passwordHash))) {
    throw new Invalid('validation.failed', {}, [{ path: 'currentPassword', code: 'auth.wrong_password' }]);
  }
  const passwordHash = await hashPassword(passwords.next);
  return database.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, updatedAt: new Date() }).where(eq(users.id, actor.id));
    const endedSessions = await endSessionsOfUser(tx, actor.id, { except: keepSessionSecret });
    await recordEvent(tx, { type: 'user.password_changed', aggregateType: 'user', aggregateId: actor.id, actorId: actor.id, payload: { endedSessions } });
    return { endedSessions };
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
