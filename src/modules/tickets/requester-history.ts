import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { ReadModels } from '../../app/read-models.js';
import type { Db } from '../../db/database.js';
import { getUserNames, type Actor } from '../auth/index.js';
import { ticketAttachments, ticketMessages, tickets } from './schema.js';
import { presentTickets, type TicketView } from './ticket-view.js';
import { visibleTo } from './visibility.js';

/**
 * What the customer 360° view reads from tickets: a customer's tickets and their messages across
 * every channel, limited to what the caller may see.
 */

/** Open tickets first (newest activity first), then solved and closed ones. */
export async function listRequesterTickets(db: Db, actor: Actor, requesterIds: string[], limit: number, readModels: ReadModels): Promise<{ items: TicketView[]; counts: { open: number; total: number } }> {
  if (requesterIds.length === 0) return { items: [], counts: { open: 0, total: 0 } };
  const where = and(inArray(tickets.requesterId, requesterIds), visibleTo(actor));
  const solved = sql`${tickets.status} in ('resolved', 'closed')`;
  const rows = await db.select().from(tickets).where(where).orderBy(solved, desc(tickets.updatedAt), desc(tickets.id)).limit(limit);
  const [counts] = await db.select({ total: sql<number>`count(*)::int`, open: sql<number>`(count(*) filter (where not ${solved}))::int` }).from(tickets).where(where);
  return { items: await presentTickets(db, actor, rows, readModels), counts: { open: Number(counts?.open ?? 0), total: Number(counts?.total ?? 0) } };
}

export type CustomerMessage = {
  id: string;
  ticket: { id: string; number: string; subject: string; status: string };
  channel: string;
  internal: boolean;
  /** Who wrote it: the customer, or an agent (named). */
  author: { kind: 'customer' } | { kind: 'agent'; id: string; name: string } | { kind: 'system' };
  body: string;
  attachmentCount: number;
  createdAt: Date;
};

const previewLength = 2000;

/**
 * The unified timeline: every message on the customer's visible tickets, newest first, whatever
 * channel it came by. Keyset-paged by message id (UUIDv7, so time-ordered). Long bodies are cut
 * (the ticket page has the whole text).
 */
export async function listRequesterMessages(db: Db, actor: Actor, requesterIds: string[], page: { before?: string; limit: number }): Promise<{ items: CustomerMessage[]; nextCursor: string | null }> {
  if (requesterIds.length === 0) return { items: [], nextCursor: null };
  const conditions = [inArray(tickets.requesterId, requesterIds), visibleTo(actor)];
  if (page.before) conditions.push(sql`${ticketMessages.id} < ${page.before}::uuid`);
  const rows = await db
    .select({
      id: ticketMessages.id,
      ticketId: tickets.id,
      number: tickets.number,
      subject: tickets.subject,
      status: tickets.status,
      channel: ticketMessages.channel,
      internal: ticketMessages.internal,
      authorUserId: ticketMessages.authorUserId,
      authorContactId: ticketMessages.authorContactId,
      body: sql<string>`left(${ticketMessages.body}, ${previewLength})`,
      attachmentCount: sql<number>`(select count(*)::int from ${ticketAttachments} a where a.message_id = ${ticketMessages.id})`,
      createdAt: ticketMessages.createdAt,
    })
    .from(ticketMessages)
    .innerJoin(tickets, eq(tickets.id, ticketMessages.ticketId))
    .where(and(...conditions))
    .orderBy(desc(ticketMessages.id))
    .limit(page.limit + 1);
  const pageRows = rows.slice(0, page.limit);
  const names = await getUserNames(db, pageRows.map((r) => r.authorUserId).filter((id): id is string => Boolean(id)));
  return {
    items: pageRows.map((r) => ({
      id: r.id,
      ticket: { id: r.ticketId, number: r.number, subject: r.subject, status: r.status },
      channel: r.channel,
      internal: r.internal,
      author: r.authorUserId ? { kind: 'agent', id: r.authorUserId, name: names.get(r.authorUserId) ?? '' } : r.authorContactId ? { kind: 'customer' } : { kind: 'system' },
      body: r.body,
      attachmentCount: Number(r.attachmentCount),
      createdAt: r.createdAt,
    })),
    nextCursor: rows.length > page.limit ? pageRows.at(-1)!.id : null,
  };
}

/**
 * Everything tickets hold about a person, for a data-access request: every ticket they asked
 * (visible or not), with the public messages and attachment names. Internal notes are staff
 * working papers and are left out.
 */
export async function exportRequesterTickets(db: Db, requesterIds: string[]) {
  if (requesterIds.length === 0) return [];
  const rows = await db.select().from(tickets).where(inArray(tickets.requesterId, requesterIds)).orderBy(tickets.createdAt);
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const messages = await db.select().from(ticketMessages).where(and(inArray(ticketMessages.ticketId, ids), eq(ticketMessages.internal, false))).orderBy(ticketMessages.createdAt);
  const attachments = await db.select({ messageId: ticketAttachments.messageId, filename: ticketAttachments.filename, contentType: ticketAttachments.contentType, size: ticketAttachments.size }).from(ticketAttachments).where(inArray(ticketAttachments.ticketId, ids));
  return rows.map((t) => ({
    number: t.number,
    subject: t.subject,
    description: t.description,
    status: t.status,
    channel: t.channel,
    createdAt: t.createdAt,
    resolvedAt: t.resolvedAt,
    closedAt: t.closedAt,
    messages: messages
      .filter((m) => m.ticketId === t.id)
      .map((m) => ({
        from: m.authorContactId ? 'customer' : 'agent',
        channel: m.channel,
        body: m.body,
        createdAt: m.createdAt,
        attachments: attachments.filter((a) => a.messageId === m.id).map(({ filename, contentType, size }) => ({ filename, contentType, size })),
      })),
  }));
}
