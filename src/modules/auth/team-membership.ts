import { and, eq, notInArray, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../db/database.js';
import { teamMembers, users } from './schema.js';

/**
 * The ids of a user's teams as a sorted text array (`{}` when none): a correlated subquery for a
 * select list. `userId` is the outer query's user id, a column (`users.id`) or SQL (`sql\`u.id\``).
 */
export function teamIdsOf(userId: AnyColumn | SQL): SQL<string[]> {
  return sql<string[]>`(select coalesce(array_agg(tm.team_id::text order by tm.team_id), '{}') from ${teamMembers} tm where tm.user_id = ${userId})`;
}

/** One side of the user–team relation, and the complete new list of the other side. */
export type Memberships = { userId: string; teamIds: readonly string[] } | { teamId: string; userIds: readonly string[] };

/**
 * Make a user's teams (or a team's members) exactly the given list, inside the caller's
 * transaction. An id listed twice, in any letter case, is one membership; memberships that stay
 * keep their row. An unknown id fails with the foreign-key violation, for the caller to map.
 */
export async function replaceMemberships(tx: Tx, memberships: Memberships): Promise<void> {
  const rows =
    'userId' in memberships
      ? lowerCaseUnique(memberships.teamIds).map((teamId) => ({ teamId, userId: memberships.userId }))
      : lowerCaseUnique(memberships.userIds).map((userId) => ({ teamId: memberships.teamId, userId }));
  const stale =
    'userId' in memberships
      ? and(eq(teamMembers.userId, memberships.userId), notInArray(teamMembers.teamId, rows.map((r) => r.teamId)))
      : and(eq(teamMembers.teamId, memberships.teamId), notInArray(teamMembers.userId, rows.map((r) => r.userId)));
  await tx.delete(teamMembers).where(stale);
  if (rows.length) await tx.insert(teamMembers).values(rows).onConflictDoNothing();
}

/** UUIDs compare case-insensitively in the database, so de-duplicate them the same way. */
function lowerCaseUnique(ids: readonly string[]): string[] {
  return [...new Set(ids.map((id) => id.toLowerCase()))];
}

/** The lead of a team (`team_members.is_lead`), the active one first by id; null when it has none. */
export async function findTeamLead(db: Db, teamId: string): Promise<string | null> {
  const rows = await db
    .select({ userId: teamMembers.userId })
    .from(teamMembers)
    .innerJoin(users, eq(users.id, teamMembers.userId))
    .where(and(eq(teamMembers.teamId, teamId), eq(teamMembers.isLead, true), eq(users.active, true)))
    .orderBy(teamMembers.userId)
    .limit(1);
  return rows[0]?.userId ?? null;
}
