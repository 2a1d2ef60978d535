/** Public surface of the phone channel: calls agents log and calls a telephony system (CTI) pushes. */
import type { AppModule } from '../../app/context.js';
import { registerCallRoutes } from './call-routes.js';
import { registerPhoneIntakeRoutes } from './phone-intake.js';

export { ingestCall, type CtiCall } from './ingest-call.js';
export { logCall } from './log-call.js';

export const phoneModule: AppModule = {
  name: 'phone',
  registerRoutes(app, context) {
    registerCallRoutes(app, context);
    registerPhoneIntakeRoutes(app, context);
  },
};
