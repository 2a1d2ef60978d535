import type { Database } from '../../db/database.js';
import type { FieldTypes } from '../../app/field-types.js';
import type { Actor } from '../auth/index.js';
import { getVisibleTicket } from './get-ticket.js';
import type { TicketRow } from './ticket-view.js';
import { assertMayChange, planTicketUpdate, type TicketChanges } from './update-ticket.js';

/** One field an update would change, as the timeline would record it (`fields.<key>` for custom values). */
export type TicketChangeEntry = { field: string; from: unknown; to: unknown };

/**
 * What `updateTicket` would change on a ticket the actor sees, judged by the same checks (status
 * transition, the ticket's form for custom values, references) and refused with the same
 * problems, writing nothing. Transition guards (other modules' vetoes) are not asked: the write
 * asks them. Macros preview their actions with it.
 */
export async function previewTicketUpdate(database: Database, actor: Actor, ticketId: string, changes: TicketChanges, how: { fieldTypes: FieldTypes; timeZone?: string }): Promise<{ ticket: TicketRow; changes: TicketChangeEntry[] }> {
  assertMayChange(actor, changes);
  return database.transaction(async (tx) => {
    const before = await getVisibleTicket(tx, actor, ticketId);
    const { next, diffs, custom } = await planTicketUpdate(database, tx, actor, before, changes, { timeZone: how.timeZone ?? 'Asia/Shanghai', now: new Date(), fieldTypes: how.fieldTypes });
    const entries: TicketChangeEntry[] = [...diffs.map((field) => ({ field: field as string, from: before[field], to: next[field] })), ...custom.entries];
    return { ticket: before, changes: entries };
  });
}
