import { and, desc, eq, isNotNull } from 'drizzle-orm';
import type { Tx } from '../../db/database.js';
import { getContactsByIds } from '../customers/index.js';
import { ticketMessages } from './schema.js';
import type { TicketRow } from './ticket-view.js';

/** Channels that carry an agent's reply back to the customer (a job sends it, then reports). */
export const deliveringChannels: ReadonlySet<string> = new Set(['email', 'wechat', 'wecom', 'dingtalk']);

/**
 * Where an agent's public reply goes: the channel the customer last wrote on (else the one the
 * ticket came by) when that channel can deliver; a ticket that came by phone or a web form is
 * answered by email when the requester has an address. Anything else stays on the ticket, which
 * the customer reads in the portal.
 */
export async function replyChannelOf(tx: Tx, ticket: TicketRow): Promise<string> {
  const [last] = await tx
    .select({ channel: ticketMessages.channel })
    .from(ticketMessages)
    .where(and(eq(ticketMessages.ticketId, ticket.id), isNotNull(ticketMessages.authorContactId)))
    .orderBy(desc(ticketMessages.createdAt))
    .limit(1);
  const used = last?.channel ?? ticket.channel;
  if (deliveringChannels.has(used) || used === 'portal') return used;
  if (ticket.requesterId) {
    const requester = (await getContactsByIds(tx, [ticket.requesterId])).get(ticket.requesterId);
    if (requester?.email) return 'email';
  }
  return 'portal';
}
