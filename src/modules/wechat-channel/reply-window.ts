import { and, eq } from 'drizzle-orm';
import type { ReplyChannelProbe, ReplyChannelState } from '../../app/reply-channels.js';
import type { Clock } from '../../app/clock.js';
import type { Db } from '../../db/database.js';
import { wechatFollowers } from './schema.js';
import { ticketThread } from './ticket-threads.js';

/** The customer-service message rules of an official account: 48 h after the follower's last message, 5 messages. */
export const replyWindowHours = 48;
export const messagesPerWindow = 5;

export type FollowerWindow = { lastInboundAt: Date | null; sentInWindow: number };

/** Open (until when, how many left), or closed with why (an i18n key). */
export function windowState(follower: FollowerWindow, now: Date): { open: true; endsAt: Date; remaining: number } | { open: false; reason: 'wechat.window_closed' | 'wechat.window_exhausted' } {
  if (!follower.lastInboundAt) return { open: false, reason: 'wechat.window_closed' };
  const endsAt = new Date(follower.lastInboundAt.getTime() + replyWindowHours * 3_600_000);
  if (endsAt.getTime() <= now.getTime()) return { open: false, reason: 'wechat.window_closed' };
  const remaining = messagesPerWindow - follower.sentInWindow;
  return remaining > 0 ? { open: true, endsAt, remaining } : { open: false, reason: 'wechat.window_exhausted' };
}

/**
 * Whether WeChat can carry a reply on this ticket now: the ticket talks to a follower of an
 * enabled account, whose window is open with messages left. The composer shows the window; outside
 * it the plan says why and offers the other ways (portal, a call, email when the contact has one).
 */
export function wechatReplyProbe(
  clock: Clock,
  accountEnabled: (db: Db, accountId: string) => Promise<{ enabled: boolean; sandbox: boolean } | null>,
  anyAccount: (db: Db, kind: string) => Promise<boolean>,
): ReplyChannelProbe {
  return async (db, target): Promise<ReplyChannelState> => {
    const thread = await ticketThread(db, target.ticketId);
    // No official account at all is the generic "not configured"; with one, this ticket has no follower to answer.
    if (!thread) return { ready: false, reason: (await anyAccount(db, 'wechat')) ? 'wechat.no_follower' : 'reply.channel_not_configured' };
    const account = await accountEnabled(db, thread.accountId);
    if (!account?.enabled) return { ready: false, reason: 'wechat.account_disabled' };
    const [follower] = await db.select().from(wechatFollowers).where(and(eq(wechatFollowers.accountId, thread.accountId), eq(wechatFollowers.openid, thread.openid)));
    const state = windowState(follower ?? { lastInboundAt: null, sentInWindow: 0 }, clock.now());
    if (!state.open) return { ready: false, reason: state.reason };
    return { ready: true, to: thread.openid, window: { endsAt: state.endsAt, remainingMessages: state.remaining, sandbox: account.sandbox } };
  };
}
