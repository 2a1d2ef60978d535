import { eq } from 'drizzle-orm';
import type { Config } from '../../app/config.js';
import { translate } from '../../app/i18n/catalogue.js';
import type { ReplyChannels } from '../../app/reply-channels.js';
import type { Database } from '../../db/database.js';
import type { EventEnvelope } from '../../jobs/event-definition.js';
import type { JobContext } from '../../jobs/registry.js';
import { contactLocale } from '../customers/index.js';
import { getTicketSnapshot, type AttachmentStore } from '../tickets/index.js';
import { replyToRequester } from './customer-message.js';
import { serviceReports, workOrders } from './schema.js';
import { serviceReportContent } from './service-report-content.js';
import { findReportFont } from './service-report-font.js';
import { renderServiceReport } from './service-report-pdf.js';
import type { WorkOrderRow } from './work-order-view.js';

export type ReportDeps = { config: Config; store: AttachmentStore; replyChannels: ReplyChannels };

/** The PDF of an order as it stands, in `locale` or the customer's language. */
export async function renderWorkOrderReport(database: Database, deps: Pick<ReportDeps, 'config' | 'store'>, order: WorkOrderRow, locale?: 'zh-CN' | 'en'): Promise<{ pdf: Buffer; filename: string }> {
  const content = await serviceReportContent(database.db, deps.store, order, deps.config.OPENCSM_TIMEZONE, locale);
  const pdf = await renderServiceReport(content, await findReportFont());
  return { pdf, filename: translate(content.locale, 'work_order.report.filename', { number: order.number }) };
}

/**
 * Job `field_service.service_report`, after a work order's `finish`: renders the 服务报告 once,
 * keeps it as an attachment of the ticket and sends it to the customer as a public reply of the
 * field-service actor — on an email ticket the PDF goes as the mail's attachment; on other channels
 * (SMS, WeChat …) the reply carries a link to the ticket in the portal, where the PDF is. The
 * report's row, the attachment and the reply commit together under the order's lock, and the row's
 * key is the order: a retried job or a replayed finish (which records no second event) makes no
 * second report. A closed ticket takes no reply: nothing is stored (the on-demand PDF still works).
 */
export function serviceReportHandler(deps: ReportDeps) {
  return async (event: EventEnvelope<string, { ticketId: string }>, { database, log }: JobContext): Promise<void> => {
    const [done] = await database.db.select({ id: serviceReports.workOrderId }).from(serviceReports).where(eq(serviceReports.workOrderId, event.aggregateId));
    if (done) return;
    const [order] = await database.db.select().from(workOrders).where(eq(workOrders.id, event.aggregateId));
    if (!order || order.status !== 'completed') return;
    // Rendered before the transaction: PGlite runs one at a time, and a page of PDF takes a while.
    const { pdf, filename } = await renderWorkOrderReport(database, deps, order);
    const ticket = await getTicketSnapshot(database.db, order.ticketId);
    if (!ticket) return;
    await database.transaction(async (tx) => {
      // The order's lock makes a second job for it wait here and then find the first's row.
      await tx.select({ id: workOrders.id }).from(workOrders).where(eq(workOrders.id, order.id)).for('update');
      const [again] = await tx.select({ id: serviceReports.workOrderId }).from(serviceReports).where(eq(serviceReports.workOrderId, order.id));
      if (again) return;
      const reader = (order.requesterId ? await contactLocale(tx, order.requesterId) : null) ?? 'zh-CN';
      const base = (deps.config.OPENCSM_PUBLIC_URL ?? '').replace(/\/$/, '');
      const body = ticket.channel === 'email' || !base
        ? translate(reader, 'work_order.notice.report', { number: order.number })
        : translate(reader, 'work_order.notice.report_link', { number: order.number, link: `${base}/portal/tickets/${order.ticketId}` });
      const sent = await replyToRequester(tx, database, deps.replyChannels, order.ticketId, body, { store: deps.store, bytes: pdf, filename, contentType: 'application/pdf', limitMb: Math.max(deps.config.OPENCSM_MAX_ATTACHMENT_MB, 50) });
      if (!sent?.attachmentId) {
        log.warn({ workOrderId: order.id }, 'service report not sent: the ticket is closed');
        return;
      }
      await tx.insert(serviceReports).values({ workOrderId: order.id, ticketAttachmentId: sent.attachmentId, filename, messageId: sent.messageId });
    });
  };
}
