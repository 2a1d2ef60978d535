import { and, eq, type SQL } from 'drizzle-orm';
import { NotFound } from '../../app/errors.js';
import type { Db, Tx } from '../../db/database.js';
import type { Actor } from '../auth/index.js';
import { tickets } from './schema.js';
import { ticketNumberPattern } from './ticket-number.js';
import type { TicketRow } from './ticket-view.js';
import { visibleTo } from './visibility.js';

export const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function byIdOrNumber(idOrNumber: string): SQL | undefined {
  if (uuidPattern.test(idOrNumber)) return eq(tickets.id, idOrNumber);
  if (ticketNumberPattern.test(idOrNumber)) return eq(tickets.number, idOrNumber);
  return undefined;
}

/** A ticket the actor may see, by id or human number; invisible and missing look the same (404). */
export async function getVisibleTicket(db: Db, actor: Actor, idOrNumber: string): Promise<TicketRow> {
  const match = byIdOrNumber(idOrNumber);
  if (!match) throw new NotFound('ticket.not_found');
  const [row] = await db.select().from(tickets).where(and(match, visibleTo(actor)));
  if (!row) throw new NotFound('ticket.not_found');
  return row;
}

/** Same, locking the row for the rest of the transaction. */
export async function findVisibleTicketForUpdate(tx: Tx, actor: Actor, ticketId: string): Promise<TicketRow> {
  const match = byIdOrNumber(ticketId);
  if (!match) throw new NotFound('ticket.not_found');
  const [row] = await tx.select().from(tickets).where(and(match, visibleTo(actor))).for('update');
  if (!row) throw new NotFound('ticket.not_found');
  return row;
}

