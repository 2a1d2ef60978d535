import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { getUserNames, type Actor } from '../auth/index.js';
import { getContactsByIds } from '../customers/index.js';
import { getVisibleTicket } from './get-ticket.js';
import { fieldReadability } from './ticket-view.js';
import { ticketAttachments, ticketEvents, ticketMessages, type DeliveryStatus } from './schema.js';

export type TimelineEntry = {
  id: string;
  type: string;
  createdAt: Date;
  actor: { id: string; name: string } | null;
  field: string | null;
  oldValue: unknown;
  newValue: unknown;
  message: {
    id: string;
    body: string;
    bodyHtml: string | null;
    internal: boolean;
    channel: string;
    /** The customer who wrote it (inbound); agents are the entry's actor. */
    authorContact: { id: string; name: string } | null;
    deliveryStatus: DeliveryStatus | null;
    deliveryError: string | null;
    meta: Record<string, unknown>;
    attachments: Array<{ id: string; filename: string; contentType: string; size: number }>;
  } | null;
};

/**
 * The ticket's history, oldest first: creation, field changes (old → new), messages and notes
 * with their attachments. Keyset-paged by (createdAt, id).
 */
export async function getTimeline(
  db: Db,
  actor: Actor,
  ticketId: string,
  page: { after?: string; limit: number },
): Promise<{ items: TimelineEntry[]; nextCursor: string | null }> {
  const ticket = await getVisibleTicket(db, actor, ticketId);
  const conditions = [eq(ticketEvents.ticketId, ticket.id)];
  if (page.after) conditions.push(sql`${ticketEvents.id} > ${page.after}::uuid`);
  // Event ids are UUIDv7 (time-ordered), so id order is creation order.
  const events = await db.select().from(ticketEvents).where(and(...conditions)).orderBy(asc(ticketEvents.id)).limit(page.limit + 1);
  const pageEvents = await withoutUnreadableValues(db, actor, events.slice(0, page.limit));

  const messageIds = pageEvents.map((e) => e.messageId).filter((id): id is string => Boolean(id));
  const messages = messageIds.length ? await db.select().from(ticketMessages).where(inArray(ticketMessages.id, messageIds)) : [];
  const attachments = messageIds.length ? await db.select().from(ticketAttachments).where(inArray(ticketAttachments.messageId, messageIds)) : [];
  const names = await getUserNames(db, pageEvents.map((e) => e.actorId).filter((id): id is string => Boolean(id)));
  const authors = await getContactsByIds(db, [...new Set(messages.map((m) => m.authorContactId).filter((id): id is string => Boolean(id)))]);

  const items = pageEvents.map((event): TimelineEntry => {
    const message = event.messageId ? messages.find((m) => m.id === event.messageId) : undefined;
    return {
      id: event.id,
      type: event.type,
      createdAt: event.createdAt,
      actor: event.actorId ? { id: event.actorId, name: names.get(event.actorId) ?? '' } : null,
      field: event.field,
      oldValue: event.oldValue,
      newValue: event.newValue,
      message: message
        ? {
            id: message.id,
            body: message.body,
            bodyHtml: message.bodyHtml,
            internal: message.internal,
            channel: message.channel,
            authorContact: message.authorContactId ? { id: message.authorContactId, name: authors.get(message.authorContactId)?.name ?? '' } : null,
            deliveryStatus: message.deliveryStatus,
            deliveryError: message.deliveryError,
            meta: message.meta,
            attachments: attachments.filter((a) => a.messageId === message.id).map(({ id, filename, contentType, size }) => ({ id, filename, contentType, size })),
          }
        : null,
    };
  });
  return { items, nextCursor: events.length > page.limit ? events[page.limit - 1]!.id : null };
}

type EventRow = typeof ticketEvents.$inferSelect;
const customValuesOf = (value: unknown): Record<string, unknown> | null =>
  value && typeof value === 'object' && 'fields' in value && value.fields && typeof value.fields === 'object' ? Object.fromEntries(Object.entries(value.fields)) : null;

/**
 * A custom field the caller's role may not read stays out of the timeline as out of the ticket
 * view: its change entries (`fields.<key>`) are left out, its value out of the `created` entry.
 */
async function withoutUnreadableValues(db: Db, actor: Actor, events: EventRow[]): Promise<EventRow[]> {
  if (!events.some((e) => e.field?.startsWith('fields.') || customValuesOf(e.newValue))) return events;
  const readable = await fieldReadability(db, actor);
  return events
    .filter((e) => !e.field?.startsWith('fields.') || readable(e.field.slice('fields.'.length)))
    .map((e) => {
      const values = customValuesOf(e.newValue);
      if (!values || typeof e.newValue !== 'object') return e;
      return { ...e, newValue: { ...e.newValue, fields: Object.fromEntries(Object.entries(values).filter(([key]) => readable(key))) } };
    });
}
