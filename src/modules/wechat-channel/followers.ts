import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { wechatFollowers } from './schema.js';

export type FollowerKey = { accountId: string; openid: string };

/**
 * A lease on one follower's processing (60 s, renewed by nothing: a message takes far less), so
 * two workers never thread the same follower's messages at once and both open a ticket. A job
 * that finds the lease held fails and retries with the queue's backoff.
 */
export async function leaseFollower(database: Database, key: FollowerKey): Promise<boolean> {
  return database.transaction(async (tx) => {
    await tx.insert(wechatFollowers).values(key).onConflictDoNothing();
    const leased = await tx
      .update(wechatFollowers)
      .set({ processingUntil: sql`now() + interval '60 seconds'` })
      .where(and(eq(wechatFollowers.accountId, key.accountId), eq(wechatFollowers.openid, key.openid), or(isNull(wechatFollowers.processingUntil), lt(wechatFollowers.processingUntil, sql`now()`))))
      .returning({ openid: wechatFollowers.openid });
    return leased.length === 1;
  });
}

export async function releaseFollower(database: Database, key: FollowerKey): Promise<void> {
  await database.transaction((tx) => tx.update(wechatFollowers).set({ processingUntil: null }).where(and(eq(wechatFollowers.accountId, key.accountId), eq(wechatFollowers.openid, key.openid))));
}

/**
 * A follower wrote (at `at`, WeChat's CreateTime): the 48-hour window starts again with 5 messages.
 * An older message processed late moves nothing.
 */
export async function recordFollowerMessage(database: Database, key: FollowerKey, at: Date, facts: { contactId?: string | null; unionid?: string | null; subscribed?: boolean }): Promise<void> {
  await database.transaction(async (tx) => {
    const [row] = await tx.select().from(wechatFollowers).where(and(eq(wechatFollowers.accountId, key.accountId), eq(wechatFollowers.openid, key.openid))).for('update');
    const newer = !row?.lastInboundAt || row.lastInboundAt.getTime() < at.getTime();
    await tx
      .update(wechatFollowers)
      .set({
        ...(newer && { lastInboundAt: at, sentInWindow: 0 }),
        ...(facts.contactId && { contactId: facts.contactId }),
        ...(facts.unionid && { unionid: facts.unionid }),
        ...(facts.subscribed !== undefined && { subscribed: facts.subscribed }),
      })
      .where(and(eq(wechatFollowers.accountId, key.accountId), eq(wechatFollowers.openid, key.openid)));
  });
}
