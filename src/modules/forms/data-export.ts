import { tableExporter, type DataExporters } from '../../app/data-exporters.js';
import { customFields, ticketTypes, ticketTypeVersions } from './schema.js';

/** Custom field definitions (ticket, contact, organisation), ticket types and their published form versions. */
export function registerFormExports(exporters: DataExporters): void {
  exporters.register(tableExporter('custom_fields', customFields, { keys: [customFields.id] }));
  exporters.register(tableExporter('ticket_types', ticketTypes, { keys: [ticketTypes.id] }));
  exporters.register(tableExporter('ticket_type_versions', ticketTypeVersions, { keys: [ticketTypeVersions.typeId, ticketTypeVersions.version] }));
}
