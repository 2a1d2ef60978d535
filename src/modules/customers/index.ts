/** Public surface of the customers module: organisations, contacts, identities, external records. */
import type { AppModule } from '../../app/context.js';
import { registerContactRoutes } from './contact-routes.js';
import { customerFieldsReader } from './customer-fields.js';
import { registerOrganizationRoutes } from './organization-routes.js';
import { registerRecordRoutes } from './record-routes.js';
import { registerTierRoutes } from './tier-routes.js';
import { registerCustomerExports } from './data-export.js';

/** Its domain events (names, versions, payloads), for subscribers. */
export * from './events.js';
export { addIdentity, createContact, findOrCreateContact, lookupContact, getContact, getContactsByIds, mergedContactIds, contactIdsOfOrganization, type ContactRef, type IdentityInput } from './contacts.js';
export type { ContactDetail, ContactSummary } from './contact-views.js';
export { contactLocale, localeOfAttributes } from './contact-locale.js';
/** The requester's account manager (客户经理), for process stages and approvers. */
export { accountManagerOf } from './account-manager.js';
/** The name tickets used before organisations existed. */
export type { ContactSummary as ContactView } from './contact-views.js';
export { createOrganization, getOrganization, type OrganizationView } from './organizations.js';
export { listRecords, upsertRecord, type RecordRow } from './records.js';
export { deleteContact, type ContactUsage } from './privacy.js';
/** Writes of the data import (imports module): many at once, the import's cause on every event, undoable. */
export * from './contact-import.js';
export * from './organization-import.js';
export { normaliseEmail, normalisePhone, formatPhone } from './identity-values.js';
export { identityKinds, type IdentityKind } from './identity-kinds.js';
export { listContacts as listContactSummaries, searchContacts } from './contact-search.js';
export { customerHistory } from './history.js';
export { judgeImportedFields, type FieldReader } from './customer-fields.js';
export { contactSchema, contactSummarySchema, customerRecordSchema, organizationSchema, identityKindSchema } from './http-schemas.js';

export const customersModule: AppModule = {
  name: 'customers',
  registerJobs({ readModels, dataExporters }) {
    registerCustomerExports(dataExporters);
    // The field registry asks how many contacts or organisations hold a value before deleting a field.
    readModels.provide('customerFields', customerFieldsReader);
  },
  registerRoutes(app, context) {
    registerContactRoutes(app, context);
    registerOrganizationRoutes(app, context);
    registerRecordRoutes(app, context);
    registerTierRoutes(app, context);
  },
};
