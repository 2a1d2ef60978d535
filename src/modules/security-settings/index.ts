/** Public surface of the installation's security settings (outbound allowlist; more to come). */
import type { AppModule } from '../../app/context.js';
import { registerSecuritySettingsRoutes } from './routes.js';

/** Its domain events (names, versions, payloads), for subscribers. */
export * from './events.js';
export { checkOutboundHost, getSecuritySettings, outboundPolicy, pinOutbound, type SecuritySettingsView } from './security-settings.js';

export const securitySettingsModule: AppModule = {
  name: 'security-settings',
  registerRoutes(app, context) {
    registerSecuritySettingsRoutes(app, context);
  },
};
