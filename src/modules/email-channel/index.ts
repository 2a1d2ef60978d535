/** Public surface of the email channel: mailboxes, the SMTP listener, IMAP polling, sending replies, the quarantine, ticket CCs. */
import type { ChannelDescriptor } from '../../app/channel-registry.js';
import type { AppModule } from '../../app/context.js';
import { writeRulesOf } from '../../app/write-rules.js';
import { isReplyToDeliver, ticketMessageAdded } from '../tickets/index.js';
import { acknowledgeHandler, acknowledgeJob } from './acknowledgement.js';
import { imapPollHandler } from './imap-poll.js';
import { processInboundJob } from './inbound-store.js';
import { registerMailboxRoutes } from './mailbox-routes.js';
import { registerQuarantineRoutes } from './quarantine-routes.js';
import { registerTicketCcRoutes } from './ticket-cc-routes.js';
import { imapPollJob } from './mailboxes.js';
import { processInboundHandler } from './process-inbound.js';
import { emailReplyProbe } from './reply-probe.js';
import { deliverJob, deliverReplyHandler } from './send-reply.js';
import { startSmtpListener } from './smtp-listener.js';

/** Its domain events (names, versions, payloads), for subscribers. */
export * from './events.js';
export { startSmtpListener, type SmtpListener } from './smtp-listener.js';
export { parseEmail, type ParsedEmail } from './parse-email.js';
/** The message HTML sanitiser (what the ticket page may show of an email), for other sources of message HTML: imports. */
export { sanitiseEmailHtml, textOfHtml } from './sanitise-html.js';
export { installationSubKey } from '../../app/installation-key.js';

/**
 * Email on the channel registry. No vendor account: its mailboxes are its own (`/mailboxes`, IMAP
 * polled and SMTP received here), so it registers the descriptor alone; replies go out through
 * the mailboxes' SMTP (the reply probe and the delivery job below).
 */
const emailChannel: ChannelDescriptor = { kind: 'email', labels: { 'zh-CN': '邮件', en: 'Email' }, deliversReplies: true, identityKinds: ['email'] };

export const emailChannelModule: AppModule = {
  name: 'email-channel',
  registerJobs(context) {
    const { jobs, config, channels, replyChannels } = context;
    channels.register(emailChannel);
    replyChannels.register('email', emailReplyProbe);
    jobs.handle(processInboundJob, processInboundHandler(config, writeRulesOf(context)));
    jobs.subscribe(ticketMessageAdded, deliverJob, deliverReplyHandler(config), { when: isReplyToDeliver('email') });
    jobs.handle(acknowledgeJob, acknowledgeHandler(config));
    jobs.handle(imapPollJob, imapPollHandler(config));
  },
  registerRoutes(app, context) {
    registerMailboxRoutes(app, context);
    registerQuarantineRoutes(app, context);
    registerTicketCcRoutes(app, context);
  },
  async startIngress({ database, config, log }) {
    if (config.SMTP_PORT === undefined) return undefined;
    const listener = await startSmtpListener(database, config, log.child({ component: 'smtp' }));
    return () => listener.close();
  },
};
