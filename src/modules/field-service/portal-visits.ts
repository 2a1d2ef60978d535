import { and, asc, eq, sql } from 'drizzle-orm';
import { Conflict, NotFound } from '../../app/errors.js';
import type { Database, Db } from '../../db/database.js';
import type { Label } from '../../forms/definition.js';
import { recordEvent } from '../../jobs/events.js';
import { getUserNames } from '../auth/index.js';
import { ticketVisitsChanged, workOrderUpdated } from './events.js';
import { serviceReports, serviceTypes, workOrders } from './schema.js';
import type { WorkOrderStatus } from './work-order-status.js';

/** A visit as its customer sees it in the portal: no phone numbers, no engineer ids, no notes. */
export type PortalVisit = {
  id: string;
  number: string;
  status: WorkOrderStatus;
  serviceType: Label;
  appointmentStart: Date | null;
  appointmentEnd: Date | null;
  engineerName: string | null;
  report: { attachmentId: string; filename: string } | null;
  rating: number | null;
  /** Completed and not rated yet: the portal asks for the rating. */
  canRate: boolean;
};

/** The visits of one ticket (whose requester the caller is: the route checked), oldest first. */
export async function listPortalVisits(db: Db, ticketId: string): Promise<PortalVisit[]> {
  const rows = await db
    .select({ order: workOrders, typeName: serviceTypes.name, reportAttachmentId: serviceReports.ticketAttachmentId, reportFilename: serviceReports.filename })
    .from(workOrders)
    .innerJoin(serviceTypes, eq(serviceTypes.id, workOrders.serviceTypeId))
    .leftJoin(serviceReports, eq(serviceReports.workOrderId, workOrders.id))
    .where(eq(workOrders.ticketId, ticketId))
    .orderBy(asc(workOrders.id))
    .limit(100);
  const names = await getUserNames(db, rows.flatMap((r) => (r.order.engineerId ? [r.order.engineerId] : [])));
  return rows.map(({ order, typeName, reportAttachmentId, reportFilename }) => {
    const rating = order.report?.rating ?? null;
    return {
      id: order.id,
      number: order.number,
      status: order.status,
      serviceType: typeName,
      appointmentStart: order.appointmentStart,
      appointmentEnd: order.appointmentEnd,
      // Only an engineer who is still to come or came: a rejected or cancelled order names nobody.
      engineerName: order.engineerId && order.status !== 'rejected' && order.status !== 'cancelled' ? (names.get(order.engineerId) ?? null) : null,
      report: reportAttachmentId && reportFilename ? { attachmentId: reportAttachmentId, filename: reportFilename } : null,
      rating,
      canRate: order.status === 'completed' && rating === null,
    };
  });
}

/**
 * The customer rates a completed visit they have not rated (on the phone, or now in the portal):
 * once; a second rating is a 409. Recorded as `work_order.updated` (`report.rating`) with cause `customer`.
 */
export async function rateVisitByRequester(database: Database, requesterId: string, workOrderId: string, rating: number, now: Date): Promise<number> {
  return database.transaction(async (tx) => {
    const [order] = await tx.select().from(workOrders).where(and(eq(workOrders.id, workOrderId), eq(workOrders.requesterId, requesterId))).for('update');
    if (!order) throw new NotFound('work_order.not_found');
    if (order.status !== 'completed' || !order.report) throw new Conflict('work_order.not_ratable', { status: order.status });
    if (order.report.rating !== null) throw new Conflict('work_order.already_rated', { rating: order.report.rating });
    await tx.update(workOrders).set({ report: { ...order.report, rating }, version: sql`${workOrders.version} + 1`, updatedAt: now }).where(eq(workOrders.id, order.id));
    await recordEvent(tx, workOrderUpdated, { aggregateId: order.id, cause: 'customer', payload: { ticketId: order.ticketId, changed: ['report.rating'] } });
    // An open ticket page refreshes its 派工单 panel, which shows the rating.
    await recordEvent(tx, ticketVisitsChanged, { aggregateId: order.ticketId, cause: 'customer', payload: { workOrderId: order.id, number: order.number } });
    return rating;
  });
}
