/** Public surface of the SLA module: the business-calendar engine, the stored calendars, the SLA policies and the timers on tickets. */
import type { AppModule } from '../../app/context.js';
import { provideTicketSla } from '../tickets/index.js';
import { registerCalendarAdminRoutes } from './calendar-admin-routes.js';
import { registerCalendarRoutes } from './calendar-routes.js';
import { handleEscalationActions } from './escalation-actions.js';
import { slaDueTimers } from './fire-due-timers.js';
import { registerPolicyRoutes } from './policy-routes.js';
import { handleRecompute, policyEventsForSla } from './recompute-timers.js';
import { handleTicketEventForSla, ticketEventsForSla } from './ticket-events.js';
import { ticketSlaReader } from './ticket-sla-reader.js';
import { registerTimerRoutes } from './timer-routes.js';

export * from './calendar/index.js';
export { getCalendar, listCalendars, type CalendarView } from './calendars.js';
export { listPolicies, type PolicyRow } from './policies.js';
export { selectPolicy, conditionsMatch, type TicketFacts } from './select-policy.js';
export type { EscalationAction, EscalationStep, PolicyConditions, PolicyTargets, PriorityTargets, TargetKind } from './policy-model.js';

export { slaSystemActor } from './escalation-actions.js';
export { createCalendar } from './create-calendar.js';
export { createPolicy } from './create-policy.js';
export type { CreateCalendarInput } from './calendar-http.js';
export type { CreatePolicyInput } from './policy-http.js';
export { replayTicketSlaHistories, type TicketHistoryStep } from './replay-ticket-history.js';

export const slaModule: AppModule = {
  name: 'sla',
  registerJobs({ jobs, clock }) {
    jobs.handle('sla.ticket_event', handleTicketEventForSla(clock));
    for (const type of ticketEventsForSla) jobs.subscribe(type, 'sla.ticket_event');
    jobs.pollDueRows('sla.timers', slaDueTimers(clock));
    jobs.handle('sla.escalation_actions', handleEscalationActions);
    jobs.subscribe('sla.escalated', 'sla.escalation_actions');
    jobs.handle('sla.recompute', handleRecompute(clock));
    for (const type of policyEventsForSla) jobs.subscribe(type, 'sla.recompute');
    // Tickets show SLAs through this read extension (tickets cannot import this module).
    provideTicketSla(ticketSlaReader(clock));
  },
  registerRoutes(app, context) {
    registerTimerRoutes(app, context);
    registerCalendarRoutes(app, context);
    registerCalendarAdminRoutes(app, context);
    registerPolicyRoutes(app, context);
  },
};
