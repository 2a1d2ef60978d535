/**
 * The customer 360° view: a read model over customers and tickets (and later surveys). It lives
 * in its own module because tickets already depend on customers (requesters), so customers cannot
 * import tickets without a cycle. It owns no tables.
 */
import type { AppModule } from '../../app/context.js';
import { registerCustomer360Routes } from './routes.js';

export const customer360Module: AppModule = {
  name: 'customer-360',
  registerRoutes(app, context) {
    registerCustomer360Routes(app, context);
  },
};
