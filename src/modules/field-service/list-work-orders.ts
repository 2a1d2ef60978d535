import { and, desc, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import type { Actor } from '../auth/index.js';
import { getVisibleTicket } from '../tickets/index.js';
import { workOrders } from './schema.js';
import type { WorkOrderStatus } from './work-order-status.js';
import type { WorkOrderRow } from './work-order-view.js';
import { workOrdersVisibleTo } from './work-order-visibility.js';

export type WorkOrderFilters = {
  /** Only those dispatched to the caller (the engineer's app). */
  mine?: boolean;
  status?: WorkOrderStatus[];
  engineerId?: string;
  ticketId?: string;
  /** Appointment start within [from, to). */
  from?: Date;
  to?: Date;
};

/**
 * Work orders the actor may see, newest first (ids are UUIDv7), keyset-paged by id: `after` is
 * the last id of the previous page. The ticket filter checks the ticket is the caller's to see
 * first (a 404 otherwise, like the ticket itself).
 */
export async function listWorkOrders(db: Db, actor: Actor, filters: WorkOrderFilters, page: { after?: string; limit: number }): Promise<{ rows: WorkOrderRow[]; nextCursor: string | null }> {
  const conditions: SQL[] = [workOrdersVisibleTo(actor)];
  if (filters.ticketId) conditions.push(eq(workOrders.ticketId, (await getVisibleTicket(db, actor, filters.ticketId)).id));
  if (filters.mine) conditions.push(eq(workOrders.engineerId, actor.id));
  if (filters.engineerId) conditions.push(eq(workOrders.engineerId, filters.engineerId));
  if (filters.status?.length) conditions.push(inArray(workOrders.status, filters.status));
  if (filters.from) conditions.push(gte(workOrders.appointmentStart, filters.from));
  if (filters.to) conditions.push(lt(workOrders.appointmentStart, filters.to));
  if (page.after) conditions.push(sql`${workOrders.id} < ${page.after}::uuid`);
  const rows = await db.select().from(workOrders).where(and(...conditions)).orderBy(desc(workOrders.id)).limit(page.limit + 1);
  const more = rows.length > page.limit;
  const pageRows = rows.slice(0, page.limit);
  return { rows: pageRows, nextCursor: more ? pageRows.at(-1)!.id : null };
}

/** One order the actor may see (404 otherwise, as a missing one), by id or number. */
export async function getVisibleWorkOrder(db: Db, actor: Actor, idOrNumber: string): Promise<WorkOrderRow | undefined> {
  const match = /^[0-9a-f-]{36}$/i.test(idOrNumber) ? eq(workOrders.id, idOrNumber) : eq(workOrders.number, idOrNumber);
  const [row] = await db.select().from(workOrders).where(and(match, workOrdersVisibleTo(actor)));
  return row;
}
