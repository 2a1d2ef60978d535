import { asc, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { findTicketBrief } from '../tickets/index.js';
import { assignmentQueue } from './schema.js';

/** 分配看板's queue: the order it is handed out in (most urgent, then oldest), with each ticket's number and subject. */
export async function listQueue(db: Db, filter: { teamId?: string; limit: number; offset: number }) {
  const where = filter.teamId ? eq(assignmentQueue.teamId, filter.teamId) : undefined;
  const rows = await db.select().from(assignmentQueue).where(where).orderBy(desc(assignmentQueue.urgency), asc(assignmentQueue.queuedAt), asc(assignmentQueue.ticketId)).limit(filter.limit).offset(filter.offset);
  const [total] = await db.select({ count: sql<number>`count(*)::int` }).from(assignmentQueue).where(where);
  const briefs = await Promise.all(rows.map((row) => findTicketBrief(db, row.ticketId)));
  const items = rows.flatMap((row, i) => {
    const brief = briefs[i];
    return brief ? [{ ticketId: row.ticketId, number: brief.number, subject: brief.subject, teamId: row.teamId, urgency: row.urgency, reason: row.reason, queuedAt: row.queuedAt }] : [];
  });
  return { items, total: total?.count ?? 0 };
}
