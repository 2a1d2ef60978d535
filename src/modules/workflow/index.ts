/** Public surface of the workflow module (流程引擎, issue 19): process definitions and versions, instances and transitions. */
import type { AppModule } from '../../app/context.js';
import { userUpdated } from '../auth/index.js';
import { ticketCreated } from '../tickets/index.js';
import { approverDeactivatedHandler } from './approval-changes.js';
import { registerApprovalLinkRoutes } from './approval-link-routes.js';
import { approvalEmailLinks, approvalNoticeHandler, approvalNoticeJob } from './approval-notices.js';
import { registerApprovalRoutes } from './approval-routes.js';
import { registerInstanceRoutes } from './instance-routes.js';
import { registerMigrationRoutes } from './migration-routes.js';
import { registerProcessRoutes } from './process-routes.js';
import { processActionDeps, processActorNames } from './process-actions.js';
import { registerStageTimerFirings } from './stage-timer-firings.js';
import { registerApprovalTimerFirings } from './approval-timer-firings.js';
import { startInstanceFor } from './start-instance.js';
import { stageListFilter } from './stage-list-filter.js';
import { registerStageOptionRoutes } from './stage-options-routes.js';
import { registerWorkflowExports } from './data-export.js';

/** Its domain events (names, versions, payloads), for subscribers. */
export * from './events.js';

export const workflowModule: AppModule = {
  name: 'workflow',
  registerJobs(context) {
    const { jobs, database, ticketListFilters } = context;
    ticketListFilters.register('stage', stageListFilter);
    registerWorkflowExports(context.dataExporters);
    const actions = processActionDeps(context);
    // Only tickets of a type can run a process: the relay makes no job for the others.
    jobs.subscribe(ticketCreated, 'workflow.start_instance', (event) => startInstanceFor(database, actions, event), { when: (event) => event.payload.type !== undefined });
    context.systemActors.registerResolver(processActorNames);
    jobs.subscribe(userUpdated, 'workflow.approver_deactivated', approverDeactivatedHandler);
    jobs.handle(approvalNoticeJob, approvalNoticeHandler(context));
    context.readModels.provide('notificationEmailLinks', approvalEmailLinks(context));
    registerStageTimerFirings(jobs, database, actions);
    registerApprovalTimerFirings(jobs, database, actions);
  },
  registerRoutes(app, context) {
    registerProcessRoutes(app, context);
    registerInstanceRoutes(app, context);
    registerApprovalRoutes(app, context);
    registerApprovalLinkRoutes(app, context);
    registerMigrationRoutes(app, context);
    registerStageOptionRoutes(app, context);
  },
};
