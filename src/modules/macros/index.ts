/** Public surface of the macros module: personal and shared macros (快捷回复与宏), their search, preview and apply. */
import type { AppModule } from '../../app/context.js';
import { registerMacroRoutes } from './routes.js';
import { registerMacroExports } from './data-export.js';

/** Its domain events (names, versions, payloads), for subscribers. */
export * from './events.js';

/** Follows no event: applying a macro is an agent's request, so a ticket costs the worker nothing here. */
export const macrosModule: AppModule = {
  name: 'macros',
  registerJobs({ dataExporters }) {
    registerMacroExports(dataExporters);
  },
  registerRoutes(app, context) {
    registerMacroRoutes(app, context);
  },
};
