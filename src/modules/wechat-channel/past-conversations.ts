import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { messageMeta, messageText } from './message-text.js';
import { wechatFollowers, wechatOutbound, wechatTicketThreads } from './schema.js';
import type { WechatMessage } from './wechat-xml.js';

/**
 * Conversations that already happened on an official account (the demo data set, a move from
 * another help desk). Their tickets are written in bulk by the tickets module's import; this is
 * the channel's side: how each follower message reads on a ticket (the inbound job's text and
 * facts), then, once the tickets exist, the follower, which ticket talks to them, and each past
 * reply as the delivery job would have recorded it. Sandbox accounts' replies are recorded as
 * `sandbox`, like a live reply through such an account.
 */
export type PastFollowerMessage = { msgType: 'text' | 'image' | 'voice'; content?: string; recognition?: string; at: Date };

/** A follower's message as the inbound job would put it on a ticket: subject, body and meta. */
export function pastFollowerMessage(account: { id: string; sandbox: boolean }, openid: string, message: PastFollowerMessage): { subject: string; body: string; meta: Record<string, unknown> } {
  const createTime = Math.floor(message.at.getTime() / 1000);
  const read: WechatMessage = { openid, toUser: '', createTime, msgType: message.msgType, key: `past:${openid}:${createTime}`, content: message.content, recognition: message.recognition };
  const text = messageText(read) ?? { subject: '微信消息', body: '' };
  return { ...text, meta: messageMeta(account, read) };
}

export type PastWechatConversation = {
  account: { id: string; sandbox: boolean };
  openid: string;
  contactId: string;
  ticketId: string;
  /** The follower's last message: their customer-service window runs 48 hours from it. */
  lastInboundAt: Date;
  /** The agents' public replies on the ticket, as they were delivered. */
  replies: { messageId: string; body: string; at: Date }[];
};

/** The channel's state after a past conversation; a follower's newer window is never replaced by an older one. */
export async function recordPastWechatConversation(database: Database, past: PastWechatConversation): Promise<void> {
  const key = { accountId: past.account.id, openid: past.openid };
  const sentInWindow = past.replies.filter((r) => r.at.getTime() >= past.lastInboundAt.getTime()).length;
  await database.transaction(async (tx) => {
    await tx.insert(wechatFollowers).values({ ...key, contactId: past.contactId }).onConflictDoNothing();
    const [follower] = await tx.select().from(wechatFollowers).where(and(eq(wechatFollowers.accountId, key.accountId), eq(wechatFollowers.openid, key.openid))).for('update');
    if (!follower!.lastInboundAt || follower!.lastInboundAt.getTime() < past.lastInboundAt.getTime()) {
      await tx.update(wechatFollowers).set({ lastInboundAt: past.lastInboundAt, sentInWindow, contactId: past.contactId }).where(and(eq(wechatFollowers.accountId, key.accountId), eq(wechatFollowers.openid, key.openid)));
    }
    await tx.insert(wechatTicketThreads).values({ ticketId: past.ticketId, ...key }).onConflictDoUpdate({ target: wechatTicketThreads.ticketId, set: key });
    if (past.replies.length === 0) return;
    const status = past.account.sandbox ? 'sandbox' : 'sent';
    await tx
      .insert(wechatOutbound)
      .values(past.replies.map((r) => ({ ticketMessageId: r.messageId, ...key, status, request: { touser: past.openid, msgtype: 'text', text: { content: r.body } }, createdAt: r.at, sentAt: r.at })))
      .onConflictDoNothing();
  });
}
