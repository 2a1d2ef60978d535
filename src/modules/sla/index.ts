/** Public surface of the SLA module: the business-calendar engine, the stored calendars, the SLA policies and the timers on tickets. */
import type { AppModule } from '../../app/context.js';
import { writeRulesOf } from '../../app/write-rules.js';
import { registerCalendarAdminRoutes } from './calendar-admin-routes.js';
import { registerCalendarRoutes } from './calendar-routes.js';
import { registerConditionFieldRoutes } from './condition-field-routes.js';
import { escalationActionsHandler, slaSystemActor } from './escalation-actions.js';
import { eventReader } from '../../jobs/registry.js';
import { ticketCreated, ticketMessageAdded, ticketUpdated, type TicketEventEnvelope } from '../tickets/index.js';
import { slaCalendarUpdated, slaEscalated, slaPolicyDeleted, slaPolicyUpdated } from './events.js';
import { slaDueTimers } from './fire-due-timers.js';
import { registerPolicyRoutes } from './policy-routes.js';
import { handleRecompute, handleRecomputePage, recomputePageJob } from './recompute-timers.js';
import { handleTicketEventsForSla } from './ticket-events.js';
import { ticketSlaReader } from './ticket-sla-reader.js';
import { registerTimerRoutes } from './timer-routes.js';
import { registerSlaExports } from './data-export.js';

/** Its domain events (names, versions, payloads), for subscribers. */
export * from './events.js';
export * from './calendar/index.js';
export { getCalendar, listCalendars, type CalendarView } from './calendars.js';
export { getPolicy, listPolicies, type PolicyRow } from './policies.js';
export { selectPolicy, conditionsMatch, type TicketFacts } from './select-policy.js';
export type { EscalationAction, EscalationStep, PolicyConditions, PolicyTargets, PriorityTargets, TargetKind } from './policy-model.js';

export { slaSystemActor } from './escalation-actions.js';
export { createCalendar } from './create-calendar.js';
export { createPolicy } from './create-policy.js';
export { applySlaPolicy, type AppliedSlaPolicy, type ApplySlaPolicyInput } from './apply-policy.js';
export type { CreateCalendarInput } from './calendar-http.js';
export type { CreatePolicyInput } from './policy-http.js';
export { readNamedTimers, startNamedTimer, stopNamedTimer, stopNamedTimers, type NamedTimerStart, type NamedTimerView } from './named-timers.js';
export { replayTicketSlaHistories, type TicketHistoryStep } from './replay-ticket-history.js';

export const slaModule: AppModule = {
  name: 'sla',
  registerJobs(context) {
    const { jobs, clock, readModels, fieldTypes } = context;
    registerSlaExports(context.dataExporters);
    // One job per event (their facts must not fold together), the jobs of a round handled as one batch.
    jobs.subscribeEventBatch<TicketEventEnvelope>('sla.ticket_event', [eventReader(ticketCreated), eventReader(ticketUpdated), eventReader(ticketMessageAdded)], handleTicketEventsForSla(clock, fieldTypes));
    jobs.pollDueRows('sla.timers', slaDueTimers(clock));
    jobs.subscribe(slaEscalated, 'sla.escalation_actions', escalationActionsHandler(writeRulesOf(context)));
    const recompute = handleRecompute(clock, fieldTypes);
    // Admin changes that move the due times of running timers.
    jobs.subscribe(slaPolicyUpdated, 'sla.recompute', recompute);
    jobs.subscribe(slaPolicyDeleted, 'sla.recompute', recompute);
    jobs.subscribe(slaCalendarUpdated, 'sla.recompute', recompute);
    jobs.handle(recomputePageJob, handleRecomputePage(clock, fieldTypes));
    // Tickets show SLAs through this read model (tickets cannot import this module).
    readModels.provide('ticketSla', ticketSlaReader(clock));
    // The escalation steps' changes are named on the timeline (`GET /actor-names`).
    context.systemActors.register({ id: slaSystemActor.id, kind: 'sla', labels: { 'zh-CN': 'SLA 升级', en: 'SLA escalation' } });
  },
  registerRoutes(app, context) {
    registerTimerRoutes(app, context);
    registerCalendarRoutes(app, context);
    registerCalendarAdminRoutes(app, context);
    registerPolicyRoutes(app, context);
    registerConditionFieldRoutes(app, context);
  },
};
