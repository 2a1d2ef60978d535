import { eq, sql } from 'drizzle-orm';
import { Conflict, Forbidden, Invalid, NotFound, PreconditionFailed } from '../../app/errors.js';
import type { Database } from '../../db/database.js';
import { checkSubmission } from '../../forms/check-submission.js';
import { recordEvent } from '../../jobs/events.js';
import { can, type Actor } from '../auth/index.js';
import { checkAppointment, checkDevices, type NewWorkOrder, type WriteOptions } from './create-work-order.js';
import { workOrderUpdated } from './events.js';
import { noteOnTicket } from './note-on-ticket.js';
import { workOrders } from './schema.js';
import { serviceFormsAt } from './service-types.js';
import { checkSite } from './site-address.js';
import { getVisibleWorkOrder } from './list-work-orders.js';
import { terminalStatuses } from './work-order-status.js';
import type { WorkOrderRow } from './work-order-view.js';
import { dispatches } from './work-order-visibility.js';

export type WorkOrderChanges = Partial<Pick<NewWorkOrder, 'priority' | 'teamId' | 'site' | 'appointment' | 'deviceIds' | 'requiredSkills' | 'estimatedMinutes' | 'fields'>>;

/**
 * Edits an order's facts (not its status: that moves by steps). Dispatchers of its team edit it
 * until it ends; agents who see it (their team's, their own) while it waits for dispatch. If-Match is required.
 */
export async function updateWorkOrder(database: Database, actor: Actor, id: string, expectedVersion: number, changes: WorkOrderChanges, options: WriteOptions): Promise<WorkOrderRow> {
  const order = await getVisibleWorkOrder(database.db, actor, id);
  if (!order) throw new NotFound('work_order.not_found');
  const mayEdit = dispatches(actor, order) || (can(actor, 'field_service.create') && order.status === 'pending_dispatch');
  if (!mayEdit) throw new Forbidden('work_order.not_editable');
  if (terminalStatuses.includes(order.status)) throw new Conflict('work_order.closed', { status: order.status });
  const values: Partial<WorkOrderRow> = {};
  if (changes.priority !== undefined) values.priority = changes.priority;
  if (changes.teamId !== undefined) values.teamId = changes.teamId;
  if (changes.site !== undefined) values.site = changes.site ? checkSite(changes.site) : null;
  if (changes.appointment !== undefined) {
    checkAppointment(changes.appointment);
    Object.assign(values, { appointmentStart: changes.appointment?.start ?? null, appointmentEnd: changes.appointment?.end ?? null, appointmentAgreed: changes.appointment?.agreed ?? false });
  }
  if (changes.deviceIds !== undefined) values.deviceIds = await checkDevices(database.db, order.requesterId, changes.deviceIds);
  if (changes.requiredSkills !== undefined) values.requiredSkills = changes.requiredSkills;
  if (changes.estimatedMinutes !== undefined) values.estimatedMinutes = changes.estimatedMinutes;
  if (changes.fields !== undefined) {
    const forms = await serviceFormsAt(database.db, order.serviceTypeId, order.serviceTypeVersion, options.fieldTypes, options.timeZone);
    const judged = checkSubmission(forms.form, { input: changes.fields, previous: order.fields, audience: { kind: 'staff', role: actor.role }, now: options.now });
    if (!judged.ok) throw new Invalid('validation.failed', {}, judged.issues);
    values.fields = { ...order.fields, ...judged.values };
  }
  return database.transaction(async (tx) => {
    const [locked] = await tx.select({ version: workOrders.version }).from(workOrders).where(eq(workOrders.id, order.id)).for('update');
    if (!locked || locked.version !== expectedVersion) throw new PreconditionFailed('work_order.version_mismatch', { current: locked?.version ?? 0 });
    const [row] = await tx.update(workOrders).set({ ...values, version: sql`${workOrders.version} + 1`, updatedAt: options.now }).where(eq(workOrders.id, order.id)).returning();
    const changed = Object.keys(changes);
    await recordEvent(tx, workOrderUpdated, { aggregateId: order.id, cause: 'agent', actorId: actor.id, payload: { ticketId: order.ticketId, changed } });
    await noteOnTicket(tx, actor, order, options.now, 'agent', { step: 'updated', changed });
    return row!;
  });
}
