import { byStatusAndMonth, tableExporter, type DataExporters } from '../../app/data-exporters.js';
import { contactIdentities, contacts, customerRecords, customerTiers, organizations } from './schema.js';

/** Organisations, contacts (custom field values in `fields`), their phones/emails/channel ids, tiers, external records. */
export function registerCustomerExports(exporters: DataExporters): void {
  exporters.register(tableExporter('customer_tiers', customerTiers, { keys: [customerTiers.key] }));
  exporters.register(tableExporter('organizations', organizations, { keys: [organizations.id], summarise: byStatusAndMonth }));
  exporters.register(tableExporter('contacts', contacts, { keys: [contacts.id], summarise: byStatusAndMonth }));
  exporters.register(tableExporter('contact_identities', contactIdentities, { keys: [contactIdentities.id] }));
  exporters.register(tableExporter('customer_records', customerRecords, { keys: [customerRecords.id] }));
}
