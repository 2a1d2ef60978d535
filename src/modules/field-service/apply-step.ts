import { and, eq, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { Conflict, Forbidden, Invalid, NotFound, PreconditionFailed, invalidField } from '../../app/errors.js';
import { isUniqueViolation, type Database, type Tx } from '../../db/database.js';
import { checkSubmission } from '../../forms/check-submission.js';
import { recordEvent } from '../../jobs/events.js';
import { getUserNames, loadActor, type Actor } from '../auth/index.js';
import { grantTicketSight } from '../tickets/index.js';
import { distanceMeters, wgs84ToGcj02 } from './coordinates.js';
import { slotConflicts } from './dispatch-suggestions.js';
import { noteEngineerPosition } from './engineer-profiles.js';
import type { WriteOptions } from './create-work-order.js';
import { workOrderStepped } from './events.js';
import { noteOnTicket } from './note-on-ticket.js';
import { serviceTypes, workOrderAttachments, workOrders, workOrderSteps, type ServiceReport } from './schema.js';
import { serviceFormsAt } from './service-types.js';
import { stepRequestHash, type StepInput } from './step-input.js';
import { nextStatus, workOrderSteps as stepRules } from './work-order-status.js';
import type { StepRow, WorkOrderRow } from './work-order-view.js';
import { dispatches, workOrdersVisibleTo } from './work-order-visibility.js';

export type StepResult = { outcome: 'applied' | 'duplicate'; step: StepRow; order: WorkOrderRow };

/**
 * Applies one operation to a work order; the server decides the status from the lifecycle table.
 * - The same `opId` again answers the first step and writes nothing; with another body, 409.
 * - A step the table does not allow now is a 409 naming the current status and who holds the
 *   order; an engineer the order was taken from gets `work_order.reassigned` (their offline app
 *   tells them), never a silent 404.
 * - `expectedVersion` (If-Match) makes two clients' concurrent changes one winner and one 412;
 *   the order's row lock alone already makes the second see the first's status.
 */
export type StepOptions = WriteOptions & { expectedVersion?: number; /** 'system' for 自动派工 (its system actor acts). */ cause?: 'agent' | 'system' };

export async function applyWorkOrderStep(database: Database, actor: Actor, workOrderId: string, input: StepInput, options: StepOptions): Promise<StepResult> {
  const hash = stepRequestHash(workOrderId, input);
  try {
    return await database.transaction((tx) => applyIn(tx, actor, workOrderId, input, hash, options));
  } catch (error) {
    // The same opId raced in on another order's lock: answer as its replay would.
    if (isUniqueViolation(error, 'work_order_steps_op')) return database.transaction((tx) => applyIn(tx, actor, workOrderId, input, hash, options));
    throw error;
  }
}

async function applyIn(tx: Tx, actor: Actor, workOrderId: string, input: StepInput, hash: string, options: StepOptions): Promise<StepResult> {
  const [order] = await tx.select().from(workOrders).where(eq(workOrders.id, workOrderId)).for('update');
  if (!order) throw new NotFound('work_order.not_found');
  const [replayed] = await tx.select().from(workOrderSteps).where(eq(workOrderSteps.opId, input.opId));
  if (replayed) {
    if (replayed.workOrderId !== order.id || replayed.requestHash !== hash) throw new Conflict('work_order.op_id_reused', { opId: input.opId });
    return { outcome: 'duplicate', step: replayed, order };
  }
  const [visible] = await tx.select({ id: workOrders.id }).from(workOrders).where(and(eq(workOrders.id, order.id), workOrdersVisibleTo(actor)));
  if (!visible) {
    if (order.formerEngineerIds.includes(actor.id)) throw await refusal(tx, 'work_order.reassigned', order, input);
    throw new NotFound('work_order.not_found');
  }
  const rule = stepRules[input.type];
  const isEngineer = order.engineerId === actor.id;
  const isDispatcher = dispatches(actor, order);
  const mayAct = rule.by === 'engineer' ? isEngineer : rule.by === 'dispatcher' ? isDispatcher : isEngineer || isDispatcher;
  if (!mayAct) throw new Forbidden(rule.by === 'engineer' ? 'work_order.engineer_only' : 'work_order.dispatcher_only', { step: input.type });
  const to = nextStatus(order.status, input.type);
  if (!to) throw await refusal(tx, 'work_order.step_not_allowed', order, input);
  if (options.expectedVersion !== undefined && options.expectedVersion !== order.version) throw new PreconditionFailed('work_order.version_mismatch', { current: order.version });

  const changes: Partial<WorkOrderRow> = { status: to };
  const detail: Record<string, unknown> = {};
  if (input.type === 'dispatch') {
    Object.assign(changes, await dispatchTo(tx, order, input));
    if (changes.appointmentStart) Object.assign(detail, { appointmentStart: changes.appointmentStart.toISOString(), appointmentEnd: changes.appointmentEnd!.toISOString() });
  }
  if (input.type === 'reject' && !input.reason) throw invalidField('reason', 'work_order.reason_required');
  if (input.reason) {
    changes.reason = input.reason;
    detail.reason = input.reason;
  }
  if (input.type === 'report') changes.report = await checkReport(tx, actor, order, input, options);
  const place = await locate(tx, order, input, rule.located);
  // The suggestions measure from where the engineer last checked in (depart, arrive, finish).
  if (place.lat !== null && place.lng !== null && order.engineerId === actor.id) await noteEngineerPosition(tx, actor.id, { lat: place.lat, lng: place.lng }, input.at);

  const [updated] = await tx.update(workOrders).set({ ...changes, version: sql`${workOrders.version} + 1`, updatedAt: options.now }).where(eq(workOrders.id, order.id)).returning();
  const [step] = await tx.insert(workOrderSteps).values({
    id: uuidv7(), opId: input.opId, workOrderId: order.id, type: input.type, fromStatus: order.status, toStatus: to, actorId: actor.id, clientAt: input.at,
    ...place, detail: { ...detail, ...(input.type === 'dispatch' && { engineerId: updated!.engineerId }) }, requestHash: hash, createdAt: options.now,
  }).returning();
  await recordEvent(tx, workOrderStepped, {
    aggregateId: order.id, cause: options.cause ?? 'agent', actorId: actor.id,
    payload: { ticketId: order.ticketId, opId: input.opId, step: input.type, from: order.status, to, engineerId: updated!.engineerId, at: input.at.toISOString(), distanceMeters: place.distanceMeters, beyondRadius: place.beyondRadius },
  });
  await noteOnTicket(tx, actor, order, options.now, options.cause ?? 'agent', { step: input.type, from: order.status, to, at: input.at.toISOString(), engineerId: updated!.engineerId, distanceMeters: place.distanceMeters, beyondRadius: place.beyondRadius, ...detail });
  return { outcome: 'applied', step: step!, order: updated! };
}

/** A 409 that tells the client where the order stands: its status and who holds it now. */
async function refusal(tx: Tx, code: string, order: WorkOrderRow, input: StepInput): Promise<Conflict> {
  const holder = order.engineerId ? (await getUserNames(tx, [order.engineerId])).get(order.engineerId) ?? '' : '';
  const params = { step: input.type, status: order.status, engineerId: order.engineerId ?? '', engineerName: holder, version: order.version };
  return new Conflict(code, params, [{ path: 'type', code, params }]);
}

async function dispatchTo(tx: Tx, order: WorkOrderRow, input: StepInput): Promise<Partial<WorkOrderRow>> {
  if (!input.engineerId) throw invalidField('engineerId', 'work_order.engineer_required');
  const engineer = await loadActor(tx, input.engineerId);
  if (!engineer || engineer.role !== 'field_engineer') throw invalidField('engineerId', 'work_order.not_an_engineer');
  await grantTicketSight(tx, { ticketId: order.ticketId, userId: engineer.id, source: `work_order:${order.id}` });
  const former = order.engineerId && order.engineerId !== engineer.id ? [...new Set([...order.formerEngineerIds, order.engineerId])] : order.formerEngineerIds;
  return { engineerId: engineer.id, formerEngineerIds: former.filter((id) => id !== engineer.id), ...await bookSlot(tx, order, engineer.id, input) };
}

/**
 * A dispatch with a time slot (the board's drop) books it as the appointment window; a slot that
 * clashes with the engineer's other visits, shift or leave is a 409 listing each clash, unless forced.
 */
async function bookSlot(tx: Tx, order: WorkOrderRow, engineerId: string, input: StepInput): Promise<Partial<WorkOrderRow>> {
  if (!input.appointmentStart) {
    if (input.appointmentEnd) throw invalidField('appointmentStart', 'validation.required');
    return {};
  }
  const start = input.appointmentStart;
  const end = input.appointmentEnd ?? new Date(start.getTime() + order.estimatedMinutes * 60_000);
  if (end <= start) throw invalidField('appointmentEnd', 'field_service.appointment_ends_before_start');
  if (!input.force) {
    const clashes = await slotConflicts(tx, order.id, engineerId, { start, end });
    if (clashes.length) throw new Conflict('work_order.slot_conflict', { count: clashes.length }, clashes.map((clash) => ({ path: 'appointmentStart', code: `work_order.slot_${clash.code}`, params: 'params' in clash ? clash.params : {} })));
  }
  return { appointmentStart: start, appointmentEnd: end };
}

/** The step's place in GCJ-02 and, when the site has a point, the straight-line distance to it. */
async function locate(tx: Tx, order: WorkOrderRow, input: StepInput, required: boolean) {
  const none = { lat: null, lng: null, distanceMeters: null, beyondRadius: null };
  if (input.lat === undefined || input.lng === undefined) {
    if (required) throw invalidField(input.lat === undefined ? 'lat' : 'lng', 'work_order.location_required', { step: input.type });
    return none;
  }
  const point = wgs84ToGcj02({ lat: input.lat, lng: input.lng });
  if (order.site?.lat == null || order.site.lng == null) return { ...none, lat: point.lat, lng: point.lng };
  const distance = Math.round(distanceMeters(point, { lat: order.site.lat, lng: order.site.lng }));
  const [type] = await tx.select({ radius: serviceTypes.checkInRadiusMeters }).from(serviceTypes).where(eq(serviceTypes.id, order.serviceTypeId));
  return { lat: point.lat, lng: point.lng, distanceMeters: distance, beyondRadius: distance > (type?.radius ?? 500) };
}

/** The report's custom values judged by the service type's report form; photos and signature must be this order's. */
async function checkReport(tx: Tx, actor: Actor, order: WorkOrderRow, input: StepInput, options: WriteOptions): Promise<ServiceReport> {
  if (!input.report) throw invalidField('report', 'validation.required');
  const report = input.report;
  const forms = await serviceFormsAt(tx, order.serviceTypeId, order.serviceTypeVersion, options.fieldTypes, options.timeZone);
  const judged = checkSubmission(forms.reportForm, { input: report.fields, previous: order.report?.fields, audience: { kind: 'staff', role: actor.role }, now: options.now });
  if (!judged.ok) throw new Invalid('validation.failed', {}, judged.issues.map((issue) => ({ ...issue, path: `report.${issue.path}` })));
  const attachments = await tx.select({ id: workOrderAttachments.id, kind: workOrderAttachments.kind }).from(workOrderAttachments).where(eq(workOrderAttachments.workOrderId, order.id));
  const kinds = new Map(attachments.map((a) => [a.id, a.kind]));
  report.photoIds.forEach((id, i) => {
    if (kinds.get(id) !== 'photo') throw invalidField(`report.photoIds.${i}`, 'work_order.attachment_not_found');
  });
  if (report.signatureId && kinds.get(report.signatureId) !== 'signature') throw invalidField('report.signatureId', 'work_order.attachment_not_found');
  return { ...report, fields: { ...order.report?.fields, ...judged.values } };
}
