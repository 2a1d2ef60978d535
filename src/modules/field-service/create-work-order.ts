import { asc, eq } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { Invalid, invalidField } from '../../app/errors.js';
import type { FieldTypes } from '../../app/field-types.js';
import type { Database, Db, Tx } from '../../db/database.js';
import { checkSubmission } from '../../forms/check-submission.js';
import { recordEvent } from '../../jobs/events.js';
import type { Actor } from '../auth/index.js';
import { getContactsByIds, listRecords } from '../customers/index.js';
import { getVisibleTicket } from '../tickets/index.js';
import { workOrderCreated } from './events.js';
import { noteOnTicket } from './note-on-ticket.js';
import { serviceTypes, workOrders } from './schema.js';
import { serviceFormsAt } from './service-types.js';
import { checkSite, type SiteInput } from './site-address.js';
import { nextWorkOrderNumber } from './work-order-number.js';
import type { WorkOrderRow } from './work-order-view.js';

export type NewWorkOrder = {
  ticketId: string;
  /** A service type's key; default: the first active type (维修 … as the admin ordered them). */
  serviceType?: string;
  priority?: string;
  teamId?: string | null;
  site?: SiteInput | null;
  appointment?: { start: Date; end: Date; agreed?: boolean } | null;
  deviceIds?: string[];
  requiredSkills?: string[];
  estimatedMinutes?: number;
  fields?: Record<string, unknown>;
};

export type WriteOptions = { fieldTypes: FieldTypes; timeZone: string; now: Date };

/**
 * Creates a 待派工 work order for a ticket the actor can see; what is not given comes from the
 * ticket (priority, team, requester) and the service type (duration, skills). One click on the
 * ticket page sends only the ticket.
 */
export async function createWorkOrder(database: Database, actor: Actor, input: NewWorkOrder, options: WriteOptions): Promise<WorkOrderRow> {
  const ticket = await getVisibleTicket(database.db, actor, input.ticketId);
  const type = await findServiceType(database.db, input.serviceType);
  const forms = await serviceFormsAt(database.db, type.id, type.currentVersion, options.fieldTypes, options.timeZone);
  const judged = checkSubmission(forms.form, { input: input.fields ?? {}, audience: { kind: 'staff', role: actor.role }, now: options.now });
  if (!judged.ok) throw new Invalid('validation.failed', {}, judged.issues);
  const site = input.site ? checkSite(input.site) : null;
  checkAppointment(input.appointment);
  const deviceIds = await checkDevices(database.db, ticket.requesterId, input.deviceIds ?? []);
  const number = await nextWorkOrderNumber(database.db, options.timeZone, options.now);
  return database.transaction(async (tx) => {
    const [row] = await tx.insert(workOrders).values({
      id: uuidv7(), number, ticketId: ticket.id, serviceTypeId: type.id, serviceTypeVersion: type.currentVersion, status: 'pending_dispatch',
      priority: input.priority ?? ticket.priority, teamId: input.teamId === undefined ? ticket.teamId : input.teamId, requesterId: ticket.requesterId,
      site, appointmentStart: input.appointment?.start ?? null, appointmentEnd: input.appointment?.end ?? null, appointmentAgreed: input.appointment?.agreed ?? false,
      deviceIds, requiredSkills: input.requiredSkills ?? type.requiredSkills, estimatedMinutes: input.estimatedMinutes ?? type.defaultDurationMinutes,
      fields: judged.values, createdBy: actor.id, createdAt: options.now, updatedAt: options.now,
    }).returning();
    await recordWorkOrderCreated(tx, actor, row!);
    return row!;
  });
}

async function recordWorkOrderCreated(tx: Tx, actor: Actor, row: WorkOrderRow): Promise<void> {
  await recordEvent(tx, workOrderCreated, { aggregateId: row.id, cause: 'agent', actorId: actor.id, payload: { ticketId: row.ticketId, number: row.number, serviceTypeId: row.serviceTypeId, teamId: row.teamId, priority: row.priority } });
  await noteOnTicket(tx, actor, row, row.createdAt, 'agent', { step: 'created', status: row.status });
}

async function findServiceType(db: Db, key: string | undefined) {
  const [type] = await db.select().from(serviceTypes).where(key ? eq(serviceTypes.key, key) : eq(serviceTypes.active, true)).orderBy(asc(serviceTypes.position), asc(serviceTypes.createdAt)).limit(1);
  if (!type || !type.active) throw invalidField('serviceType', 'field_service.service_type_not_found', { key: key ?? '' });
  return type;
}

export function checkAppointment(appointment: { start: Date; end: Date } | null | undefined): void {
  if (appointment && appointment.end.getTime() <= appointment.start.getTime()) throw invalidField('appointment.end', 'field_service.appointment_ends_before_start');
}

/** The devices must be records of the ticket's requester or of their organisation. */
export async function checkDevices(db: Db, requesterId: string | null, deviceIds: readonly string[]): Promise<string[]> {
  const unique = [...new Set(deviceIds)];
  if (unique.length === 0) return [];
  const contact = requesterId ? (await getContactsByIds(db, [requesterId])).get(requesterId) : undefined;
  const owned = contact ? await listRecords(db, { contactIds: [contact.id], organizationIds: contact.organization ? [contact.organization.id] : [] }, 1000) : [];
  const ids = new Set(owned.map((r) => r.id));
  unique.forEach((id, i) => {
    if (!ids.has(id)) throw invalidField(`deviceIds.${i}`, 'field_service.device_not_of_customer');
  });
  return unique;
}

