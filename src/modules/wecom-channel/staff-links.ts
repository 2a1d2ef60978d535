import { asc, eq } from 'drizzle-orm';
import type { Database, Db } from '../../db/database.js';
import { NotFound } from '../../app/errors.js';
import { recordEvent } from '../../jobs/events.js';
import { getUser, type Actor } from '../auth/index.js';
import { channelAccountState } from '../channels/index.js';
import { wecomStaffLinkRemoved, wecomStaffLinkSet } from './events.js';
import { wecomStaffLinks } from './schema.js';

/**
 * Which WeCom member (成员账号 / userid, per corp: so with the account of that corp) a user is.
 * The self-built app's notifications go to that member; a user without a link gets none.
 */
export type StaffLink = { userId: string; wecomUserId: string; accountId: string; updatedAt: Date };

export async function listStaffLinks(db: Db): Promise<StaffLink[]> {
  return db.select({ userId: wecomStaffLinks.userId, wecomUserId: wecomStaffLinks.wecomUserId, accountId: wecomStaffLinks.accountId, updatedAt: wecomStaffLinks.updatedAt }).from(wecomStaffLinks).orderBy(asc(wecomStaffLinks.updatedAt));
}

export async function staffLinkOf(db: Db, userId: string): Promise<StaffLink | null> {
  const [row] = await db.select({ userId: wecomStaffLinks.userId, wecomUserId: wecomStaffLinks.wecomUserId, accountId: wecomStaffLinks.accountId, updatedAt: wecomStaffLinks.updatedAt }).from(wecomStaffLinks).where(eq(wecomStaffLinks.userId, userId));
  return row ?? null;
}

export async function setStaffLink(database: Database, actor: Actor, userId: string, input: { wecomUserId: string; accountId: string }, now: Date): Promise<StaffLink> {
  await getUser(database.db, userId);
  if (!(await channelAccountState(database.db, input.accountId))) throw new NotFound('channel.account_not_found');
  return database.transaction(async (tx) => {
    const values = { userId, wecomUserId: input.wecomUserId, accountId: input.accountId, updatedAt: now, updatedBy: actor.id };
    await tx.insert(wecomStaffLinks).values(values).onConflictDoUpdate({ target: wecomStaffLinks.userId, set: values });
    await recordEvent(tx, wecomStaffLinkSet, { aggregateId: userId, cause: 'agent', actorId: actor.id, payload: { wecomUserId: input.wecomUserId, accountId: input.accountId } });
    return { userId, wecomUserId: input.wecomUserId, accountId: input.accountId, updatedAt: now };
  });
}

export async function removeStaffLink(database: Database, actor: Actor, userId: string): Promise<void> {
  await database.transaction(async (tx) => {
    const removed = await tx.delete(wecomStaffLinks).where(eq(wecomStaffLinks.userId, userId)).returning({ userId: wecomStaffLinks.userId });
    if (!removed[0]) throw new NotFound('wecom.user_not_found');
    await recordEvent(tx, wecomStaffLinkRemoved, { aggregateId: userId, cause: 'agent', actorId: actor.id, payload: {} });
  });
}
