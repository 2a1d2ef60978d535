/** Public surface of the customers module (foundation: requester contacts). */
import type { AppModule } from '../../app/context.js';

export { findOrCreateContact, getContactsByIds, type ContactRef, type ContactView } from './contacts.js';
export { normaliseEmail, normalisePhone } from './contact-identity.js';

export const customersModule: AppModule = { name: 'customers' };
