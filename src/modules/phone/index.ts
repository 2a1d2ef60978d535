/** Public surface of the phone channel: calls agents log and calls a telephony system (CTI) pushes. */
import type { ChannelDescriptor } from '../../app/channel-registry.js';
import type { AppModule } from '../../app/context.js';
import { registerCallRoutes } from './call-routes.js';
import { registerPhoneIntakeRoutes } from './phone-intake.js';

export { ingestCall, type CtiCall } from './ingest-call.js';
export { logCall } from './log-call.js';

/**
 * Phone on the channel registry: agents take calls in (phone intake, logged calls) and a telephony
 * system pushes its records; nothing is sent back on it (an agent's call is logged as a reply way,
 * not delivered), and the caller's number is the identity it adds.
 */
const phoneChannel: ChannelDescriptor = { kind: 'phone', labels: { 'zh-CN': '电话', en: 'Phone' }, deliversReplies: false, identityKinds: ['phone'] };

export const phoneModule: AppModule = {
  name: 'phone',
  registerJobs({ channels }) {
    channels.register(phoneChannel);
  },
  registerRoutes(app, context) {
    registerCallRoutes(app, context);
    registerPhoneIntakeRoutes(app, context);
  },
};
