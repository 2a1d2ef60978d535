import { bigint, boolean, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * Where `cgi-bin/kf/sync_msg` stopped, per account and kf account (open_kfid). Advanced only in
 * the transaction that stores the page it came with (wecom_kf_messages), and only from the cursor
 * the page was asked with (compare and set), so a restart or a second process never skips or
 * repeats a page.
 */
export const wecomKfCursors = pgTable(
  'wecom_kf_cursors',
  {
    accountId: uuid('account_id').notNull(),
    openKfId: text('open_kfid').notNull(),
    cursor: text('cursor'),
    pages: integer('pages').notNull().default(0),
    syncedAt: timestamp('synced_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.openKfId] })],
);

/**
 * Each message sync_msg returned, stored once (the unique msgid per account is the dedupe), with
 * the job that turns it into a ticket message. Store-first: the vendor keeps messages 3 days, we
 * keep them until they are on a ticket.
 */
export const wecomKfMessages = pgTable(
  'wecom_kf_messages',
  {
    id: uuid('id').primaryKey(),
    accountId: uuid('account_id').notNull(),
    msgid: text('msgid').notNull(),
    openKfId: text('open_kfid').notNull(),
    externalUserId: text('external_userid'),
    /** The vendor's item as returned (msgtype, origin, send_time, text / image / event …). */
    item: jsonb('item').$type<Record<string, unknown>>().notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    processedAt: timestamp('processed_at', { withTimezone: true }),
    /** ticket | ignored */
    outcome: text('outcome'),
    ticketId: uuid('ticket_id'),
  },
  (t) => [uniqueIndex('wecom_kf_messages_msgid_idx').on(t.accountId, t.msgid)],
);

/**
 * A WeChat customer of a kf account (external_userid is per corp): their contact, the session
 * window (48 h after their last message, at most 5 messages in it) and the processing lease, so
 * two workers never thread one customer's messages at once.
 */
export const wecomKfCustomers = pgTable(
  'wecom_kf_customers',
  {
    accountId: uuid('account_id').notNull(),
    externalUserId: text('external_userid').notNull(),
    openKfId: text('open_kfid').notNull(),
    contactId: uuid('contact_id'),
    lastInboundAt: timestamp('last_inbound_at', { withTimezone: true }),
    sentInWindow: integer('sent_in_window').notNull().default(0),
    /** The last enter_session: when and from which scene (a QR code's scene value). */
    enteredAt: timestamp('entered_at', { withTimezone: true }),
    scene: text('scene'),
    processingUntil: timestamp('processing_until', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.externalUserId] })],
);

/** Which customer (through which kf account) a WeCom ticket talks to. */
export const wecomTicketThreads = pgTable('wecom_ticket_threads', {
  ticketId: uuid('ticket_id').primaryKey(),
  accountId: uuid('account_id').notNull(),
  openKfId: text('open_kfid').notNull(),
  externalUserId: text('external_userid').notNull(),
});

/** Each reply sent (or recorded, in a sandbox account) through kf/send_msg. */
export const wecomOutbound = pgTable('wecom_outbound', {
  /** The ticket message sent, or the survey whose menu message it is (`request.msgtype` = `msgmenu`). */
  ticketMessageId: uuid('ticket_message_id').primaryKey(),
  accountId: uuid('account_id').notNull(),
  externalUserId: text('external_userid').notNull(),
  /** queued | sent | sandbox | failed */
  status: text('status').notNull(),
  request: jsonb('request').$type<Record<string, unknown>>().notNull(),
  error: text('error'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  sentAt: timestamp('sent_at', { withTimezone: true }),
});

/**
 * Each notification to a staff member through the self-built app (message/send textcard), one per
 * (event, user): a retried job finds it and does not send twice what was sent.
 */
export const wecomStaffNotifications = pgTable(
  'wecom_staff_notifications',
  {
    id: uuid('id').primaryKey(),
    eventId: bigint('event_id', { mode: 'number' }).notNull(),
    userId: uuid('user_id').notNull(),
    accountId: uuid('account_id').notNull(),
    /** assigned | customer_reply | sla_warning */
    reason: text('reason').notNull(),
    ticketId: uuid('ticket_id').notNull(),
    /** queued | sent | sandbox | failed */
    status: text('status').notNull(),
    request: jsonb('request').$type<Record<string, unknown>>().notNull(),
    error: text('error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('wecom_staff_notifications_event_user_idx').on(t.eventId, t.userId)],
);

/** A team's group robot (群机器人): its webhook key, sealed like a channel secret. */
export const wecomTeamRobots = pgTable('wecom_team_robots', {
  teamId: uuid('team_id').primaryKey(),
  webhookKey: text('webhook_key').notNull(),
  apiBaseUrl: text('api_base_url').notNull(),
  sandbox: boolean('sandbox').notNull().default(false),
  enabled: boolean('enabled').notNull().default(true),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  updatedBy: uuid('updated_by'),
});

