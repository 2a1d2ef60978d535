import { eq } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { roleHas, type Permission, type RoleName } from './permissions.js';
import { users } from './schema.js';
import { teamIdsOf } from './team-membership.js';

/** Who is making a request, with what they may do. Passed to every service call. */
export type Actor = {
  id: string;
  email: string;
  name: string;
  role: RoleName;
  locale: string;
  teamIds: string[];
};

export function can(actor: Actor, permission: Permission): boolean {
  return roleHas(actor.role, permission);
}

/** Load an active user as an actor, or null when missing or deactivated. */
export async function loadActor(db: Db, userId: string): Promise<Actor | null> {
  const [user] = await db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, locale: users.locale, active: users.active, teamIds: teamIdsOf(users.id) })
    .from(users)
    .where(eq(users.id, userId));
  if (!user || !user.active) return null;
  const { active: _active, ...actor } = user;
  return actor;
}
