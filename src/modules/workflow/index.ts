/** Public surface of the workflow module (流程引擎, issue 19): process definitions and versions, instances and transitions. */
import type { AppModule } from '../../app/context.js';
import { ticketCreated } from '../tickets/index.js';
import { registerInstanceRoutes } from './instance-routes.js';
import { registerProcessRoutes } from './process-routes.js';
import { startInstanceFor } from './start-instance.js';
import { stageListFilter } from './stage-list-filter.js';
import { registerStageOptionRoutes } from './stage-options-routes.js';

/** Its domain events (names, versions, payloads), for subscribers. */
export * from './events.js';

export const workflowModule: AppModule = {
  name: 'workflow',
  registerJobs({ jobs, database, ticketListFilters }) {
    ticketListFilters.register('stage', stageListFilter);
    // Only tickets of a type can run a process: the relay makes no job for the others.
    jobs.subscribe(ticketCreated, 'workflow.start_instance', (event) => startInstanceFor(database, event), { when: (event) => event.payload.type !== undefined });
  },
  registerRoutes(app, context) {
    registerProcessRoutes(app, context);
    registerInstanceRoutes(app, context);
    registerStageOptionRoutes(app, context);
  },
};
