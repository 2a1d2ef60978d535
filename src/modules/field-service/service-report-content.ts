import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Locale } from '../../app/i18n/catalogue.js';
import type { Db } from '../../db/database.js';
import type { FieldDefinition, FieldOption } from '../../forms/definition.js';
import { contactLocale } from '../customers/index.js';
import { findTicketBrief, type AttachmentStore } from '../tickets/index.js';
import { noticeSettingsFor } from './customer-notice-settings.js';
import { fieldServiceActor } from './field-service-actor.js';
import { serviceTypeVersions, workOrderAttachments, workOrderSteps } from './schema.js';
import type { ServiceReportContent } from './service-report-pdf.js';
import { presentWorkOrders, type WorkOrderRow } from './work-order-view.js';

/** At most this many photos go into the PDF as thumbnails (the rest stay on the order). */
const maxPhotos = 12;

/** What the PDF of `order` shows, read once, in the customer's language (their contact's, else Chinese). */
export async function serviceReportContent(db: Db, store: AttachmentStore, order: WorkOrderRow, timeZone: string, locale?: Locale): Promise<ServiceReportContent> {
  const reader = locale ?? (order.requesterId ? await contactLocale(db, order.requesterId) : null) ?? 'zh-CN';
  const [view] = await presentWorkOrders(db, fieldServiceActor, [order]);
  const steps = await db.select({ type: workOrderSteps.type, at: workOrderSteps.clientAt }).from(workOrderSteps).where(and(eq(workOrderSteps.workOrderId, order.id), inArray(workOrderSteps.type, ['arrive', 'finish']))).orderBy(asc(workOrderSteps.id));
  const lastAt = (type: string) => steps.filter((s) => s.type === type).at(-1)?.at ?? null;
  const report = order.report;
  const [forms] = order.serviceTypeVersion === null ? [] : await db.select({ reportFields: serviceTypeVersions.reportFields }).from(serviceTypeVersions).where(and(eq(serviceTypeVersions.typeId, order.serviceTypeId), eq(serviceTypeVersions.version, order.serviceTypeVersion)));
  const ticket = await findTicketBrief(db, order.ticketId);
  const settings = await noticeSettingsFor(db, view!.serviceType.key);
  const label = (l: { 'zh-CN': string; en: string }) => (reader === 'en' && l.en ? l.en : l['zh-CN']);
  return {
    locale: reader,
    timeZone,
    companyName: settings.companyName,
    number: order.number,
    ticketNumber: ticket?.number ?? null,
    serviceType: label(view!.serviceType.name),
    customer: view!.requester ? { name: view!.requester.name, phone: view!.requester.phone, organization: view!.requester.organization } : null,
    site: view!.site ? `${view!.site.regionNames.join('')} ${view!.site.street}`.trim() : null,
    devices: view!.devices.map((d) => (d.expiresOn ? `${d.title} (${d.expiresOn})` : d.title)),
    engineer: view!.engineer?.name ?? null,
    appointment: order.appointmentStart && order.appointmentEnd ? { start: order.appointmentStart, end: order.appointmentEnd } : null,
    arrivedAt: lastAt('arrive'),
    finishedAt: lastAt('finish'),
    fault: report?.fault ?? '',
    cause: report?.cause ?? '',
    action: report?.action ?? '',
    fields: (forms?.reportFields ?? []).flatMap((field) => {
      const value = report?.fields[field.key];
      return value === undefined || value === null || value === '' ? [] : [{ label: label(field.label), value: fieldText(field, value, label) }];
    }),
    parts: report?.parts ?? [],
    labourMinutes: report?.labourMinutes ?? null,
    photos: await attachmentBytes(db, store, order.id, (report?.photoIds ?? []).slice(0, maxPhotos)),
    signature: report?.signatureId ? ((await attachmentBytes(db, store, order.id, [report.signatureId]))[0] ?? null) : null,
    rating: report?.rating ?? null,
  };
}

/** A report field's value as the reader reads it: option labels for selects, 是/否 for checkboxes, else the text. */
function fieldText(field: FieldDefinition, value: unknown, label: (l: { 'zh-CN': string; en: string }) => string): string {
  const options = new Map<string, FieldOption>();
  const walk = (list: readonly FieldOption[] = []) => list.forEach((o) => (options.set(o.value, o), walk(o.children)));
  walk(field.options);
  const one = (v: unknown) => {
    const option = typeof v === 'string' ? options.get(v) : undefined;
    if (option) return label(option.label);
    if (typeof v === 'boolean') return v ? '✓' : '✗';
    return typeof v === 'object' ? JSON.stringify(v) : String(v);
  };
  return Array.isArray(value) ? value.map(one).join(field.type === 'cascader' ? ' / ' : '、') : one(value);
}

async function attachmentBytes(db: Db, store: AttachmentStore, workOrderId: string, ids: string[]): Promise<Buffer[]> {
  if (ids.length === 0) return [];
  const rows = await db.select({ id: workOrderAttachments.id, sha256: workOrderAttachments.sha256 }).from(workOrderAttachments).where(and(eq(workOrderAttachments.workOrderId, workOrderId), inArray(workOrderAttachments.id, ids)));
  const byId = new Map(rows.map((r) => [r.id, r.sha256]));
  const out: Buffer[] = [];
  for (const id of ids) {
    const sha = byId.get(id);
    if (!sha) continue;
    const { stream } = await store.open(sha);
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    out.push(Buffer.concat(chunks));
  }
  return out;
}
