import { byStatusAndMonth, tableExporter, type DataExporters, type ExportFile, type ExportRow } from '../../app/data-exporters.js';
import type { AttachmentStore } from './attachment-store.js';
import { ticketAttachments, ticketCategories, ticketEvents, ticketMessages, ticketPriorities, tickets } from './schema.js';

/**
 * Tickets (custom field values in `fields`), their messages, timelines (ticket_events: every change
 * with its old and new value) and attachments with their files; categories and priorities.
 */
export function registerTicketExports(exporters: DataExporters, store: AttachmentStore): void {
  exporters.register(tableExporter('ticket_priorities', ticketPriorities, { keys: [ticketPriorities.key] }));
  exporters.register(tableExporter('ticket_categories', ticketCategories, { keys: [ticketCategories.id] }));
  exporters.register(tableExporter('tickets', tickets, { keys: [tickets.id], summarise: byStatusAndMonth }));
  exporters.register(tableExporter('messages', ticketMessages, { keys: [ticketMessages.id], summarise: byStatusAndMonth }));
  exporters.register(tableExporter('ticket_events', ticketEvents, { keys: [ticketEvents.id] }));
  exporters.register(tableExporter('attachments', ticketAttachments, { keys: [ticketAttachments.id], file: storedFile(store) }));
}

/** The file of an attachment row (`id`, `filename`, `sha256`) in the installation's attachment store. */
export function storedFile(store: AttachmentStore): (row: ExportRow) => ExportFile | undefined {
  return (row) => {
    const { id, filename, sha256 } = row;
    if (typeof id !== 'string' || typeof filename !== 'string' || typeof sha256 !== 'string') return undefined;
    return { id, filename, open: async () => (await store.open(sha256)).stream };
  };
}
