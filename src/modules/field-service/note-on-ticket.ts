import type { Tx } from '../../db/database.js';
import { recordEvent } from '../../jobs/events.js';
import type { Actor } from '../auth/index.js';
import { recordTicketActivity } from '../tickets/index.js';
import { ticketVisitsChanged } from './events.js';

/**
 * What a work order's change leaves on its ticket, in the change's transaction: a line on the
 * ticket's timeline (`work_order`, with what the console shows) and an event on the ticket's
 * aggregate, so open ticket pages refresh live.
 */
export async function noteOnTicket(tx: Tx, actor: Actor, order: { id: string; number: string; ticketId: string }, at: Date, cause: 'agent' | 'system', detail: Record<string, unknown>): Promise<void> {
  await recordTicketActivity(tx, { ticketId: order.ticketId, type: 'work_order', actorId: actor.id, at, detail: { workOrderId: order.id, number: order.number, ...detail } });
  await recordEvent(tx, ticketVisitsChanged, { aggregateId: order.ticketId, cause, actorId: actor.id, payload: { workOrderId: order.id, number: order.number } });
}
