import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { AppContext, AppServer } from '../../app/context.js';
import { NotFound, invalidField } from '../../app/errors.js';
import { actorOf, customerOf } from '../../app/http/request-context.js';
import { findCustomerTicketId, type AttachmentStore } from '../tickets/index.js';
import { globalScope, listNoticeSettings, noticeSettingsInput, saveNoticeSettings } from './customer-notice-settings.js';
import { getVisibleWorkOrder } from './list-work-orders.js';
import { listPortalVisits, rateVisitByRequester } from './portal-visits.js';
import { appointmentNoticeKinds, serviceTypes } from './schema.js';
import { renderWorkOrderReport } from './service-reports.js';
import { workOrderStatuses } from './work-order-status.js';

const tags = ['field-service'];
const label = z.object({ 'zh-CN': z.string(), en: z.string() });
const settingsSchema = z.object({ scope: z.string(), noticesEnabled: z.boolean(), noticeKinds: z.array(z.enum(appointmentNoticeKinds)), reminderTime: z.string().nullable(), companyName: z.string().nullable() }).meta({ id: 'CustomerNoticeSettings' });
const visitSchema = z.object({
  id: z.string(), number: z.string(), status: z.enum(workOrderStatuses), serviceType: label, appointmentStart: z.date().nullable(), appointmentEnd: z.date().nullable(),
  engineerName: z.string().nullable(), report: z.object({ attachmentId: z.string(), filename: z.string() }).nullable(), rating: z.number().int().nullable(), canRate: z.boolean(),
});

/** The customer's side of a visit: the PDF service report, the notice settings, and the portal's view of a ticket's visits. */
export function registerCustomerSideRoutes(app: AppServer, context: AppContext, store: AttachmentStore): void {
  const { database, config, clock } = context;

  app.get('/api/v1/work-orders/:id/report.pdf', {
    config: { permission: 'field_service.read' },
    schema: {
      tags, summary: '服务报告 PDF The service report of a work order one sees, as it stands now',
      description: 'Rendered on demand (the copy sent to the customer on completion is an attachment of the ticket). `locale` defaults to the customer\'s language, else zh-CN.',
      params: z.object({ id: z.uuid() }),
      querystring: z.strictObject({ locale: z.enum(['zh-CN', 'en']).optional() }),
      produces: ['application/pdf'],
    },
  }, async (request, reply) => {
    const order = await getVisibleWorkOrder(database.db, actorOf(request), request.params.id);
    if (!order) throw new NotFound('work_order.not_found');
    const { pdf, filename } = await renderWorkOrderReport(database, { config, store }, order, request.query.locale);
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `attachment; filename="${order.number}.pdf"; filename*=UTF-8''${encodeURIComponent(filename)}`)
      .header('cache-control', 'private, no-store')
      .send(pdf);
  });

  app.get('/api/v1/field-service/customer-notice-settings', {
    config: { permission: 'field_service.dispatch' },
    schema: { tags, summary: '客户通知设置 Appointment notices and reminders: global and per service type (dispatchers read, admins edit)', response: { 200: z.object({ items: z.array(settingsSchema) }) } },
  }, async () => ({ items: await listNoticeSettings(database.db) }));

  app.put('/api/v1/field-service/customer-notice-settings/:scope', {
    config: { permission: 'field_service.manage' },
    schema: {
      tags, summary: '修改客户通知设置 Set notices for all (`global`) or one service type (its key)',
      description: '`reminderTime` is HH:MM on the day before the appointment, in the installation\'s time zone; null sends no reminder. `noticeKinds` (default all): which of `scheduled` (预约), `rescheduled` (改约), `cancelled` (取消) go out. `companyName` (global only) heads the PDF service report. Recorded as `field_service.settings_changed`.',
      params: z.object({ scope: z.string().min(1).max(64) }),
      body: noticeSettingsInput,
      response: { 200: z.object({ items: z.array(settingsSchema) }) },
    },
  }, async (request) => {
    const { scope } = request.params;
    if (scope !== globalScope) {
      const [type] = await database.db.select({ id: serviceTypes.id }).from(serviceTypes).where(eq(serviceTypes.key, scope));
      if (!type) throw invalidField('scope', 'field_service.notice_scope_unknown', { scope });
    }
    await saveNoticeSettings(database, actorOf(request), scope, request.body, clock.now());
    return { items: await listNoticeSettings(database.db) };
  });

  app.get('/api/v1/portal/tickets/:id/visits', {
    config: { permission: 'portal' },
    schema: {
      tags: ['portal'], summary: '上门服务 The visits of one of my tickets',
      description: 'Only the ticket\'s requester: appointment window, engineer (name only), status, the service report once sent (download it with `/api/v1/portal/attachments/{attachmentId}`) and whether the visit may still be rated.',
      params: z.object({ id: z.string().trim().min(1).max(64) }),
      response: { 200: z.object({ items: z.array(visitSchema) }) },
    },
  }, async (request) => {
    const { id } = await findCustomerTicketId(database.db, [customerOf(request).contactId], request.params.id);
    return { items: await listPortalVisits(database.db, id) };
  });

  app.post('/api/v1/portal/visits/:id/rating', {
    config: { permission: 'portal' },
    schema: {
      tags: ['portal'], summary: '评价上门服务 Rate a completed visit (once)',
      params: z.object({ id: z.uuid() }),
      body: z.strictObject({ rating: z.number().int().min(1).max(5) }),
      response: { 200: z.object({ rating: z.number().int() }) },
    },
  }, async (request) => ({ rating: await rateVisitByRequester(database, customerOf(request).contactId, request.params.id, request.body.rating, clock.now()) }));
}
