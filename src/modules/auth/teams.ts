import { asc, eq, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { Conflict, Invalid, NotFound } from '../../app/errors.js';
import { isForeignKeyViolation, isUniqueViolation, type Database, type Db } from '../../db/database.js';
import { recordEvent } from '../../jobs/events.js';
import { teamCreated, teamDeleted, teamUpdated } from './events.js';
import type { Actor } from './actor.js';
import { teams } from './schema.js';
import { replaceMemberships } from './team-membership.js';

export type TeamView = { id: string; name: string; description: string; memberIds: string[]; createdAt: Date; updatedAt: Date };

const teamColumns = {
  id: teams.id,
  name: teams.name,
  description: teams.description,
  createdAt: teams.createdAt,
  updatedAt: teams.updatedAt,
  memberIds: sql<string[]>`(select coalesce(array_agg(m.user_id::text order by m.user_id), '{}') from team_members m where m.team_id = ${teams.id})`,
};

export type TeamInput = { name: string; description?: string; memberIds?: string[] };

export async function createTeam(database: Database, actor: Actor, input: TeamInput): Promise<TeamView> {
  const id = uuidv7();
  await writeTeam(database, async (tx) => {
    await tx.insert(teams).values({ id, name: input.name.trim(), description: input.description ?? '' });
    if (input.memberIds?.length) await replaceMemberships(tx, { teamId: id, userIds: input.memberIds });
    await recordEvent(tx, teamCreated, { aggregateId: id, cause: 'agent', actorId: actor.id, payload: { name: input.name } });
  });
  return getTeam(database.db, id);
}

export async function updateTeam(database: Database, actor: Actor, id: string, changes: Partial<TeamInput>): Promise<TeamView> {
  await writeTeam(database, async (tx) => {
    const updated = await tx
      .update(teams)
      .set({ ...(changes.name !== undefined && { name: changes.name.trim() }), ...(changes.description !== undefined && { description: changes.description }), updatedAt: new Date() })
      .where(eq(teams.id, id))
      .returning({ id: teams.id });
    if (updated.length === 0) throw new NotFound('team.not_found');
    if (changes.memberIds) await replaceMemberships(tx, { teamId: id, userIds: changes.memberIds });
    await recordEvent(tx, teamUpdated, { aggregateId: id, cause: 'agent', actorId: actor.id, payload: { changes } });
  });
  return getTeam(database.db, id);
}

/** Delete a team. Its tickets lose their team through the `team.deleted` event (tickets module). */
export async function deleteTeam(database: Database, actor: Actor, id: string): Promise<void> {
  await database.transaction(async (tx) => {
    const deleted = await tx.delete(teams).where(eq(teams.id, id)).returning({ name: teams.name });
    if (deleted.length === 0) throw new NotFound('team.not_found');
    await recordEvent(tx, teamDeleted, { aggregateId: id, cause: 'agent', actorId: actor.id, payload: { name: deleted[0]!.name } });
  });
}

export async function getTeam(db: Db, id: string): Promise<TeamView> {
  const [team] = await db.select(teamColumns).from(teams).where(eq(teams.id, id));
  if (!team) throw new NotFound('team.not_found');
  return team;
}

export async function listTeams(db: Db): Promise<TeamView[]> {
  return db.select(teamColumns).from(teams).orderBy(asc(teams.name));
}

async function writeTeam(database: Database, work: Parameters<Database['transaction']>[0]): Promise<void> {
  try {
    await database.transaction(work);
  } catch (error) {
    if (isUniqueViolation(error, 'teams_name_key')) throw new Conflict('validation.failed', {}, [{ path: 'name', code: 'team.name_taken' }]);
    if (isForeignKeyViolation(error)) throw new Invalid('validation.failed', {}, [{ path: 'memberIds', code: 'user.not_found' }]);
    throw error;
  }
}
