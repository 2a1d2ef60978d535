import type { EventCause } from '../../jobs/event-definition.js';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { Conflict, Forbidden, Invalid } from '../../app/errors.js';
import type { Database } from '../../db/database.js';
import { recordEvent } from '../../jobs/events.js';
import { ticketMessageAdded } from './events.js';
import { can, type Actor } from '../auth/index.js';
import { findVisibleTicketForUpdate } from './get-ticket.js';
import { ReplyChannels } from '../../app/reply-channels.js';
import { translate } from '../../app/i18n/catalogue.js';
import { planReply, replyWayState, type ReplyWay } from './reply-route.js';
import { ticketAttachments, ticketEvents, ticketMessages, tickets } from './schema.js';

export type NewMessage = {
  body: string;
  internal?: boolean;
  attachmentIds?: string[];
  /** A phone call the agent logs (direction, duration, recording, …): kept as `meta.call` on a public `phone` message, never delivered. */
  call?: Record<string, unknown>;
  /** The way the agent chose for a public reply (see planReply); without it, the planned way. */
  via?: ReplyWay;
};
export type MessageRow = typeof ticketMessages.$inferSelect;

/**
 * Add a public reply or an internal note, with attachments uploaded beforehand. An agent's first
 * public reply sets `firstResponseAt`, and a reply to a `new` ticket opens it. Internal notes
 * change neither. A reply on a delivering channel (email, WeChat, …) is `queued`: that channel's
 * job sends it on `ticket.message_added` (`deliver: true`) and reports back with recordDelivery.
 * `replyChannels` says which channels can deliver now (the app's; without it none can).
 */
export async function addMessage(database: Database, actor: Actor, ticketId: string, input: NewMessage, replyChannels: ReplyChannels = new ReplyChannels(), how: { cause?: EventCause } = {}): Promise<MessageRow> {
  const internal = input.internal ?? false;
  if (!can(actor, internal ? 'tickets.note' : 'tickets.reply')) throw new Forbidden();
  return database.transaction(async (tx) => {
    const ticket = await findVisibleTicketForUpdate(tx, actor, ticketId);
    if (ticket.status === 'closed') throw new Conflict('ticket.closed_readonly');
    const now = new Date();
    // A note stays in the console; a reply goes out where the customer will read it: the way the
    // agent chose, else the planned one (which falls back to a way that works).
    const channel = internal ? 'agent' : input.call ? 'phone' : (input.via ?? (await planReply(tx, replyChannels, ticket)).via);
    // A reply for a channel that cannot deliver it now is failed at once, with the reason, rather
    // than queued for a sender that will never come.
    const delivering = replyChannels.delivers(channel);
    const blocked = !internal && !input.call && delivering ? await replyWayState(tx, replyChannels, ticket, channel) : null;
    // A way around the ticket's channel (a template message, an SMS) is only ever the agent's own
    // choice: when it cannot go, say so at the field instead of storing a reply that failed.
    if (blocked && !blocked.ready && replyChannels.isAlternative(channel)) throw new Invalid('validation.failed', {}, [{ path: 'via', code: blocked.reason ?? 'reply.channel_not_configured' }]);
    const failure = blocked && !blocked.ready ? `${translate('zh-CN', blocked.reason ?? 'reply.channel_not_configured')} / ${translate('en', blocked.reason ?? 'reply.channel_not_configured')}` : null;
    const deliver = delivering && !failure;
    const [message] = await tx
      .insert(ticketMessages)
      .values({ id: uuidv7(), ticketId: ticket.id, authorUserId: actor.id, internal, body: input.body, channel, meta: input.call ? { call: input.call } : {}, deliveryStatus: failure ? 'failed' : deliver ? 'queued' : null, deliveryError: failure, createdAt: now })
      .returning();

    const attachmentIds = [...new Set(input.attachmentIds ?? [])];
    if (attachmentIds.length) {
      const linked = await tx
        .update(ticketAttachments)
        .set({ messageId: message!.id })
        .where(and(inArray(ticketAttachments.id, attachmentIds), eq(ticketAttachments.ticketId, ticket.id), isNull(ticketAttachments.messageId)))
        .returning({ id: ticketAttachments.id });
      if (linked.length !== attachmentIds.length) throw new Invalid('validation.failed', {}, [{ path: 'attachmentIds', code: 'attachment.not_on_ticket' }]);
    }

    const opens = !internal && ticket.status === 'new';
    await tx
      .update(tickets)
      .set({
        updatedAt: now,
        ...(!internal && !ticket.firstResponseAt && { firstResponseAt: now }),
        ...(opens && { status: 'open' as const, version: sql`${tickets.version} + 1` }),
      })
      .where(eq(tickets.id, ticket.id));
    await tx.insert(ticketEvents).values([
      { id: uuidv7(), ticketId: ticket.id, actorId: actor.id, type: 'message_added', messageId: message!.id, newValue: { internal }, createdAt: now },
      ...(failure ? [{ id: uuidv7(), ticketId: ticket.id, actorId: null, type: 'delivery_changed', oldValue: null, newValue: { messageId: message!.id, status: 'failed', channel, error: failure }, createdAt: now }] : []),
      ...(opens ? [{ id: uuidv7(), ticketId: ticket.id, actorId: actor.id, type: 'field_changed', field: 'status', oldValue: 'new', newValue: 'open', createdAt: now }] : []),
    ]);
    await recordEvent(tx, ticketMessageAdded, {
      aggregateId: ticket.id,
      // An agent's by default; a rule's note says `rule:<id>` (`how.cause`).
      cause: how.cause ?? 'agent',
      actorId: actor.id,
      payload: { messageId: message!.id, internal, channel, deliver, authorUserId: actor.id, attachmentIds },
    });
    return message!;
  });
}
