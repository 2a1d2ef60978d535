import type { EventCause } from '../../jobs/event-definition.js';
import { uuidv7 } from 'uuidv7';
import type { Tx } from '../../db/database.js';
import { recordEvent } from '../../jobs/events.js';
import { ticketCreated } from './events.js';
import { defaultTeamOfCategory } from './categories.js';
import { ticketEvents, ticketMessages, tickets } from './schema.js';
import type { TicketRow } from './ticket-view.js';

export type TicketInsert = Pick<TicketRow, 'id' | 'number' | 'subject' | 'description' | 'status' | 'priority' | 'channel' | 'categoryId' | 'requesterId' | 'teamId' | 'assigneeId' | 'tags'> & {
  createdBy: string | null;
  createdAt: Date;
  /** The ticket type, the form version it follows and its custom values (judged by the caller). */
  typeId?: string | null;
  typeVersion?: number | null;
  fields?: Record<string, unknown>;
  /** The type's key, for the `ticket.created` event. */
  typeKey?: string;
  /** The closed ticket this one follows up (a customer wrote again after it was closed), or the ticket a rule's follow-up links to. */
  followUpOf?: { id: string; number: string };
  /** The cause of a ticket a creator made (default `agent`; a rule's follow-up: `rule:<id>`). */
  cause?: EventCause;
  /**
   * The customer's message that made the ticket (inbound channels): the `created` timeline entry
   * names it, so the timeline shows it with its attachments and HTML. The caller inserts it.
   */
  openingMessageId?: string;
  /** The opening message, when insertTicket is to write it, in the ticket's statement (phone intake). */
  openingMessage?: Omit<typeof ticketMessages.$inferInsert, 'ticketId'>;
};

/**
 * Write a new ticket with its first timeline entry and the `ticket.created` event. Shared by every
 * way a ticket is born (an agent or API call, an inbound channel message), so they stay the same.
 */
export async function insertTicket(tx: Tx, values: TicketInsert): Promise<TicketRow> {
  const { followUpOf, openingMessage, openingMessageId: givenMessageId, typeKey, cause, ...given } = values;
  const openingMessageId = openingMessage?.id ?? givenMessageId;
  // Every way a ticket is born gets the category's team when it names none, so it is routed at once.
  const row = !given.teamId && given.categoryId ? { ...given, teamId: await defaultTeamOfCategory(tx, given.categoryId) } : given;
  // The ticket, its `created` timeline entry and an opening message given here in one statement
  // (issue 15: a round trip fewer per create, two for a phone ticket): the entry and the message
  // are data-modifying CTEs of the ticket's insert. The inserts share the statement's snapshot;
  // foreign keys to the ticket are checked after the statement, when the ticket is there.
  const timelineEntry = tx.$with('timeline_entry').as(
    tx
      .insert(ticketEvents)
      .values({
        id: uuidv7(),
        ticketId: row.id,
        actorId: row.createdBy,
        type: 'created',
        messageId: openingMessageId ?? null,
        newValue: { number: row.number, subject: row.subject, channel: row.channel, ...(followUpOf && { followUpOf: followUpOf.number }), ...(typeKey && { type: typeKey }), ...(row.fields && Object.keys(row.fields).length && { fields: row.fields }) },
        createdAt: row.createdAt,
      })
      .returning({ id: ticketEvents.id }),
  );
  const message = openingMessage && tx.$with('opening_message').as(tx.insert(ticketMessages).values({ ...openingMessage, ticketId: row.id }).returning({ id: ticketMessages.id }));
  const [ticket] = await (message ? tx.with(timelineEntry, message) : tx.with(timelineEntry))
    .insert(tickets)
    .values({ ...row, updatedAt: row.createdAt })
    .returning();
  await recordEvent(tx, ticketCreated, {
    aggregateId: row.id,
    // An agent (or API client) created it, or the customer's message through a channel did.
    ...(row.createdBy ? { cause: cause ?? 'agent', actorId: row.createdBy } : { cause: 'customer', contactId: row.requesterId }),
    payload: { number: row.number, teamId: row.teamId, assigneeId: row.assigneeId, priority: row.priority, channel: row.channel, ...(openingMessageId && { messageId: openingMessageId }), ...(followUpOf && { followUpOf: followUpOf.id }), ...(typeKey && { type: typeKey }), ...(row.fields && Object.keys(row.fields).length && { fields: row.fields }) },
  });
  return ticket!;
}
