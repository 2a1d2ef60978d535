import { eq } from 'drizzle-orm';
import type { Database, Db } from '../../db/database.js';
import type { FollowerKey } from './followers.js';
import { wechatTicketThreads } from './schema.js';

/** The ticket talks to this follower (the latest follower to write on it). */
export async function recordTicketThread(database: Database, ticketId: string, key: FollowerKey): Promise<void> {
  await database.transaction((tx) => tx.insert(wechatTicketThreads).values({ ticketId, ...key }).onConflictDoUpdate({ target: wechatTicketThreads.ticketId, set: key }));
}

export async function ticketThread(db: Db, ticketId: string): Promise<FollowerKey | null> {
  const [row] = await db.select({ accountId: wechatTicketThreads.accountId, openid: wechatTicketThreads.openid }).from(wechatTicketThreads).where(eq(wechatTicketThreads.ticketId, ticketId));
  return row ?? null;
}
