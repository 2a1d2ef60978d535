import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import type { Label } from '../../forms/definition.js';
import { getUserNames, type Actor } from '../auth/index.js';
import { getContactsByIds, listRecords } from '../customers/index.js';
import { serviceTypes, workOrderAttachments, workOrders, workOrderSteps, type ServiceReport, type SiteAddress } from './schema.js';
import { regionNames } from './site-address.js';
import { stepsFrom, workOrderSteps as stepRules, type WorkOrderStepType } from './work-order-status.js';
import { dispatches } from './work-order-visibility.js';

export type WorkOrderRow = typeof workOrders.$inferSelect;
export type StepRow = typeof workOrderSteps.$inferSelect;

export type WorkOrderView = Omit<WorkOrderRow, 'formerEngineerIds' | 'createdBy' | 'serviceTypeId' | 'requesterId' | 'engineerId'> & {
  serviceType: { id: string; key: string; name: Label };
  engineer: { id: string; name: string } | null;
  /** The customer the visit is for: name and phone, so an engineer without customers.read can call. */
  requester: { id: string; name: string; phone: string | null; organization: string | null } | null;
  devices: Array<{ id: string; type: string; title: string; status: string | null; expiresOn: string | null }>;
  /** With the 省/市/区 names, so the engineer's app shows them without loading the region tree. */
  site: (SiteAddress & { regionNames: string[] }) | null;
  report: ServiceReport | null;
  /** The steps this caller may take now (the app's buttons; the server checks again). */
  allowedSteps: WorkOrderStepType[];
};

export type WorkOrderDetail = WorkOrderView & {
  steps: Array<{ id: string; type: string; from: string; to: string; actor: { id: string; name: string } | null; at: Date; recordedAt: Date; lat: number | null; lng: number | null; distanceMeters: number | null; beyondRadius: boolean | null; detail: Record<string, unknown> }>;
  attachments: Array<{ id: string; clientId: string; kind: string; filename: string; contentType: string; size: number; createdAt: Date }>;
};

/** The steps `actor` may take on an order: the table's, narrowed to what their role does. */
export function allowedStepsFor(actor: Actor, order: Pick<WorkOrderRow, 'status' | 'engineerId' | 'teamId'>): WorkOrderStepType[] {
  const dispatcher = dispatches(actor, order);
  const engineer = order.engineerId === actor.id;
  return stepsFrom(order.status).filter((step) => {
    const by = stepRules[step].by;
    return by === 'dispatcher' ? dispatcher : by === 'engineer' ? engineer : dispatcher || engineer;
  });
}

/** Present orders for lists and answers, reading names, customers and devices once for all. */
export async function presentWorkOrders(db: Db, actor: Actor, rows: readonly WorkOrderRow[]): Promise<WorkOrderView[]> {
  if (rows.length === 0) return [];
  const typeIds = [...new Set(rows.map((r) => r.serviceTypeId))];
  const types = new Map((await db.select({ id: serviceTypes.id, key: serviceTypes.key, name: serviceTypes.name }).from(serviceTypes).where(inArray(serviceTypes.id, typeIds))).map((t) => [t.id, t]));
  const names = await getUserNames(db, rows.map((r) => r.engineerId).filter((id): id is string => Boolean(id)));
  const contacts = await getContactsByIds(db, rows.map((r) => r.requesterId).filter((id): id is string => Boolean(id)));
  const deviceIds = new Set(rows.flatMap((r) => r.deviceIds));
  const records = deviceIds.size
    ? await listRecords(db, { contactIds: [...contacts.keys()], organizationIds: [...contacts.values()].flatMap((c) => (c.organization ? [c.organization.id] : [])) }, 1000)
    : [];
  const devices = new Map(records.filter((r) => deviceIds.has(r.id)).map((r) => [r.id, { id: r.id, type: r.type, title: r.title, status: r.status, expiresOn: r.expiresOn }]));
  return rows.map(({ formerEngineerIds: _former, createdBy: _createdBy, serviceTypeId, requesterId, engineerId, ...row }) => {
    const contact = requesterId ? contacts.get(requesterId) : undefined;
    return {
      ...row,
      serviceType: types.get(serviceTypeId)!,
      engineer: engineerId ? { id: engineerId, name: names.get(engineerId) ?? '' } : null,
      requester: contact ? { id: contact.id, name: contact.name, phone: contact.phone, organization: contact.organization?.name ?? null } : null,
      site: row.site ? { ...row.site, regionNames: regionNames(row.site.region) } : null,
      devices: row.deviceIds.flatMap((id) => devices.get(id) ?? []),
      allowedSteps: allowedStepsFor(actor, { status: row.status, engineerId, teamId: row.teamId }),
    };
  });
}

/** One order with its steps (the visit's timeline) and attachments. */
export async function presentWorkOrderDetail(db: Db, actor: Actor, row: WorkOrderRow): Promise<WorkOrderDetail> {
  const [view] = await presentWorkOrders(db, actor, [row]);
  const steps = await db.select().from(workOrderSteps).where(eq(workOrderSteps.workOrderId, row.id)).orderBy(asc(workOrderSteps.id));
  const attachments = await db.select().from(workOrderAttachments).where(eq(workOrderAttachments.workOrderId, row.id)).orderBy(asc(workOrderAttachments.createdAt));
  const names = await getUserNames(db, steps.map((s) => s.actorId).filter((id): id is string => Boolean(id)));
  return {
    ...view!,
    steps: steps.map((s) => ({
      id: s.id, type: s.type, from: s.fromStatus, to: s.toStatus, actor: s.actorId ? { id: s.actorId, name: names.get(s.actorId) ?? '' } : null,
      at: s.clientAt, recordedAt: s.createdAt, lat: s.lat, lng: s.lng, distanceMeters: s.distanceMeters, beyondRadius: s.beyondRadius, detail: s.detail,
    })),
    attachments: attachments.map(({ id, clientId, kind, filename, contentType, size, createdAt }) => ({ id, clientId, kind, filename, contentType, size, createdAt })),
  };
}
