import type { Db } from '../../db/database.js';
import { accountManagerOf } from '../customers/index.js';
import { getTicketSnapshot } from '../tickets/index.js';

/**
 * The ticket's requester's account manager (客户经理, customers' `accountManagerOf`: the contact's,
 * else their organisation's, an active user), or null (no requester, none set). The one resolver of
 * the `account_manager` rule: stage assignees here, approvers for the approvals.
 */
export async function resolveAccountManager(db: Db, ticketId: string): Promise<string | null> {
  const ticket = await getTicketSnapshot(db, ticketId);
  return ticket?.requesterId ? accountManagerOf(db, ticket.requesterId) : null;
}
