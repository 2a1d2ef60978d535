import type { CustomerFieldsReader, TicketFieldsReader } from '../modules/forms/index.js';
import type { TicketSlaReader } from '../modules/tickets/index.js';
import type { StaffNoticePreferences } from '../modules/channels/index.js';
import type { NotificationEmailLinks } from '../modules/notifications/index.js';

/**
 * Read models one module provides to another that cannot import it, because the dependency
 * points the other way: SLA depends on tickets (it follows ticket events), yet ticket views show
 * SLA targets. Each entry names the reader's type, declared by the module that reads it.
 */
export type ReadModelTypes = {
  /** SLA targets of tickets, for ticket views (provided by the SLA module). */
  ticketSla: TicketSlaReader;
  /** The ticket's built-in fields and counts of custom field values, for the field registry (provided by the tickets module). */
  ticketFields: TicketFieldsReader;
  /** Counts of contact and organisation custom field values, for the field registry (provided by the customers module). */
  customerFields: CustomerFieldsReader;
  /** Whether a user wants a ticket notice in WeCom's or DingTalk's app now, for the chat channels (provided by the notifications module). */
  staffNoticePreferences: StaffNoticePreferences;
  /** Links a notification's email carries (an approval's signed 同意 / 驳回), minted at sending (provided by the workflow module). */
  notificationEmailLinks: NotificationEmailLinks;
};

/** The read models of one app, provided at boot (AppModule.registerJobs). Not a module-level global: tests boot several apps. */
export class ReadModels {
  private readonly providers: Partial<ReadModelTypes> = {};

  provide<K extends keyof ReadModelTypes>(name: K, provider: ReadModelTypes[K]): void {
    if (this.providers[name]) throw new Error(`Read model ${name} is provided twice`);
    this.providers[name] = provider;
  }

  /** The provider, or undefined when no module provides it (e.g. an app without the SLA module). */
  get<K extends keyof ReadModelTypes>(name: K): ReadModelTypes[K] | undefined {
    return this.providers[name];
  }
}
