import type { SQL } from 'drizzle-orm';
import type { Db } from '../db/database.js';

/**
 * The tickets table as a contributed filter may name it: its `id` column as SQL, so a condition
 * can correlate (`exists (select 1 from process_tokens where ticket_id = ${ticketId} …)`) without
 * importing the tickets module's schema.
 */
export type TicketListColumns = { ticketId: SQL };

/** A value the filter refuses: a message key in both catalogues (the contributing module adds it) and its parameters. */
export type ListFilterRefusal = { code: string; params?: Record<string, string | number> };

export type ListFilterCondition = { ok: true; condition: SQL } | { ok: false; refusal: ListFilterRefusal };

/**
 * A filter of the ticket list (GET /tickets, its export) that another module contributes, because
 * what it filters by lives in that module's tables: the workflow module's `stage=<processId>:<stageId>`.
 * The condition must be served by an index of the contributor's tables: the list adds it to its
 * keyset walk like any built-in filter.
 */
export type TicketListFilter = {
  /** One line for the OpenAPI document: what the parameter's value is. */
  description: string;
  /** Reads through `db` (the request's), may refuse the value (a 400 naming the parameter). */
  condition(db: Db, value: string, on: TicketListColumns): Promise<ListFilterCondition>;
};

/** A parameter name: a plain camel-case word, as the list's own (`teamId`, `sla`). */
const filterNamePattern = /^[a-z][a-zA-Z0-9]{0,39}$/;

/**
 * The ticket list's contributed filters, by query parameter name. Modules add theirs in
 * registerJobs; the tickets module reads them when it registers its routes (and refuses a name
 * that is one of its own parameters). One instance per app (in AppContext), never a module global.
 */
export class TicketListFilters {
  private readonly filters = new Map<string, TicketListFilter>();

  register(name: string, filter: TicketListFilter): void {
    if (!filterNamePattern.test(name)) throw new Error(`Ticket list filter ${name} must be a camel-case word`);
    if (this.filters.has(name)) throw new Error(`Ticket list filter ${name} is registered twice`);
    this.filters.set(name, filter);
  }

  get(name: string): TicketListFilter | undefined {
    return this.filters.get(name);
  }

  /** Every registered filter with its name, in registration order. */
  entries(): Array<[string, TicketListFilter]> {
    return [...this.filters.entries()];
  }
}
