import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { can, type Actor } from '../auth/index.js';
import { ticketSightGrants, tickets } from './schema.js';

/**
 * Who may see which ticket, as one SQL condition. Lists, search, single reads and bulk checks all
 * use this function, so they can never disagree (the Frappe Helpdesk #3686 class of bug).
 *  - admins and supervisors (tickets.read_all): every ticket;
 *  - agents: tickets of their teams, assigned to them, or created by them;
 *  - field engineers: tickets assigned to them;
 *  - and, for agents and engineers, tickets another module gave them sight of (ticket-sight.ts:
 *    the tickets of their work orders), without tickets knowing that module.
 */
export function visibleTo(actor: Actor): SQL {
  if (seesEveryTicket(actor)) return sql`true`;
  const granted = sql`exists (select 1 from ${ticketSightGrants} where ${ticketSightGrants.ticketId} = ${tickets.id} and ${ticketSightGrants.userId} = ${actor.id})`;
  const mine = sql`(${tickets.assigneeId} = ${actor.id} or ${granted})`;
  if (actor.role === 'field_engineer') return mine;
  const teamIds = actor.teamIds.length ? sql`${tickets.teamId} in (${sql.join(actor.teamIds.map((id) => sql`${id}::uuid`), sql`, `)})` : sql`false`;
  return sql`(${teamIds} or ${mine} or ${tickets.createdBy} = ${actor.id})`;
}

/** Whether `visibleTo(actor)` lets every ticket through (a search then counts without reading tickets). */
export function seesEveryTicket(actor: Actor): boolean {
  return can(actor, 'tickets.read_all');
}

/** Of these ticket ids, the ones `actor` may see: one query however many ids. */
export async function filterVisibleTicketIds(db: Db, actor: Actor, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: tickets.id })
    .from(tickets)
    .where(sql`${tickets.id} in (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)}) and ${visibleTo(actor)}`);
  return new Set(rows.map((r) => r.id));
}
