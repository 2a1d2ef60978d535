/** Public surface of the assignment module (智能分配): agent status, team strategies, shifts, the queue. */
import type { AppModule } from '../../app/context.js';
import { writeRulesOf } from '../../app/write-rules.js';
import { eventReader } from '../../jobs/registry.js';
import { userSignedOut, userUpdated } from '../auth/index.js';
import { ticketCreated, ticketMessageAdded, ticketUpdated } from '../tickets/index.js';
import { deactivatedAgentHandler, signedOutAgentHandler } from './agents-gone.js';
import { handoutHandler, handoutJob, shiftHandoutSource } from './handout.js';
import { idleAgentsSource } from './idle-agents.js';
import { reassignSilentSource } from './reassign-silent.js';
import { registerAssignmentRoutes } from './routes.js';
import { strategyFactsOf } from './strategy-facts.js';
import { sweepTeamHandler, sweepTeamJob } from './sweep-team.js';
import { registerAssignmentActors } from './system-actors.js';
import { ticketEventsHandler, wantsCreated, wantsMessage, wantsUpdated } from './ticket-events.js';

/** Its domain events (agents' status and pause, profiles, team settings, the queue). */
export * from './events.js';
export { assignmentSystemActor, isAssignmentActor } from './system-actors.js';
export { readShiftPlans, type ShiftPlans } from './shift-plans.js';

export const assignmentModule: AppModule = {
  name: 'assignment',
  registerJobs(context) {
    const { jobs, clock } = context;
    const facts = strategyFactsOf(context.database.db);
    const rules = writeRulesOf(context);
    registerAssignmentActors(context.systemActors);
    jobs.subscribeEventBatch('assignment.ticket_event', [
      eventReader(ticketCreated, { when: wantsCreated(facts) }),
      eventReader(ticketUpdated, { when: wantsUpdated }),
      eventReader(ticketMessageAdded, { when: wantsMessage(facts) }),
    ], ticketEventsHandler(clock, rules));
    jobs.handle(handoutJob, handoutHandler(clock, rules));
    jobs.handle(sweepTeamJob, sweepTeamHandler(clock, rules));
    jobs.subscribe(userUpdated, 'assignment.user_deactivated', deactivatedAgentHandler);
    jobs.subscribe(userSignedOut, 'assignment.signed_out', signedOutAgentHandler);
    // Re-read which teams assign at most once a second (one primary-key read while nothing changed).
    jobs.pollDueRows('assignment.facts', async ({ database }) => {
      await facts.refresh(database.db);
      return 0;
    });
    jobs.pollDueRows('assignment.idle_agents', idleAgentsSource(clock));
    jobs.pollDueRows('assignment.shift_handout', shiftHandoutSource(clock, rules));
    jobs.pollDueRows('assignment.reassign_silent', reassignSilentSource(clock, rules));
  },
  registerRoutes(app, context) {
    registerAssignmentRoutes(app, context);
  },
};

