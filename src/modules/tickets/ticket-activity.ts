import { eq, inArray, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Db, Tx } from '../../db/database.js';
import { ticketCategories, ticketEvents, tickets } from './schema.js';
import type { TicketStatus } from './ticket-status.js';

/**
 * An entry on a ticket's timeline written by another module's work (e.g. an SLA warning or an
 * escalation step), inside that module's transaction. `type` names the kind (`sla`), `detail`
 * is shown to agents; the entry has no actor unless a person caused it.
 */
export async function recordTicketActivity(tx: Tx, entry: { ticketId: string; type: string; detail: Record<string, unknown>; actorId?: string | null; at: Date }): Promise<void> {
  await tx.insert(ticketEvents).values({ id: uuidv7(), ticketId: entry.ticketId, actorId: entry.actorId ?? null, type: entry.type, newValue: entry.detail, createdAt: entry.at });
}

/** What other modules (SLA policies) need to know about a ticket, read in one query. */
export type TicketSnapshot = {
  id: string;
  status: TicketStatus;
  priority: string;
  channel: string;
  requesterId: string | null;
  teamId: string | null;
  assigneeId: string | null;
  /** The category and its ancestors; empty without a category. */
  categoryPath: string[];
  createdAt: Date;
  firstResponseAt: Date | null;
  version: number;
  /** For SLA policy conditions over the field registry (absent in imported histories): its type, tags and custom values. */
  typeId?: string | null;
  tags?: string[];
  fields?: Record<string, unknown>;
};

export async function getTicketSnapshot(db: Db | Tx, ticketId: string): Promise<TicketSnapshot | null> {
  return (await getTicketSnapshots(db, [ticketId])).get(ticketId) ?? null;
}

/** The snapshots of several tickets in one query (a batch job's), by id; a ticket that does not exist is absent. */
export async function getTicketSnapshots(db: Db | Tx, ticketIds: readonly string[]): Promise<Map<string, TicketSnapshot>> {
  if (ticketIds.length === 0) return new Map();
  const rows = await db
    .select({
      id: tickets.id,
      status: tickets.status,
      priority: tickets.priority,
      channel: tickets.channel,
      requesterId: tickets.requesterId,
      teamId: tickets.teamId,
      assigneeId: tickets.assigneeId,
      createdAt: tickets.createdAt,
      firstResponseAt: tickets.firstResponseAt,
      version: tickets.version,
      typeId: tickets.typeId,
      tags: tickets.tags,
      fields: tickets.fields,
      categoryPath: sql<string[]>`(
        with recursive path(id, parent_id, depth) as (
          select c.id, c.parent_id, 0 from ${ticketCategories} c where c.id = ${tickets.categoryId}
          union all
          select c.id, c.parent_id, p.depth + 1 from ${ticketCategories} c join path p on c.id = p.parent_id where p.depth < 20)
        select coalesce(array_agg(id::text), '{}') from path)`,
    })
    .from(tickets)
    .where(ticketIds.length === 1 ? eq(tickets.id, ticketIds[0]!) : inArray(tickets.id, [...ticketIds]));
  return new Map(rows.map((row) => [row.id, row]));
}
