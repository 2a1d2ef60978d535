import type { Clock } from '../../app/clock.js';
import type { ReplyChannelProbe, ReplyChannelState } from '../../app/reply-channels.js';
import type { Db } from '../../db/database.js';
import { kfCustomer, kfThreadOf } from './kf-customers.js';

/**
 * 微信客服's session rule (kf/send_msg): within 48 hours after the customer's last message, at most
 * 5 messages; the customer writing again opens a new window. The same shape as WeChat's.
 */
export const replyWindowHours = 48;
export const messagesPerWindow = 5;

export type KfWindowReason = 'wecom.window_closed' | 'wecom.window_exhausted';
export type KfWindow = { open: true; endsAt: Date; remaining: number } | { open: false; reason: KfWindowReason };

export function kfWindowState(customer: { lastInboundAt: Date | null; sentInWindow: number }, now: Date): KfWindow {
  if (!customer.lastInboundAt) return { open: false, reason: 'wecom.window_closed' };
  const endsAt = new Date(customer.lastInboundAt.getTime() + replyWindowHours * 3_600_000);
  if (endsAt.getTime() <= now.getTime()) return { open: false, reason: 'wecom.window_closed' };
  const remaining = messagesPerWindow - customer.sentInWindow;
  return remaining > 0 ? { open: true, endsAt, remaining } : { open: false, reason: 'wecom.window_exhausted' };
}

/**
 * Whether 微信客服 can carry a reply on this ticket now: the ticket talks to a customer of an
 * enabled account whose window is open with messages left. The composer and the ticket header show
 * the window; outside it the plan says why and offers the other ways.
 */
export function wecomReplyProbe(
  clock: Clock,
  accountState: (db: Db, accountId: string) => Promise<{ enabled: boolean; sandbox: boolean } | null>,
  anyAccount: (db: Db, kind: string) => Promise<boolean>,
): ReplyChannelProbe {
  return async (db, target): Promise<ReplyChannelState> => {
    const thread = await kfThreadOf(db, target.ticketId);
    if (!thread) return { ready: false, reason: (await anyAccount(db, 'wecom')) ? 'wecom.no_customer' : 'reply.channel_not_configured' };
    const account = await accountState(db, thread.accountId);
    if (!account?.enabled) return { ready: false, reason: 'wecom.account_disabled' };
    const customer = await kfCustomer(db, thread);
    const state = kfWindowState(customer ?? { lastInboundAt: null, sentInWindow: 0 }, clock.now());
    if (!state.open) return { ready: false, reason: state.reason };
    return { ready: true, to: thread.externalUserId, window: { endsAt: state.endsAt, remainingMessages: state.remaining, sandbox: account.sandbox } };
  };
}
