import { and, eq, inArray, or, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import type { RoleName } from './permissions.js';
import { teamMembers, users } from './schema.js';

/** An active user someone may notify: how to reach them and in which language. */
export type StaffRecipient = { id: string; email: string; name: string; locale: string; role: RoleName };

/**
 * The active users named by ids, by teams (every member), by roles, and the supervisors of teams
 * (a member who leads the team or has the supervisor role), in one query, each once.
 */
export async function findStaffRecipients(db: Db, by: { userIds?: readonly string[]; teamIds?: readonly string[]; roles?: readonly RoleName[]; supervisorsOfTeams?: readonly string[] }): Promise<StaffRecipient[]> {
  const wanted: SQL[] = [];
  if (by.userIds?.length) wanted.push(inArray(users.id, [...by.userIds]));
  if (by.roles?.length) wanted.push(inArray(users.role, [...by.roles]));
  if (by.teamIds?.length) wanted.push(inArray(users.id, db.select({ id: teamMembers.userId }).from(teamMembers).where(inArray(teamMembers.teamId, [...by.teamIds]))));
  if (by.supervisorsOfTeams?.length) {
    const members = db.select({ id: teamMembers.userId }).from(teamMembers).innerJoin(users, eq(users.id, teamMembers.userId)).where(and(inArray(teamMembers.teamId, [...by.supervisorsOfTeams]), or(eq(teamMembers.isLead, true), eq(users.role, 'supervisor'))));
    wanted.push(inArray(users.id, members));
  }
  if (wanted.length === 0) return [];
  return db.select({ id: users.id, email: users.email, name: users.name, locale: users.locale, role: users.role }).from(users).where(and(eq(users.active, true), or(...wanted)));
}

/** The teams each of these users is a member of (for "a new ticket in my team"), in one query. */
export async function teamMembersOf(db: Db, teamIds: readonly string[]): Promise<Array<{ teamId: string; userId: string; isLead: boolean; role: RoleName }>> {
  if (teamIds.length === 0) return [];
  return db
    .select({ teamId: teamMembers.teamId, userId: teamMembers.userId, isLead: teamMembers.isLead, role: users.role })
    .from(teamMembers)
    .innerJoin(users, eq(users.id, teamMembers.userId))
    .where(and(inArray(teamMembers.teamId, [...teamIds]), eq(users.active, true)));
}
