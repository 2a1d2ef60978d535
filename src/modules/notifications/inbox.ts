import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { Invalid, NotFound } from '../../app/errors.js';
import { translate, type Locale } from '../../app/i18n/catalogue.js';
import type { Database, Db } from '../../db/database.js';
import { recordEvent } from '../../jobs/events.js';
import type { Actor } from '../auth/index.js';
import { findTicketBriefs } from '../tickets/index.js';
import { notificationsRead } from './events.js';
import type { NotificationKind, NotificationMessage } from './notification-kinds.js';
import { notifications } from './schema.js';

export type NotificationView = { id: string; kind: NotificationKind; ticketId: string | null; title: string; cause: string; createdAt: Date; readAt: Date | null };
export type NotificationPage = { items: NotificationView[]; nextCursor: string | null; unreadCount: number };

export const readerLocale = (locale: string): Locale => (locale === 'en' ? 'en' : 'zh-CN');

export type TicketFacts = { number: string; subject: string };

/**
 * The message in the reader's language: a catalogue key translated, or the rule's own text. A
 * ticket's number and subject are read when the message is shown, not copied into the row, so an
 * edited or redacted subject never lives on in notifications (`ticket`: the ticket as it is now).
 */
export function messageText(message: NotificationMessage, locale: Locale, ticket?: TicketFacts): string {
  return 'key' in message ? translate(locale, message.key, { ...message.params, ...ticket }) : message.texts[locale];
}

/** Number and subject of the notifications' tickets as they are now, in one query. */
export async function ticketFactsOf(db: Db, rows: ReadonlyArray<{ ticketId: string | null }>): Promise<Map<string, TicketFacts>> {
  return findTicketBriefs(db, [...new Set(rows.flatMap((row) => (row.ticketId ? [row.ticketId] : [])))]);
}

const present = (row: typeof notifications.$inferSelect, locale: Locale, tickets: Map<string, TicketFacts>): NotificationView => ({
  id: row.id,
  kind: row.kind,
  ticketId: row.ticketId,
  title: messageText(row.message, locale, row.ticketId ? tickets.get(row.ticketId) : undefined),
  cause: row.cause,
  createdAt: row.createdAt,
  readAt: row.readAt,
});

/** The cursor: the last row's time and id (keyset, newest first). */
function encodeCursor(row: { createdAt: Date; id: string }): string {
  return Buffer.from(`${row.createdAt.toISOString()}|${row.id}`, 'utf8').toString('base64url');
}
function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const createdAt = new Date(at ?? '');
  if (!id || !/^[0-9a-f-]{36}$/i.test(id) || Number.isNaN(createdAt.getTime())) throw new Invalid('validation.failed', {}, [{ path: 'cursor', code: 'notifications.invalid_cursor' }]);
  return { createdAt, id };
}

export async function unreadCount(db: Db, userId: string): Promise<number> {
  const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(notifications).where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.count ?? 0;
}

/**
 * The caller's notifications, newest first, one keyset page (the ORDER BY spells the indexes'
 * `desc nulls last`, so either index is walked, not sorted), with the unread count.
 */
export async function listNotifications(db: Db, actor: Actor, filter: { unread: boolean; limit: number; cursor?: string }): Promise<NotificationPage> {
  const after = filter.cursor ? decodeCursor(filter.cursor) : undefined;
  const rows = await db
    .select()
    .from(notifications)
    .where(
      and(
        eq(notifications.userId, actor.id),
        filter.unread ? isNull(notifications.readAt) : undefined,
        after ? sql`(${notifications.createdAt}, ${notifications.id}) < (${after.createdAt.toISOString()}::timestamptz, ${after.id}::uuid)` : undefined,
      ),
    )
    .orderBy(sql`${notifications.createdAt} desc nulls last`, sql`${notifications.id} desc nulls last`)
    .limit(filter.limit + 1);
  const page = rows.slice(0, filter.limit);
  const locale = readerLocale(actor.locale);
  const tickets = await ticketFactsOf(db, page);
  return {
    items: page.map((row) => present(row, locale, tickets)),
    nextCursor: rows.length > filter.limit ? encodeCursor(page.at(-1)!) : null,
    unreadCount: await unreadCount(db, actor.id),
  };
}

/** Marks one of the caller's notifications read (another user's is not found). */
export async function markRead(database: Database, actor: Actor, id: string, now: Date): Promise<{ unreadCount: number }> {
  return database.transaction(async (tx) => {
    const [row] = await tx.select({ readAt: notifications.readAt }).from(notifications).where(and(eq(notifications.id, id), eq(notifications.userId, actor.id)));
    if (!row) throw new NotFound('notifications.not_found');
    if (!row.readAt) {
      await tx.update(notifications).set({ readAt: now }).where(eq(notifications.id, id));
      await recordEvent(tx, notificationsRead, { aggregateId: actor.id, cause: 'agent', actorId: actor.id, payload: { notificationIds: [id] } });
    }
    return { unreadCount: await unreadCount(tx, actor.id) };
  });
}

/** Marks all the caller's notifications read. */
export async function markAllRead(database: Database, actor: Actor, now: Date): Promise<{ marked: number; unreadCount: number }> {
  return database.transaction(async (tx) => {
    const marked = await tx.update(notifications).set({ readAt: now }).where(and(eq(notifications.userId, actor.id), isNull(notifications.readAt))).returning({ id: notifications.id });
    if (marked.length) await recordEvent(tx, notificationsRead, { aggregateId: actor.id, cause: 'agent', actorId: actor.id, payload: { all: true } });
    return { marked: marked.length, unreadCount: 0 };
  });
}

/** The notifications of several ids, for the email and digest jobs (no reader check: the worker's). */
export async function loadNotifications(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db.select().from(notifications).where(inArray(notifications.id, [...ids]));
}
