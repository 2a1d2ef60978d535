import { bigint, boolean, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { signedTeamRobotTable } from '../channels/index.js';

/**
 * Someone who writes to the robot (the sender's userid: senderStaffId for members of the corp,
 * else DingTalk's senderId), per account: their contact and the processing lease, so two workers
 * never thread one sender's messages at once and open two tickets.
 */
export const dingtalkSenders = pgTable(
  'dingtalk_senders',
  {
    accountId: uuid('account_id').notNull(),
    senderKey: text('sender_key').notNull(),
    contactId: uuid('contact_id'),
    lastInboundAt: timestamp('last_inbound_at', { withTimezone: true }),
    processingUntil: timestamp('processing_until', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.senderKey] })],
);

/**
 * Where a DingTalk ticket's replies go: the conversation (single chat with the sender, or a group)
 * and the latest message's session webhook (sealed: it is the power to post there) until it
 * expires; after that the robot API (single chat: the sender's staff id; group: the conversation).
 */
export const dingtalkTicketThreads = pgTable('dingtalk_ticket_threads', {
  ticketId: uuid('ticket_id').primaryKey(),
  accountId: uuid('account_id').notNull(),
  /** single | group */
  conversationType: text('conversation_type').notNull(),
  conversationId: text('conversation_id').notNull(),
  senderKey: text('sender_key').notNull(),
  /** The sender's userid in the corp (batchSend's userIds); null for someone outside it. */
  staffId: text('staff_id'),
  sessionWebhook: text('session_webhook'),
  sessionWebhookExpiresAt: timestamp('session_webhook_expires_at', { withTimezone: true }),
  /** The message the webhook came with (an older message processed late does not replace a newer webhook). */
  messageAt: timestamp('message_at', { withTimezone: true }).notNull(),
});

/** Each reply sent (or recorded, in a sandbox account): the way it went and what DingTalk said. */
export const dingtalkOutbound = pgTable('dingtalk_outbound', {
  ticketMessageId: uuid('ticket_message_id').primaryKey(),
  accountId: uuid('account_id').notNull(),
  /** session_webhook | robot_single | robot_group */
  route: text('route').notNull(),
  /** queued | sent | sandbox | failed */
  status: text('status').notNull(),
  request: jsonb('request').$type<Record<string, unknown>>().notNull(),
  error: text('error'),
  attempts: integer('attempts').notNull().default(0),
  /** Parts DingTalk has taken (the text, then each file): a retry goes on from the first part not sent. */
  partsSent: integer('parts_sent').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  sentAt: timestamp('sent_at', { withTimezone: true }),
});

/** Each work notification (工作通知) to a staff member, one per (event, user): a retried job sends nothing twice. */
export const dingtalkStaffNotifications = pgTable(
  'dingtalk_staff_notifications',
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
    taskId: text('task_id'),
    error: text('error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('dingtalk_staff_notifications_event_user_idx').on(t.eventId, t.userId)],
);

/** A team's custom group robot (自定义机器人): its webhook URL and 加签 secret, both sealed like channel secrets. */
export const dingtalkTeamRobots = signedTeamRobotTable('dingtalk_team_robots');
