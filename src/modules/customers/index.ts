/** Public surface of the customers module (foundation: requester contacts). */
import type { AppModule } from '../../app/context.js';
import { registerContactRoutes } from './contact-routes.js';

export { findOrCreateContact, getContactsByIds, type ContactRef, type ContactView } from './contacts.js';
export { normaliseEmail, normalisePhone } from './contact-identity.js';
export { searchContacts } from './contact-search.js';

export const customersModule: AppModule = {
  name: 'customers',
  registerRoutes(app, context) {
    registerContactRoutes(app, context);
  },
};
