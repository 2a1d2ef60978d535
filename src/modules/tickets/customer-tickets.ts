import { and, asc, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { NotFound } from '../../app/errors.js';
import type { Db } from '../../db/database.js';
import { listFieldFacts } from '../forms/index.js';
import { getUserNames } from '../auth/index.js';
import { ticketAttachments, ticketEvents, ticketMessages, tickets } from './schema.js';
import type { TicketStatus } from './ticket-status.js';

/**
 * What a customer may read of the tickets they (or, for organisation admins, their organisation)
 * asked: the customer-facing fields only. Internal notes, tags, assignee, team, priority, delivery
 * state and message meta (email headers, call recordings) never leave this file. Every read is
 * scoped by `requesterIds`, so another customer's ticket is simply not found.
 */
export type CustomerTicketSummary = { id: string; number: string; subject: string; status: TicketStatus; channel: string; createdAt: Date; updatedAt: Date };

export type CustomerAttachment = { id: string; filename: string; contentType: string; size: number };

export type CustomerTicketEntry =
  | {
      kind: 'message';
      id: string;
      createdAt: Date;
      channel: string;
      author: { kind: 'customer'; name: string | null } | { kind: 'agent'; name: string };
      body: string;
      /** Sanitised HTML of a rich message (an email's), shown only on request in a sandboxed frame. */
      bodyHtml: string | null;
      /** The customer's message that made the ticket (its text is also the description). */
      opening: boolean;
      /** Taken down by an agent during a call (phone intake): shown as "电话报修，客服代录", not as the customer's own words. */
      enteredByAgent: boolean;
      attachments: CustomerAttachment[];
    }
  | { kind: 'status'; id: string; createdAt: Date; from: TicketStatus | null; to: TicketStatus };

export type CustomerTicket = CustomerTicketSummary & {
  description: string;
  requesterId: string | null;
  /** Custom values of fields marked customer-visible, by key. */
  fields: Record<string, unknown>;
  attachments: CustomerAttachment[];
  entries: CustomerTicketEntry[];
};

const summaryColumns = {
  id: tickets.id,
  number: tickets.number,
  subject: tickets.subject,
  status: tickets.status,
  channel: tickets.channel,
  createdAt: tickets.createdAt,
  updatedAt: tickets.updatedAt,
};

export async function listCustomerTickets(db: Db, requesterIds: readonly string[], page: { before?: string; limit: number }): Promise<{ items: CustomerTicketSummary[]; nextCursor: string | null }> {
  if (requesterIds.length === 0) return { items: [], nextCursor: null };
  const conditions = [inArray(tickets.requesterId, [...requesterIds])];
  if (page.before) conditions.push(sql`${tickets.id} < ${page.before}::uuid`);
  const rows = await db.select(summaryColumns).from(tickets).where(and(...conditions)).orderBy(desc(tickets.id)).limit(page.limit + 1);
  const items = rows.slice(0, page.limit);
  return { items, nextCursor: rows.length > page.limit ? items.at(-1)!.id : null };
}

/** Ids are UUIDs; a customer may also type the number printed on their confirmation. */
function ticketKey(idOrNumber: string) {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(idOrNumber) ? eq(tickets.id, idOrNumber) : eq(tickets.number, idOrNumber);
}

/** The ticket's id when one of these contacts asked it; else 404 (the same answer as "no such ticket"). */
export async function findCustomerTicketId(db: Db, requesterIds: readonly string[], idOrNumber: string): Promise<{ id: string; status: TicketStatus }> {
  if (requesterIds.length === 0) throw new NotFound('ticket.not_found');
  const [row] = await db.select({ id: tickets.id, status: tickets.status }).from(tickets).where(and(ticketKey(idOrNumber), inArray(tickets.requesterId, [...requesterIds])));
  if (!row) throw new NotFound('ticket.not_found');
  return row;
}

/**
 * Attachments a customer may download: on public messages, or sent with the ticket itself by a
 * customer (tickets made before the opening message existed, where the backfill has not run).
 */
const customerVisibleAttachment = or(
  sql`${ticketAttachments.messageId} in (select id from ticket_messages m where m.ticket_id = ${ticketAttachments.ticketId} and not m.internal)`,
  and(isNull(ticketAttachments.messageId), isNull(ticketAttachments.uploadedBy)),
);

export async function getCustomerTicket(db: Db, requesterIds: readonly string[], idOrNumber: string): Promise<CustomerTicket> {
  const { id } = await findCustomerTicketId(db, requesterIds, idOrNumber);
  const [ticket] = await db.select({ ...summaryColumns, description: tickets.description, requesterId: tickets.requesterId, fields: tickets.fields }).from(tickets).where(eq(tickets.id, id));
  const messages = await db
    .select({ id: ticketMessages.id, channel: ticketMessages.channel, body: ticketMessages.body, bodyHtml: ticketMessages.bodyHtml, authorUserId: ticketMessages.authorUserId, authorContactId: ticketMessages.authorContactId, createdAt: ticketMessages.createdAt, enteredByAgent: sql<boolean>`(${ticketMessages.meta} -> 'enteredBy') is not null` })
    .from(ticketMessages)
    .where(and(eq(ticketMessages.ticketId, id), eq(ticketMessages.internal, false)))
    .orderBy(asc(ticketMessages.createdAt), asc(ticketMessages.id));
  const attachments = await db
    .select({ id: ticketAttachments.id, messageId: ticketAttachments.messageId, filename: ticketAttachments.filename, contentType: ticketAttachments.contentType, size: ticketAttachments.size })
    .from(ticketAttachments)
    .where(and(eq(ticketAttachments.ticketId, id), customerVisibleAttachment))
    .orderBy(asc(ticketAttachments.createdAt));
  const statusChanges = await db
    .select({ id: ticketEvents.id, oldValue: ticketEvents.oldValue, newValue: ticketEvents.newValue, createdAt: ticketEvents.createdAt })
    .from(ticketEvents)
    .where(and(eq(ticketEvents.ticketId, id), eq(ticketEvents.type, 'field_changed'), eq(ticketEvents.field, 'status')));
  const [created] = await db.select({ messageId: ticketEvents.messageId }).from(ticketEvents).where(and(eq(ticketEvents.ticketId, id), eq(ticketEvents.type, 'created')));
  const names = await getUserNames(db, messages.map((m) => m.authorUserId).filter((v): v is string => Boolean(v)));
  const files = (messageId: string | null) => attachments.filter((a) => a.messageId === messageId).map(({ messageId: _m, ...a }) => a);

  const entries: CustomerTicketEntry[] = [
    ...messages.map((m): CustomerTicketEntry => ({
      kind: 'message',
      id: m.id,
      createdAt: m.createdAt,
      channel: m.channel,
      author: m.authorUserId ? { kind: 'agent', name: agentDisplayName(names.get(m.authorUserId) ?? '') } : { kind: 'customer', name: null },
      body: m.body,
      bodyHtml: m.bodyHtml,
      opening: m.id === created?.messageId,
      enteredByAgent: m.enteredByAgent,
      attachments: files(m.id),
    })),
    ...statusChanges.map((e): CustomerTicketEntry => ({ kind: 'status', id: e.id, createdAt: e.createdAt, from: (e.oldValue as TicketStatus | null) ?? null, to: e.newValue as TicketStatus })),
  ].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
  return { ...ticket!, fields: await customerVisibleValues(db, ticket!.fields), attachments: files(null), entries };
}

/** A customer sees the values of customer-visible fields only (a field's definition says so). */
async function customerVisibleValues(db: Db, values: Record<string, unknown>): Promise<Record<string, unknown>> {
  if (Object.keys(values).length === 0) return {};
  const visible = new Set((await listFieldFacts(db, 'ticket')).filter((field) => field.customerVisible).map((field) => field.key));
  return Object.fromEntries(Object.entries(values).filter(([key]) => visible.has(key)));
}

/**
 * How an agent is named to customers: the first word of their name only ("Li Na" → "Li"; a
 * Chinese name without spaces keeps its surname, "张伟" → "张"), never their email or full name.
 */
export function agentDisplayName(name: string): string {
  const first = name.trim().split(/\s+/)[0] ?? '';
  return /^[\p{Script=Han}]+$/u.test(first) ? first.slice(0, 1) : first;
}

/** An attachment a customer may download, or 404. */
export async function getCustomerAttachment(db: Db, requesterIds: readonly string[], attachmentId: string): Promise<{ filename: string; contentType: string; sha256: string }> {
  if (requesterIds.length === 0) throw new NotFound('attachment.not_found');
  const [row] = await db
    .select({ filename: ticketAttachments.filename, contentType: ticketAttachments.contentType, sha256: ticketAttachments.sha256 })
    .from(ticketAttachments)
    .innerJoin(tickets, eq(tickets.id, ticketAttachments.ticketId))
    .where(and(eq(ticketAttachments.id, attachmentId), inArray(tickets.requesterId, [...requesterIds]), customerVisibleAttachment));
  if (!row) throw new NotFound('attachment.not_found');
  return row;
}

/** The requester's newest ticket still being worked (new, open or pending): where a call or message joins. */
export async function findOpenTicketOfRequester(db: Db, requesterId: string): Promise<string | null> {
  const [row] = await db
    .select({ id: tickets.id })
    .from(tickets)
    .where(and(eq(tickets.requesterId, requesterId), inArray(tickets.status, ['new', 'open', 'pending'])))
    .orderBy(desc(tickets.updatedAt), desc(tickets.id))
    .limit(1);
  return row?.id ?? null;
}

/** What a notice about a ticket needs: its number, subject, requester and (optionally) one public message's text. */
export async function findTicketBrief(db: Db, ticketId: string, messageId?: string): Promise<{ id: string; number: string; subject: string; requesterId: string | null; messageBody: string | null } | null> {
  const [ticket] = await db.select({ id: tickets.id, number: tickets.number, subject: tickets.subject, requesterId: tickets.requesterId }).from(tickets).where(eq(tickets.id, ticketId));
  if (!ticket) return null;
  const [message] = messageId
    ? await db.select({ body: ticketMessages.body }).from(ticketMessages).where(and(eq(ticketMessages.id, messageId), eq(ticketMessages.ticketId, ticketId), eq(ticketMessages.internal, false)))
    : [];
  return { ...ticket, messageBody: message?.body ?? null };
}
