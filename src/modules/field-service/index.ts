/** Public surface of field service (派工单, issue 20): service types, work orders, their steps and the offline sync. */
import type { AppModule } from '../../app/context.js';
import { autoDispatchHandler, registerAutoDispatchActor } from './auto-dispatch.js';
import { registerDispatchRoutes } from './dispatch-routes.js';
import { workOrderCreated } from './events.js';
import { registerServiceTypeRoutes } from './service-type-routes.js';
import { registerWorkOrderRoutes } from './work-order-routes.js';

/** Its domain events (names, versions, payloads), for subscribers. */
export * from './events.js';
export { workOrderStatuses, workOrderStepTypes, nextStatus, stepsFrom, type WorkOrderStatus, type WorkOrderStepType } from './work-order-status.js';
export { wgs84ToGcj02, distanceMeters, type LngLat } from './coordinates.js';

export const fieldServiceModule: AppModule = {
  name: 'field-service',
  registerJobs(context) {
    registerAutoDispatchActor(context.systemActors);
    context.jobs.subscribe(workOrderCreated, 'field_service.auto_dispatch', autoDispatchHandler(context));
  },
  registerRoutes(app, context) {
    registerServiceTypeRoutes(app, context);
    registerWorkOrderRoutes(app, context);
    registerDispatchRoutes(app, context);
  },
};
