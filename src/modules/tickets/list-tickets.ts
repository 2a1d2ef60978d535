import { and, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { Invalid } from '../../app/errors.js';
import type { Db } from '../../db/database.js';
import { searchQuery } from '../../search/segment.js';
import type { Actor } from '../auth/index.js';
import { ticketSearch, tickets } from './schema.js';
import type { TicketStatus } from './ticket-status.js';
import type { TicketRow } from './ticket-view.js';
import { uuidPattern } from './get-ticket.js';
import { visibleTo } from './visibility.js';

export type TicketFilter = {
  status?: TicketStatus[];
  priority?: string[];
  teamId?: string;
  /** A user id, or `none` for unassigned tickets. */
  assigneeId?: string;
  tag?: string;
  requesterId?: string;
  /** Full-text query in Chinese or English; results are then ranked by relevance. */
  q?: string;
  cursor?: string;
  limit: number;
};

type Cursor = { u: string; i: string } | { r: number; i: string };

/**
 * Keyset pagination in a stable order: most recently updated first (id breaks ties), or by
 * relevance when searching. The cursor is opaque to clients.
 */
export async function listTickets(db: Db, actor: Actor, filter: TicketFilter): Promise<{ items: TicketRow[]; nextCursor: string | null }> {
  const conditions: SQL[] = [visibleTo(actor)];
  if (filter.status?.length) conditions.push(sql`${tickets.status} in (${sql.join(filter.status.map((s) => sql`${s}`), sql`, `)})`);
  if (filter.priority?.length) conditions.push(sql`${tickets.priority} in (${sql.join(filter.priority.map((p) => sql`${p}`), sql`, `)})`);
  if (filter.teamId) conditions.push(eq(tickets.teamId, filter.teamId));
  if (filter.assigneeId === 'none') conditions.push(isNull(tickets.assigneeId));
  else if (filter.assigneeId) conditions.push(eq(tickets.assigneeId, filter.assigneeId));
  if (filter.tag) conditions.push(sql`${tickets.tags} @> array[${filter.tag.trim().toLowerCase()}]::text[]`);
  if (filter.requesterId) conditions.push(eq(tickets.requesterId, filter.requesterId));
  const cursor = filter.cursor ? decodeCursor(filter.cursor) : undefined;
  // A search cursor continues a search and a list cursor a list; mixed up, the walk would restart.
  if (cursor && ('r' in cursor) !== Boolean(filter.q)) throw invalidCursor();
  const query = filter.q ? searchQuery(filter.q) : undefined;

  if (filter.q) {
    if (!query) return { items: [], nextCursor: null };
    const rank = sql<number>`ts_rank(${ticketSearch.document}, ${query}::tsquery)`;
    conditions.push(sql`${ticketSearch.document} @@ ${query}::tsquery`);
    if (cursor && 'r' in cursor) conditions.push(sql`(${rank}, ${tickets.id}) < (${cursor.r}::real, ${cursor.i}::uuid)`);
    const rows = await db
      .select({ ticket: tickets, rank })
      .from(tickets)
      .innerJoin(ticketSearch, eq(ticketSearch.ticketId, tickets.id))
      .where(and(...conditions))
      .orderBy(desc(rank), desc(tickets.id))
      .limit(filter.limit + 1);
    const page = rows.slice(0, filter.limit);
    const last = page.at(-1);
    return { items: page.map((r) => r.ticket), nextCursor: rows.length > filter.limit && last ? encodeCursor({ r: last.rank, i: last.ticket.id }) : null };
  }

  if (cursor && 'u' in cursor) conditions.push(sql`(${tickets.updatedAt}, ${tickets.id}) < (${cursor.u}::timestamptz, ${cursor.i}::uuid)`);
  const rows = await db.select().from(tickets).where(and(...conditions)).orderBy(desc(tickets.updatedAt), desc(tickets.id)).limit(filter.limit + 1);
  const page = rows.slice(0, filter.limit);
  const last = page.at(-1);
  return { items: page, nextCursor: rows.length > filter.limit && last ? encodeCursor({ u: last.updatedAt.toISOString(), i: last.id }) : null };
}

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;

/** Cursors come back from clients: anything but what we issued is a 400, never a database error. */
function decodeCursor(raw: string): Cursor {
  try {
    const parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Record<string, unknown>;
    const id = typeof parsed.i === 'string' && uuidPattern.test(parsed.i) ? parsed.i : undefined;
    if (id && typeof parsed.u === 'string' && isoInstant.test(parsed.u) && !Number.isNaN(Date.parse(parsed.u))) return { u: parsed.u, i: id };
    // ts_rank scores are small non-negative reals.
    if (id && typeof parsed.r === 'number' && Number.isFinite(parsed.r) && parsed.r >= 0 && parsed.r < 1e6 && (parsed.r === 0 || parsed.r > 1e-30)) return { r: parsed.r, i: id };
  } catch {
    /* fall through */
  }
  throw invalidCursor();
}

function invalidCursor(): Invalid {
  return new Invalid('validation.failed', {}, [{ path: 'cursor', code: 'validation.invalid' }]);
}
