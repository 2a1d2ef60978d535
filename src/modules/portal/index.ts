/** Public surface of the portal module: customer sign-in and sessions, the customer portal API and the public web form. */
import type { AppModule } from '../../app/context.js';
import { attachmentStoreIn, isPortalAgentReply, ticketMessageAdded } from '../tickets/index.js';
import { registerAccessRoutes } from './access-routes.js';
import { registerFormRoutes } from './form-routes.js';
import { createPortalMailer, warnIfCodesUndeliverable } from './portal-mailer.js';
import { replyNoticeHandler } from './reply-notice.js';
import { registerPortalSessionRoutes } from './session-routes.js';
import { registerPortalSmsSessionRoutes } from './sms-session-routes.js';
import { registerPortalTicketRoutes } from './ticket-routes.js';
import { registerPortalTicketTypeRoutes } from './ticket-type-routes.js';

/** Its domain events (names, versions, payloads), for subscribers. */
export * from './events.js';
export { customerFromPortalSession, portalCookieName, type PortalCustomer } from './portal-sessions.js';

export const portalModule: AppModule = {
  name: 'portal',
  registerJobs({ jobs, config, log }) {
    jobs.subscribe(ticketMessageAdded, 'portal.reply_notice', replyNoticeHandler(createPortalMailer(config, log.child({ component: 'portal' })), config), { when: isPortalAgentReply });
  },
  registerRoutes(app, context) {
    const store = attachmentStoreIn(context.config.OPENCSM_DATA_DIR);
    const log = context.log.child({ component: 'portal' });
    // Routes are registered once per serving process at start: the place to say it.
    warnIfCodesUndeliverable(context.config, log);
    registerPortalSessionRoutes(app, context, createPortalMailer(context.config, log));
    registerPortalSmsSessionRoutes(app, context);
    registerPortalTicketRoutes(app, context, store);
    registerFormRoutes(app, context, store);
    registerPortalTicketTypeRoutes(app, context);
    registerAccessRoutes(app, context);
  },
};
