import { and, asc, eq } from 'drizzle-orm';
import { NotFound } from '../../app/errors.js';
import type { Database, Db } from '../../db/database.js';
import { recordEvent } from '../../jobs/events.js';
import { getUser, type Actor } from '../auth/index.js';
import { channelStaffLinkRemoved, channelStaffLinkSet } from './events.js';
import { channelAccounts, channelStaffLinks } from './schema.js';

/**
 * Which member of a channel's directory (per corp, hence with the account of that corp) a user is:
 * WeCom's 成员账号, DingTalk's userid. The channel's app sends that member the user's ticket
 * notifications; a user without a link gets none. One table for every channel kind.
 */
export type StaffLink = { userId: string; externalUserId: string; accountId: string; updatedAt: Date };

const columns = { userId: channelStaffLinks.userId, externalUserId: channelStaffLinks.externalUserId, accountId: channelStaffLinks.accountId, updatedAt: channelStaffLinks.updatedAt };

export async function listStaffLinks(db: Db, kind: string): Promise<StaffLink[]> {
  return db.select(columns).from(channelStaffLinks).where(eq(channelStaffLinks.kind, kind)).orderBy(asc(channelStaffLinks.updatedAt));
}

export async function staffLinkOf(db: Db, kind: string, userId: string): Promise<StaffLink | null> {
  const [row] = await db.select(columns).from(channelStaffLinks).where(and(eq(channelStaffLinks.kind, kind), eq(channelStaffLinks.userId, userId)));
  return row ?? null;
}

/** Links (or relinks) a user; the account must be one of this channel's. */
export async function setStaffLink(database: Database, kind: string, actor: Actor, userId: string, input: { externalUserId: string; accountId: string }, now: Date): Promise<StaffLink> {
  await getUser(database.db, userId);
  const [account] = await database.db.select({ id: channelAccounts.id }).from(channelAccounts).where(and(eq(channelAccounts.id, input.accountId), eq(channelAccounts.kind, kind)));
  if (!account) throw new NotFound('channel.account_not_found');
  return database.transaction(async (tx) => {
    const values = { kind, userId, externalUserId: input.externalUserId, accountId: input.accountId, updatedAt: now, updatedBy: actor.id };
    await tx.insert(channelStaffLinks).values(values).onConflictDoUpdate({ target: [channelStaffLinks.kind, channelStaffLinks.userId], set: values });
    await recordEvent(tx, channelStaffLinkSet, { aggregateId: userId, cause: 'agent', actorId: actor.id, payload: { kind, externalUserId: input.externalUserId, accountId: input.accountId } });
    return { userId, externalUserId: input.externalUserId, accountId: input.accountId, updatedAt: now };
  });
}

/** `notFound`: the channel's own message key for a user without a link. */
export async function removeStaffLink(database: Database, kind: string, actor: Actor, userId: string, notFound: string): Promise<void> {
  await database.transaction(async (tx) => {
    const removed = await tx.delete(channelStaffLinks).where(and(eq(channelStaffLinks.kind, kind), eq(channelStaffLinks.userId, userId))).returning({ userId: channelStaffLinks.userId });
    if (!removed[0]) throw new NotFound(notFound);
    await recordEvent(tx, channelStaffLinkRemoved, { aggregateId: userId, cause: 'agent', actorId: actor.id, payload: { kind } });
  });
}
