import { sql, type SQL } from 'drizzle-orm';
import { can, type Actor } from '../auth/index.js';
import { workOrders } from './schema.js';

/**
 * Who sees which work order, as one SQL condition that lists and single reads share:
 *  - admins (field_service.manage): every one;
 *  - field engineers: those dispatched to them, nothing else;
 *  - dispatchers (supervisors) and agents: those of their teams, those they created, and any
 *    dispatched to them.
 * The tickets those orders concern become visible to their engineer through the tickets module's
 * sight grants (grantTicketSight), given when the order is dispatched.
 */
export function workOrdersVisibleTo(actor: Actor): SQL {
  if (can(actor, 'field_service.manage')) return sql`true`;
  const mine = sql`${workOrders.engineerId} = ${actor.id}`;
  if (actor.role === 'field_engineer') return mine;
  const teams = actor.teamIds.length ? sql`${workOrders.teamId} in (${sql.join(actor.teamIds.map((id) => sql`${id}::uuid`), sql`, `)})` : sql`false`;
  return sql`(${teams} or ${mine} or ${workOrders.createdBy} = ${actor.id})`;
}

/** Whether the actor dispatches this order: admins any, supervisors those of their teams (or with none yet). */
export function dispatches(actor: Actor, order: { teamId: string | null }): boolean {
  if (can(actor, 'field_service.manage')) return true;
  if (!can(actor, 'field_service.dispatch')) return false;
  return order.teamId === null || actor.teamIds.includes(order.teamId);
}
