/** Public surface of the portal module: customer sign-in and sessions, the customer portal API and the public web form. */
import type { ChannelDescriptor } from '../../app/channel-registry.js';
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

/**
 * The customer portal on the channel registry: a customer writes there and reads the answers
 * there, so nothing is sent (the requester is told by email or SMS that a reply waits). It adds
 * no identity of its own: customers sign in by their email or mobile.
 */
const portalChannel: ChannelDescriptor = { kind: 'portal', labels: { 'zh-CN': '客户门户', en: 'Portal' }, deliversReplies: false, identityKinds: [] };

export const portalModule: AppModule = {
  name: 'portal',
  registerJobs({ jobs, config, log, channels }) {
    channels.register(portalChannel);
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
