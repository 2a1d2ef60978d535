/** Public surface of field service (派工单, issue 20): service types, work orders, their steps and the offline sync. */
import type { AppModule } from '../../app/context.js';
import { attachmentStoreIn, storedFile } from '../tickets/index.js';
import { appointmentNoticeHandler, sendDueReminders } from './appointment-notices.js';
import { autoDispatchHandler, registerAutoDispatchActor } from './auto-dispatch.js';
import { registerCustomerSideRoutes } from './customer-side-routes.js';
import { registerDispatchRoutes } from './dispatch-routes.js';
import { workOrderCreated, workOrderStepped, workOrderUpdated } from './events.js';
import { registerFieldServiceActor } from './field-service-actor.js';
import { registerMapRoutes } from './map-routes.js';
import { registerServiceTypeRoutes } from './service-type-routes.js';
import { serviceReportHandler } from './service-reports.js';
import { registerWorkOrderRoutes } from './work-order-routes.js';
import { registerFieldServiceExports } from './data-export.js';

/** Its domain events (names, versions, payloads), for subscribers. */
export * from './events.js';
export { workOrderStatuses, workOrderStepTypes, nextStatus, stepsFrom, type WorkOrderStatus, type WorkOrderStepType } from './work-order-status.js';
export { wgs84ToGcj02, distanceMeters, type LngLat } from './coordinates.js';

/** Steps after which what the customer was told may no longer hold. */
const noticeSteps = new Set(['dispatch', 'cancel', 'reject']);

export const fieldServiceModule: AppModule = {
  name: 'field-service',
  registerJobs(context) {
    const { jobs, config, clock, replyChannels, systemActors } = context;
    registerFieldServiceActor(systemActors);
    registerFieldServiceExports(context.dataExporters, storedFile(attachmentStoreIn(config.OPENCSM_DATA_DIR)));
    registerAutoDispatchActor(systemActors);
    jobs.subscribe(workOrderCreated, 'field_service.auto_dispatch', autoDispatchHandler(context));
    const notices = { clock, replyChannels, timeZone: config.OPENCSM_TIMEZONE };
    const noticeHandler = appointmentNoticeHandler(notices);
    jobs.subscribe(workOrderStepped, 'field_service.appointment_notice', noticeHandler, { when: (event) => noticeSteps.has(event.payload.step) });
    jobs.subscribe(workOrderUpdated, 'field_service.appointment_notice', noticeHandler, { when: (event) => event.payload.changed.includes('appointment') });
    jobs.pollDueRows('field_service.appointment_reminders', sendDueReminders(notices));
    const store = attachmentStoreIn(config.OPENCSM_DATA_DIR);
    jobs.subscribe(workOrderStepped, 'field_service.service_report', serviceReportHandler({ config, store, replyChannels }), { when: (event) => event.payload.step === 'finish' });
  },
  registerRoutes(app, context) {
    registerServiceTypeRoutes(app, context);
    registerWorkOrderRoutes(app, context);
    registerCustomerSideRoutes(app, context, attachmentStoreIn(context.config.OPENCSM_DATA_DIR));
    registerDispatchRoutes(app, context);
    registerMapRoutes(app, context);
  },
};
