import { inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { Forbidden, NotFound, PreconditionFailed } from '../../app/errors.js';
import type { Database, Db, Tx } from '../../db/database.js';
import { recordEvent } from '../../jobs/events.js';
import { can, listUsers, type Actor } from '../auth/index.js';
import { engineerProfileChanged } from './events.js';
import { engineerProfiles, type SiteAddress } from './schema.js';
import { checkSite, siteInputSchema } from './site-address.js';

/** An engineer as the board and the suggestions see them: the user and their profile (defaults until edited). */
export type Engineer = { id: string; name: string; teamIds: string[]; skills: string[]; zones: string[]; home: SiteAddress | null; dailyCapacity: number; lastLat: number | null; lastLng: number | null; lastSeenAt: Date | null; version: number };

const defaultCapacity = 4;

export const engineerProfileBody = z.strictObject({
  skills: z.array(z.string().trim().min(1).max(60)).max(50).optional(),
  zones: z.array(z.string().regex(/^\d{2,6}$/, 'field_service.zone_format')).max(100).optional(),
  home: siteInputSchema.nullable().optional(),
  dailyCapacity: z.number().int().min(1).max(50).optional(),
});
export type EngineerProfileInput = z.infer<typeof engineerProfileBody>;

/**
 * The active field engineers the actor dispatches for: members of the actor's teams (admins: every
 * one), optionally of one team, by name. A supervisor asking for a team not theirs gets 403.
 */
export async function listDispatchableEngineers(db: Db, actor: Actor, teamId?: string): Promise<Engineer[]> {
  if (!can(actor, 'field_service.dispatch') && !can(actor, 'field_service.manage')) throw new Forbidden('field_service.dispatcher_only');
  const all = can(actor, 'field_service.manage');
  if (teamId && !all && !actor.teamIds.includes(teamId)) throw new Forbidden('field_service.team_not_yours');
  const users = await listUsers(db, { role: 'field_engineer', active: true, ...(teamId && { teamId }) });
  const mine = all ? users : users.filter((user) => user.teamIds.some((id) => actor.teamIds.includes(id)));
  return withProfiles(db, mine);
}

async function withProfiles(db: Db, users: ReadonlyArray<{ id: string; name: string; teamIds: string[] }>): Promise<Engineer[]> {
  const rows = users.length ? await db.select().from(engineerProfiles).where(inArray(engineerProfiles.userId, users.map((u) => u.id))) : [];
  const byUser = new Map(rows.map((row) => [row.userId, row]));
  return users.map((user) => {
    const row = byUser.get(user.id);
    return {
      id: user.id, name: user.name, teamIds: user.teamIds,
      skills: row?.skills ?? [], zones: row?.zones ?? [], home: row?.home ?? null, dailyCapacity: row?.dailyCapacity ?? defaultCapacity,
      lastLat: row?.lastLat ?? null, lastLng: row?.lastLng ?? null, lastSeenAt: row?.lastSeenAt ?? null, version: row?.version ?? 0,
    };
  });
}

/** Edits an engineer's profile (a dispatcher of one of their teams, or an admin); If-Match: the profile's version (0 before the first edit). */
export async function updateEngineerProfile(database: Database, actor: Actor, engineerId: string, expectedVersion: number, input: EngineerProfileInput, now: Date): Promise<Engineer> {
  const engineer = (await listDispatchableEngineers(database.db, actor)).find((e) => e.id === engineerId);
  if (!engineer) throw new NotFound('field_service.engineer_not_found');
  if (engineer.version !== expectedVersion) throw new PreconditionFailed('field_service.profile_version_mismatch', { current: engineer.version });
  const values = {
    ...(input.skills && { skills: [...new Set(input.skills)] }),
    ...(input.zones && { zones: [...new Set(input.zones)] }),
    ...(input.home !== undefined && { home: input.home && checkSite(input.home, 'home') }),
    ...(input.dailyCapacity !== undefined && { dailyCapacity: input.dailyCapacity }),
  };
  await database.transaction(async (tx) => {
    const written = await tx.insert(engineerProfiles).values({ userId: engineerId, ...values, updatedAt: now })
      .onConflictDoUpdate({ target: engineerProfiles.userId, set: { ...values, version: sql`${engineerProfiles.version} + 1`, updatedAt: now }, setWhere: sql`${engineerProfiles.version} = ${expectedVersion}` })
      .returning({ version: engineerProfiles.version });
    if (written.length === 0) throw new PreconditionFailed('field_service.profile_version_mismatch', {});
    await recordEvent(tx, engineerProfileChanged, { aggregateId: engineerId, cause: 'agent', actorId: actor.id, payload: { changed: Object.keys(values) } });
  });
  return (await withProfiles(database.db, [engineer]))[0]!;
}

/** A located step moved the engineer: the suggestions measure from here next (in the step's transaction). */
export async function noteEngineerPosition(tx: Tx, engineerId: string, point: { lat: number; lng: number }, at: Date): Promise<void> {
  // Version 0: a position is not an edit, so the dispatcher's first edit still names 0 (and a move never makes their edit a 412).
  await tx.insert(engineerProfiles).values({ userId: engineerId, lastLat: point.lat, lastLng: point.lng, lastSeenAt: at, version: 0 })
    .onConflictDoUpdate({ target: engineerProfiles.userId, set: { lastLat: point.lat, lastLng: point.lng, lastSeenAt: at }, setWhere: sql`${engineerProfiles.lastSeenAt} is null or ${engineerProfiles.lastSeenAt} <= ${at.toISOString()}::timestamptz` });
}
