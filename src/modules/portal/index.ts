/** Public surface of the portal module: customer sign-in and sessions, the customer portal API and the public web form. */
import type { AppModule } from '../../app/context.js';
import { attachmentStoreIn } from '../tickets/index.js';
import { registerAccessRoutes } from './access-routes.js';
import { registerFormRoutes } from './form-routes.js';
import { createLoginMailer } from './login-mail.js';
import { registerPortalSessionRoutes } from './session-routes.js';
import { registerPortalTicketRoutes } from './ticket-routes.js';

export { customerFromPortalSession, portalCookieName, type PortalCustomer } from './portal-sessions.js';

export const portalModule: AppModule = {
  name: 'portal',
  registerRoutes(app, context) {
    const store = attachmentStoreIn(context.config.OPENCSM_DATA_DIR);
    registerPortalSessionRoutes(app, context, createLoginMailer(context.config, context.log.child({ component: 'portal' })));
    registerPortalTicketRoutes(app, context, store);
    registerFormRoutes(app, context, store);
    registerAccessRoutes(app, context);
  },
};
