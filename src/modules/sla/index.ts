/** Public surface of the SLA module: the business-calendar engine, the stored calendars and the SLA policies. */
import type { AppModule } from '../../app/context.js';
import { registerCalendarAdminRoutes } from './calendar-admin-routes.js';
import { registerCalendarRoutes } from './calendar-routes.js';
import { registerPolicyRoutes } from './policy-routes.js';

export * from './calendar/index.js';
export { getCalendar, listCalendars, type CalendarView } from './calendars.js';
export { listPolicies, type PolicyRow } from './policies.js';
export { selectPolicy, conditionsMatch, type TicketFacts } from './select-policy.js';
export type { EscalationAction, EscalationStep, PolicyConditions, PolicyTargets, PriorityTargets, TargetKind } from './policy-model.js';

export const slaModule: AppModule = {
  name: 'sla',
  registerRoutes(app, context) {
    registerCalendarRoutes(app, context);
    registerCalendarAdminRoutes(app, context);
    registerPolicyRoutes(app, context);
  },
};
