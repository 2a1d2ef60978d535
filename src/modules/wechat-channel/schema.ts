import { boolean, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * A follower of an official account (openid is per account): the contact it became, and the
 * customer-service window — 48 h after their last message, at most 5 messages in it. Also the
 * per-follower processing lease, so two workers never thread one follower's messages at once.
 */
export const wechatFollowers = pgTable(
  'wechat_followers',
  {
    accountId: uuid('account_id').notNull(),
    openid: text('openid').notNull(),
    unionid: text('unionid'),
    contactId: uuid('contact_id'),
    subscribed: boolean('subscribed').notNull().default(true),
    lastInboundAt: timestamp('last_inbound_at', { withTimezone: true }),
    /** Messages sent since lastInboundAt (the window's count). */
    sentInWindow: integer('sent_in_window').notNull().default(0),
    processingUntil: timestamp('processing_until', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.openid] })],
);

/** Which follower a WeChat ticket talks to (the reply goes to them through that account). */
export const wechatTicketThreads = pgTable('wechat_ticket_threads', {
  ticketId: uuid('ticket_id').primaryKey(),
  accountId: uuid('account_id').notNull(),
  openid: text('openid').notNull(),
});

/**
 * Each reply sent (or recorded, in a sandbox account) through the customer-service message API,
 * and each survey invitation (`request.msgtype` = `msgmenu`): for those the key is the survey's id.
 */
export const wechatOutbound = pgTable('wechat_outbound', {
  /** The ticket message sent, or the survey whose menu message it is. */
  ticketMessageId: uuid('ticket_message_id').primaryKey(),
  accountId: uuid('account_id').notNull(),
  openid: text('openid').notNull(),
  /** queued | sent | sandbox | failed */
  status: text('status').notNull(),
  request: jsonb('request').$type<Record<string, unknown>>().notNull(),
  error: text('error'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  sentAt: timestamp('sent_at', { withTimezone: true }),
});
