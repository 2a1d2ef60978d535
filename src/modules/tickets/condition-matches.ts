import { desc, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import type { Actor } from '../auth/index.js';
import { tickets } from './schema.js';
import { visibleTo } from './visibility.js';

export type ConditionMatches = { count: number; sample: Array<{ id: string; number: string; subject: string }> };

/**
 * The tickets `actor` may see that satisfy `where` (a condition compiled over the tickets table by
 * the condition language's `compileCondition`): how many, and the newest `sampleSize` of them. What
 * a rule's preview ("现在会匹配 N 张工单") shows, with the same visibility as every list.
 */
export async function ticketsMatching(db: Db, actor: Actor, where: SQL, sampleSize = 10): Promise<ConditionMatches> {
  const condition = sql`${where} and ${visibleTo(actor)}`;
  const [counted] = await db.select({ count: sql<number>`count(*)::int` }).from(tickets).where(condition);
  const sample = await db.select({ id: tickets.id, number: tickets.number, subject: tickets.subject }).from(tickets).where(condition).orderBy(desc(tickets.createdAt), desc(tickets.id)).limit(sampleSize);
  return { count: counted?.count ?? 0, sample };
}
