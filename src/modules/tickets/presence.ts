import { and, eq, gt, lte, ne, sql } from 'drizzle-orm';
import { queryRows, type Database, type Db, type Tx } from '../../db/database.js';
import { announcePresence } from '../../realtime/presence-signal.js';
import { getUserNames, type Actor } from '../auth/index.js';
import { getVisibleTicket } from './get-ticket.js';
import { ticketViewers } from './schema.js';

/**
 * Who else has a ticket open. Each browser tab renews its row with a heartbeat; a row is live for
 * `viewerTtlSeconds` after its last one. Changes (a tab joins or leaves, `composing` flips, a row
 * expires) are announced to live streams, not recorded as domain events: presence is not history.
 */
export const viewerTtlSeconds = 30;
/** Rows of tickets nobody views any more are swept, by whichever process renews presence next. */
const sweepEveryMs = 60_000;

export type Viewer = { userId: string; name: string; composing: boolean };

let lastSweep = 0;

/** Renew (or start) the caller's presence on a ticket from one tab; returns the other viewers. */
export async function renewPresence(database: Database, actor: Actor, ticketIdOrNumber: string, tabId: string, composing: boolean | undefined): Promise<Viewer[]> {
  const ticket = await getVisibleTicket(database.db, actor, ticketIdOrNumber);
  await sweepExpired(database);
  return database.transaction(async (tx) => {
    const [row] = await queryRows<{ previous: boolean | null; current: boolean }>(tx, sql`
      with previous as (
        select composing from ${ticketViewers}
        where ticket_id = ${ticket.id} and user_id = ${actor.id} and tab_id = ${tabId} and expires_at > now()
      ), renewed as (
        insert into ${ticketViewers} (ticket_id, user_id, tab_id, composing, expires_at)
        values (${ticket.id}, ${actor.id}, ${tabId}, coalesce(${composing ?? null}::boolean, false), now() + make_interval(secs => ${viewerTtlSeconds}))
        on conflict (ticket_id, user_id, tab_id) do update set
          composing = coalesce(${composing ?? null}::boolean, case when ${ticketViewers}.expires_at > now() then ${ticketViewers}.composing else false end),
          expires_at = excluded.expires_at
        returning composing)
      select (select composing from previous) as previous, (select composing from renewed) as current`);
    const expired = await tx
      .delete(ticketViewers)
      .where(and(eq(ticketViewers.ticketId, ticket.id), lte(ticketViewers.expiresAt, sql`now()`)))
      .returning({ userId: ticketViewers.userId });
    if (row!.previous === null || row!.previous !== row!.current || expired.length) await announcePresence(tx, ticket.id);
    return otherViewers(tx, ticket.id, actor.id);
  });
}

/** The caller's tab leaves the ticket. */
export async function leavePresence(database: Database, actor: Actor, ticketIdOrNumber: string, tabId: string): Promise<void> {
  const ticket = await getVisibleTicket(database.db, actor, ticketIdOrNumber);
  await database.transaction(async (tx) => {
    const left = await tx
      .delete(ticketViewers)
      .where(and(eq(ticketViewers.ticketId, ticket.id), eq(ticketViewers.userId, actor.id), eq(ticketViewers.tabId, tabId)))
      .returning({ live: sql<boolean>`${ticketViewers.expiresAt} > now()` });
    if (left.some((r) => r.live)) await announcePresence(tx, ticket.id);
  });
}

/** The other users viewing a ticket the caller may see. */
export async function listViewers(database: Database, actor: Actor, ticketIdOrNumber: string): Promise<Viewer[]> {
  const ticket = await getVisibleTicket(database.db, actor, ticketIdOrNumber);
  return otherViewers(database.db, ticket.id, actor.id);
}

/** One entry per user (not per tab): composing when any of their tabs is. */
async function otherViewers(db: Db, ticketId: string, exceptUserId: string): Promise<Viewer[]> {
  const rows = await db
    .select({ userId: ticketViewers.userId, composing: sql<boolean>`bool_or(${ticketViewers.composing})` })
    .from(ticketViewers)
    .where(and(eq(ticketViewers.ticketId, ticketId), ne(ticketViewers.userId, exceptUserId), gt(ticketViewers.expiresAt, sql`now()`)))
    .groupBy(ticketViewers.userId);
  const names = await getUserNames(db, rows.map((r) => r.userId));
  return rows
    .map((r) => ({ userId: r.userId, name: names.get(r.userId) ?? '', composing: Boolean(r.composing) }))
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN') || a.userId.localeCompare(b.userId));
}

/**
 * At most once a minute per process: delete rows expired a while ago (tabs that vanished without
 * leaving, on tickets nobody renews any more), announcing the tickets concerned.
 */
async function sweepExpired(database: Database): Promise<void> {
  const now = Date.now();
  if (now - lastSweep < sweepEveryMs) return;
  lastSweep = now;
  await database.transaction(async (tx: Tx) => {
    const swept = await tx
      .delete(ticketViewers)
      .where(lte(ticketViewers.expiresAt, sql`now() - interval '10 seconds'`))
      .returning({ ticketId: ticketViewers.ticketId });
    for (const ticketId of new Set(swept.map((r) => r.ticketId))) await announcePresence(tx, ticketId);
  });
}
