import { and, eq, ne, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { queryRows, type Database, type Db, type Tx } from '../../db/database.js';
import { recordEvent } from '../../jobs/events.js';
import type { Actor } from './actor.js';
import { userSignedOut } from './events.js';
import type { RoleName } from './permissions.js';
import { hashSecret, newSecret } from './secrets.js';
import { sessions } from './schema.js';
import { teamIdsOf } from './team-membership.js';

/**
 * Turning a session cookie or a bearer token into an actor: one indexed query each, user and
 * team ids included, because it runs on every request.
 */
type ActorRow = { id: string; email: string; name: string; role: RoleName; locale: string; team_ids: string[] | null; token_id?: string; last_used_at?: string | null };

const actorColumns = sql`u.id, u.email, u.name, u.role, u.locale, ${teamIdsOf(sql`u.id`)} as team_ids`;

function toActor(row: ActorRow): Actor {
  return { id: row.id, email: row.email, name: row.name, role: row.role, locale: row.locale, teamIds: row.team_ids ?? [] };
}

export const sessionCookieName = 'opencsm_session';

export async function createSession(database: Database, userId: string, days: number): Promise<{ secret: string; expiresAt: Date }> {
  const secret = newSecret('ocss');
  const expiresAt = new Date(Date.now() + days * 86_400_000);
  await database.transaction((tx) =>
    tx.insert(sessions).values({ id: uuidv7(), tokenHash: hashSecret(secret), userId, expiresAt }),
  );
  return { secret, expiresAt };
}

export async function actorFromSession(db: Db, secret: string): Promise<Actor | null> {
  const rows = await queryRows<ActorRow>(db, sql`
    select ${actorColumns} from sessions s join users u on u.id = s.user_id
    where s.token_hash = ${hashSecret(secret)} and s.expires_at > now() and u.active`);
  return rows[0] ? toActor(rows[0]) : null;
}

export async function deleteSession(database: Database, secret: string): Promise<void> {
  await database.transaction(async (tx) => {
    const [ended] = await tx.delete(sessions).where(eq(sessions.tokenHash, hashSecret(secret))).returning({ userId: sessions.userId });
    if (!ended) return;
    // Followers (an agent's 在线 status) learn that this person signed out, and whether elsewhere they are still signed in.
    const [left] = await tx.select({ count: sql<number>`count(*)::int` }).from(sessions).where(eq(sessions.userId, ended.userId));
    await recordEvent(tx, userSignedOut, { aggregateId: ended.userId, cause: 'agent', actorId: ended.userId, payload: { otherSessions: left?.count ?? 0 } });
  });
}

/**
 * End a user's sessions, all of them or all but the one whose secret is `except` (the request's
 * own session). Returns how many ended. API tokens are not sessions and are left alone.
 */
export async function endSessionsOfUser(tx: Tx, userId: string, options: { except?: string } = {}): Promise<number> {
  const ofUser = eq(sessions.userId, userId);
  const ended = await tx
    .delete(sessions)
    .where(options.except === undefined ? ofUser : and(ofUser, ne(sessions.tokenHash, hashSecret(options.except))))
    .returning({ id: sessions.id });
  return ended.length;
}

export async function actorFromApiToken(database: Database, secret: string): Promise<Actor | null> {
  const rows = await queryRows<ActorRow>(database.db, sql`
    select ${actorColumns}, t.id as token_id, t.last_used_at from api_tokens t join users u on u.id = t.user_id
    where t.token_hash = ${hashSecret(secret)} and t.revoked_at is null
      and (t.expires_at is null or t.expires_at > now()) and u.active`);
  const row = rows[0];
  if (!row) return null;
  // Record use at most once a minute per token, so a busy integration does not write on every call.
  const lastUsed = row.last_used_at ? new Date(row.last_used_at).getTime() : 0;
  if (Date.now() - lastUsed > 60_000) {
    await database.transaction((tx) => tx.execute(sql`update api_tokens set last_used_at = now() where id = ${row.token_id}`));
  }
  return toActor(row);
}
