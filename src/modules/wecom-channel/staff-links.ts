import type { Database, Db } from '../../db/database.js';
import type { Actor } from '../auth/index.js';
import { listStaffLinks as listLinks, removeStaffLink as removeLink, setStaffLink as setLink, staffLinkOf as linkOf, type StaffLink as ChannelStaffLink } from '../channels/index.js';

/**
 * Which WeCom member (成员账号 / userid, per corp: so with the account of that corp) a user is,
 * in the channel platform's one table of staff links (kind `wecom`). The self-built app's
 * notifications go to that member; a user without a link gets none. The API keeps its WeCom words.
 */
export type StaffLink = { userId: string; wecomUserId: string; accountId: string; updatedAt: Date };

const asWecom = (link: ChannelStaffLink): StaffLink => ({ userId: link.userId, wecomUserId: link.externalUserId, accountId: link.accountId, updatedAt: link.updatedAt });

export async function listStaffLinks(db: Db): Promise<StaffLink[]> {
  return (await listLinks(db, 'wecom')).map(asWecom);
}

export async function staffLinkOf(db: Db, userId: string): Promise<StaffLink | null> {
  const link = await linkOf(db, 'wecom', userId);
  return link && asWecom(link);
}

export async function setStaffLink(database: Database, actor: Actor, userId: string, input: { wecomUserId: string; accountId: string }, now: Date): Promise<StaffLink> {
  return asWecom(await setLink(database, 'wecom', actor, userId, { externalUserId: input.wecomUserId, accountId: input.accountId }, now));
}

export async function removeStaffLink(database: Database, actor: Actor, userId: string): Promise<void> {
  await removeLink(database, 'wecom', actor, userId, 'wecom.user_not_found');
}
