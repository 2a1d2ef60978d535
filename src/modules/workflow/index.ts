/** Public surface of the workflow module (流程引擎, issue 19): process definitions and versions. */
import type { AppModule } from '../../app/context.js';
import { registerProcessRoutes } from './process-routes.js';

/** Its domain events (names, versions, payloads), for subscribers. */
export * from './events.js';

export const workflowModule: AppModule = {
  name: 'workflow',
  registerRoutes(app, context) {
    registerProcessRoutes(app, context);
  },
};
