import type { ReadModels } from '../../app/read-models.js';
import type { Db } from '../../db/database.js';
import { can, type Actor } from '../auth/index.js';
import { getContactsByIds, type ContactView } from '../customers/index.js';
import { tickets } from './schema.js';
import type { TicketSlaEntry } from './ticket-sla.js';
import type { TicketStatus } from './ticket-status.js';

export type TicketRow = typeof tickets.$inferSelect;

/** What the caller may do with this ticket, so clients hide buttons without copying the rules. */
export type TicketAbilities = { update: boolean; changeStatus: boolean; reply: boolean; note: boolean; reopen: boolean };

export type TicketView = Omit<TicketRow, 'requesterId'> & {
  requester: ContactView | null;
  abilities: TicketAbilities;
  /** The ticket's SLA targets (empty: no SLA applies), from the SLA module's read extension. */
  sla: TicketSlaEntry[];
};

export function abilitiesFor(actor: Actor, status: TicketStatus): TicketAbilities {
  const open = status !== 'closed';
  return {
    update: open && can(actor, 'tickets.update'),
    changeStatus: open && can(actor, 'tickets.change_status'),
    reply: open && can(actor, 'tickets.reply'),
    note: open && can(actor, 'tickets.note'),
    reopen: status === 'resolved' && can(actor, 'tickets.change_status'),
  };
}

/**
 * Rows → API views, loading every requester in one query. SLA targets come from the SLA module's
 * read model on the app context (none provided, e.g. a tickets-only app: every ticket has `sla: []`).
 */
export async function presentTickets(db: Db, actor: Actor, rows: TicketRow[], readModels: ReadModels): Promise<TicketView[]> {
  const requesterIds = [...new Set(rows.map((r) => r.requesterId).filter((id): id is string => Boolean(id)))];
  const contacts = await getContactsByIds(db, requesterIds);
  const slaReader = readModels.get('ticketSla');
  const sla = slaReader && rows.length ? await slaReader.summaries(db, rows.map((r) => r.id)) : new Map<string, TicketSlaEntry[]>();
  return rows.map(({ requesterId, ...row }) => ({
    ...row,
    requester: requesterId ? (contacts.get(requesterId) ?? null) : null,
    abilities: abilitiesFor(actor, row.status),
    sla: sla.get(row.id) ?? [],
  }));
}

export async function presentTicket(db: Db, actor: Actor, row: TicketRow, readModels: ReadModels): Promise<TicketView> {
  return (await presentTickets(db, actor, [row], readModels))[0]!;
}
