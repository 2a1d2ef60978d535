import { and, eq, or, sql, type SQL } from 'drizzle-orm';
import { can, type Actor } from '../auth/index.js';
import { macros } from './schema.js';

export type MacroRow = typeof macros.$inferSelect;

/**
 * The macros an actor may use: their own personal ones, and shared ones for every agent or for
 * one of their teams. Someone else's personal macro, or a shared one for other teams, is as
 * missing (404) — supervisors and admins included.
 */
export function usableBy(actor: Actor): SQL {
  const teams = sql`${macros.teamIds} && ${`{${actor.teamIds.join(',')}}`}::uuid[]`;
  return or(and(eq(macros.scope, 'personal'), eq(macros.ownerId, actor.id)), and(eq(macros.scope, 'shared'), or(sql`cardinality(${macros.teamIds}) = 0`, teams)))!;
}

/** What a manager of shared macros (`macros.manage`) sees to administer: every shared one too. */
export function visibleTo(actor: Actor): SQL {
  if (!can(actor, 'macros.manage')) return usableBy(actor);
  return or(and(eq(macros.scope, 'personal'), eq(macros.ownerId, actor.id)), eq(macros.scope, 'shared'))!;
}

/** A personal macro is its owner's to change; a shared one needs `macros.manage`. */
export function mayChange(actor: Actor, macro: Pick<MacroRow, 'scope' | 'ownerId'>): boolean {
  return macro.scope === 'personal' ? macro.ownerId === actor.id : can(actor, 'macros.manage');
}
