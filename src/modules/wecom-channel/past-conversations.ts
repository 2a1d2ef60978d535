import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { kfMessageFacts, kfMessageText, kfOrigin } from './kf-message.js';
import { wecomKfCustomers, wecomOutbound, wecomTicketThreads } from './schema.js';
import type { KfItem } from './wecom-api.js';

/**
 * Conversations that already happened on a 微信客服 account (the demo data set, a move from another
 * help desk). Their tickets are written in bulk by the tickets module's import; this is the
 * channel's side: how each customer message reads on a ticket (the processing job's text and
 * facts), then, once the tickets exist, the customer with their session window, which ticket talks
 * to them and each past reply as the delivery job would have recorded it (`sandbox` for a sandbox
 * account, like a live reply through it).
 */
export type PastKfMessage = { msgid: string; msgType: 'text' | 'image'; content?: string; at: Date };

type KfAccount = { id: string; sandbox: boolean };

/** A customer's message as the processing job would put it on a ticket: subject, body and meta. */
export function pastKfMessage(account: KfAccount, openKfId: string, externalUserId: string, message: PastKfMessage): { subject: string; body: string; meta: Record<string, unknown> } {
  const item: KfItem = {
    msgid: message.msgid,
    open_kfid: openKfId,
    external_userid: externalUserId,
    send_time: Math.floor(message.at.getTime() / 1000),
    origin: kfOrigin.customer,
    msgtype: message.msgType,
    ...(message.msgType === 'text' ? { text: { content: message.content ?? '' } } : { image: { media_id: `past-${message.msgid}` } }),
  };
  const text = kfMessageText(item) ?? { subject: '企业微信客服消息', body: '' };
  return { ...text, meta: { wecom: { accountId: account.id, sandbox: account.sandbox, openKfId, externalUserId, msgType: item.msgtype, msgid: item.msgid, ...kfMessageFacts(item) } } };
}

export type PastKfConversation = {
  account: KfAccount;
  openKfId: string;
  externalUserId: string;
  contactId: string;
  ticketId: string;
  /** The customer's last message: the session window runs 48 hours from it. */
  lastInboundAt: Date;
  /** The agents' public replies on the ticket, as they were delivered. */
  replies: { messageId: string; body: string; at: Date }[];
};

/** The channel's state after a past conversation; a customer's newer window is never replaced by an older one. */
export async function recordPastKfConversation(database: Database, past: PastKfConversation): Promise<void> {
  const key = { accountId: past.account.id, externalUserId: past.externalUserId };
  const match = and(eq(wecomKfCustomers.accountId, key.accountId), eq(wecomKfCustomers.externalUserId, key.externalUserId));
  const sentInWindow = past.replies.filter((r) => r.at.getTime() >= past.lastInboundAt.getTime()).length;
  await database.transaction(async (tx) => {
    await tx.insert(wecomKfCustomers).values({ ...key, openKfId: past.openKfId, contactId: past.contactId }).onConflictDoNothing();
    const [customer] = await tx.select().from(wecomKfCustomers).where(match).for('update');
    if (!customer!.lastInboundAt || customer!.lastInboundAt.getTime() < past.lastInboundAt.getTime()) {
      await tx.update(wecomKfCustomers).set({ lastInboundAt: past.lastInboundAt, sentInWindow, openKfId: past.openKfId, contactId: past.contactId }).where(match);
    }
    const thread = { ...key, openKfId: past.openKfId };
    await tx.insert(wecomTicketThreads).values({ ticketId: past.ticketId, ...thread }).onConflictDoUpdate({ target: wecomTicketThreads.ticketId, set: thread });
    if (past.replies.length === 0) return;
    const status = past.account.sandbox ? 'sandbox' : 'sent';
    await tx
      .insert(wecomOutbound)
      .values(past.replies.map((r) => ({ ticketMessageId: r.messageId, ...key, status, request: { touser: past.externalUserId, open_kfid: past.openKfId, msgtype: 'text', text: { content: r.body } }, createdAt: r.at, sentAt: r.at })))
      .onConflictDoNothing();
  });
}
