/** Public surface of the tickets module. */
import type { AppModule } from '../../app/context.js';
import { teamDeleted } from '../auth/index.js';
import { contactAnonymized, contactMerged } from '../customers/index.js';
import { fieldArchived, fieldChanged, fieldCreated, fieldDeleted } from '../forms/index.js';
import { handleFieldIndexEvent } from './custom-field-indexes.js';
import { attachmentStoreIn } from './attachment-store.js';
import { ticketFieldsReader } from './builtin-fields.js';
import { registerMessageRoutes } from './message-routes.js';
import { registerTicketNameRoutes } from './ticket-names.js';
import { registerCustomerCardRoutes } from './customer-card.js';
import { registerPresenceRoutes } from './presence-routes.js';
import { reindexStaleSearch } from './reindex-stale-search.js';
import { handleTicketIndexJobs } from './search-index.js';
import { registerTaxonomyRoutes } from './taxonomy-routes.js';
import { handleContactAnonymized, handleContactMerged } from './requester-events.js';
import { handleTeamDeleted } from './team-deleted.js';
import { ticketCreated, ticketMessageAdded, ticketUpdated } from './events.js';
import { registerTicketRoutes } from './ticket-routes.js';
import { registerTicketChannelRoutes } from './ticket-channel-routes.js';
import { registerActorNameRoutes } from './actor-name-routes.js';
import { registerViewRoutes } from './view-routes.js';
import { registerExportRoutes } from './export/export-routes.js';
import { registerTicketExports } from './data-export.js';

/** Its domain events (names, versions, payloads), for subscribers. */
export * from './events.js';
/** The streaming Excel/CSV writers (formula-safe, CSV with a byte order mark), which reports' exports share. */
export { csvWriter, xlsxWriter, type SpreadsheetWriter } from './export/spreadsheet-writers.js';
export { createTicket, type NewTicket } from './create-ticket.js';
export { updateTicket, type TicketChanges, type UpdateHow } from './update-ticket.js';
export { previewTicketUpdate, type TicketChangeEntry } from './preview-ticket-update.js';
export { addMessage, type NewMessage } from './add-message.js';
export { receiveInboundMessage, type InboundChannel, type InboundMessage, type InboundAttachment, type InboundResult } from './receive-inbound-message.js';
export { recordDelivery, type DeliveryResult } from './record-delivery.js';
export { getDeliverableMessage, type DeliverableMessage } from './deliverable-message.js';
export { AttachmentStore, attachmentStoreIn, type StoredFile } from './attachment-store.js';
/** A row of a module's attachment table (`id`, `filename`, `sha256`) as a file of the full export. */
export { storedFile } from './data-export.js';
export { uploadAttachment } from './attachments.js';
export { sendAttachment } from './send-attachment.js';
export { getVisibleTicket } from './get-ticket.js';
export { listTickets, type TicketFilter } from './list-tickets.js';
export type { TicketFilters } from './ticket-filters.js';
export { ticketSorts, type TicketSort } from './ticket-sort.js';
export { bulkUpdateTickets, type BulkChanges, type BulkResult } from './bulk-update-tickets.js';
export { filterVisibleTicketIds, visibleTo } from './visibility.js';
export { grantTicketSight, revokeTicketSight } from './ticket-sight.js';
export { ticketsMatching, type ConditionMatches } from './condition-matches.js';
export { indexTicket, indexTickets } from './search-index.js';
export { importTicketHistories, type PastTicket, type PastStep, type PastChanges, type ImportedHistory } from './import-ticket-history.js';
export type { PastAttachment } from './import-attachments.js';
export { writeImportedTickets, removeImportedTickets, importedChannel, type ImportedTicket, type ImportedMessage, type ImportedAttachment, type ImportedTicketRefusal } from './imported-tickets.js';
export { createCategory } from './categories.js';
export { assertTicketReferences } from './references.js';
export { listPriorities } from './priorities.js';
export type { TicketRow, TicketView } from './ticket-view.js';
export { ticketStatuses, type TicketStatus } from './ticket-status.js';
export { exportRequesterTickets, listRequesterMessages, listRequesterTickets, type CustomerMessage } from './requester-history.js';
export { listCustomerTickets, getCustomerTicket, getCustomerAttachment, findCustomerTicketId, findOpenTicketOfRequester, findTicketBrief, agentDisplayName, type CustomerTicket, type CustomerTicketSummary, type CustomerTicketEntry } from './customer-tickets.js';
export { closeTicketByRequester } from './close-by-requester.js';
export { listCategories } from './categories.js';
export { countTicketsOfRequesters } from './requester-events.js';
export { createTicketFields, ticketSchema } from './http-schemas.js';
export { builtinTicketDescriptors } from './builtin-fields.js';
export { presentTicket } from './ticket-view.js';
export { ticketTemplateValues, type TicketVariableOptions } from './ticket-variables.js';
export { getTicketSnapshot, getTicketSnapshots, recordTicketActivity, type TicketSnapshot } from './ticket-activity.js';
export { findTicketBriefs } from './ticket-briefs.js';
export { listAnchoredTickets, type AnchorQuery, type AnchoredCursor, type AnchoredTicket } from './anchored-tickets.js';
export { setTicketSlaDueAt, setTicketsSlaDueAt, slaTargetKinds, slaTimerStates, type TicketSlaEntry, type TicketSlaReader } from './ticket-sla.js';


export const ticketsModule: AppModule = {
  name: 'tickets',
  registerJobs({ jobs, readModels, channels, config, dataExporters }) {
    registerTicketExports(dataExporters, attachmentStoreIn(config.OPENCSM_DATA_DIR));
    readModels.provide('ticketFields', ticketFieldsReader(channels));
    jobs.subscribeBatch([ticketCreated, ticketUpdated, ticketMessageAdded], 'tickets.index', handleTicketIndexJobs, { perAggregate: true });
    jobs.pollDueRows('tickets.search_reindex', reindexStaleSearch);
    jobs.subscribe(teamDeleted, 'tickets.team_deleted', handleTeamDeleted);
    jobs.subscribe(contactMerged, 'tickets.contact_merged', handleContactMerged);
    jobs.subscribe(contactAnonymized, 'tickets.contact_anonymized', handleContactAnonymized);
    // The index behind each filterable custom field, built outside the admin's request.
    jobs.subscribe(fieldCreated, 'tickets.custom_field_index', handleFieldIndexEvent);
    jobs.subscribe(fieldChanged, 'tickets.custom_field_index', handleFieldIndexEvent);
    jobs.subscribe(fieldArchived, 'tickets.custom_field_index', handleFieldIndexEvent);
    jobs.subscribe(fieldDeleted, 'tickets.custom_field_index', handleFieldIndexEvent);
  },
  registerRoutes(app, context) {
    const store = attachmentStoreIn(context.config.OPENCSM_DATA_DIR);
    registerTicketRoutes(app, context);
    registerTicketChannelRoutes(app, context);
    registerActorNameRoutes(app, context);
    registerViewRoutes(app, context);
    registerExportRoutes(app, context);
    registerMessageRoutes(app, context, store);
    registerTaxonomyRoutes(app, context);
    registerPresenceRoutes(app, context);
    registerTicketNameRoutes(app, context);
    registerCustomerCardRoutes(app, context);
  },
};
