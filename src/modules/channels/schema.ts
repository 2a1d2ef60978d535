import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * Accounts of customer channels (a WeChat official account, later a WeCom kf account …). Plain
 * settings in `settings`; the adapter's secret fields in `secrets`, each sealed by the platform key
 * service (purpose `channel-secrets`), never returned by the API.
 */
export const channelAccounts = pgTable(
  'channel_accounts',
  {
    id: uuid('id').primaryKey(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    enabled: boolean('enabled').notNull().default(true),
    sandbox: boolean('sandbox').notNull().default(false),
    settings: jsonb('settings').$type<Record<string, unknown>>().notNull(),
    secrets: jsonb('secrets').$type<Record<string, string>>().notNull(),
    version: integer('version').notNull().default(1),
    lastMessageAt: timestamp('last_message_at', { withTimezone: true }),
    lastError: text('last_error'),
    lastErrorAt: timestamp('last_error_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
  },
  (t) => [index('channel_accounts_kind_idx').on(t.kind, t.createdAt)],
);

/**
 * Every vendor callback's raw body, stored before the vendor gets its answer; a job turns it into
 * a ticket message. The unique (account, external id) is the dedupe of the vendor's retries
 * (WeChat's MsgId, or FromUserName+CreateTime for events): two processes cannot both store one.
 */
export const channelInbound = pgTable(
  'channel_inbound',
  {
    id: uuid('id').primaryKey(),
    accountId: uuid('account_id').notNull(),
    kind: text('kind').notNull(),
    externalId: text('external_id').notNull(),
    raw: text('raw').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    processedAt: timestamp('processed_at', { withTimezone: true }),
    /** ticket | ignored (an event that makes no message) */
    outcome: text('outcome'),
    ticketId: uuid('ticket_id'),
  },
  (t) => [uniqueIndex('channel_inbound_external_idx').on(t.accountId, t.externalId)],
);

/** Nonces of accepted callbacks (replay protection: a nonce is good once within the 5-minute window). */
export const channelCallbackNonces = pgTable(
  'channel_callback_nonces',
  {
    accountId: uuid('account_id').notNull(),
    nonce: text('nonce').notNull(),
    /** What the nonce came with (the message's external id): the vendor's retry of that message may reuse it. */
    subject: text('subject').notNull(),
    seenAt: timestamp('seen_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.nonce] }), index('channel_callback_nonces_seen_idx').on(t.seenAt)],
);

/**
 * One access token per account shared by every process (sealed like a secret); refreshed under this
 * row's lock, so two processes never both refresh and an older token never overwrites a newer one.
 */
export const channelAccessTokens = pgTable('channel_access_tokens', {
  accountId: uuid('account_id').primaryKey(),
  token: text('token'),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  refreshedAt: timestamp('refreshed_at', { withTimezone: true }),
  refreshes: integer('refreshes').notNull().default(0),
});

/**
 * Which member of a vendor's directory a user is, per channel kind (WeCom 成员账号, DingTalk
 * userid): staff notifications from that kind's app go to this id, through `accountId` (the corp
 * whose app reaches the member). A user without a link gets none.
 */
export const channelStaffLinks = pgTable(
  'channel_staff_links',
  {
    kind: text('kind').notNull(),
    userId: uuid('user_id').notNull(),
    externalUserId: text('external_user_id').notNull(),
    accountId: uuid('account_id').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [primaryKey({ columns: [t.kind, t.userId] })],
);

/**
 * What went to a group robot (a message or a digest), at the clock's time, for every channel that
 * has robots (`robotKey`: `<kind>:<team id>`): the last minute of these rows is the robot's
 * 20-a-minute allowance, counted under the robot row's lock (the channel module's own row).
 */
export const channelRobotSends = pgTable(
  'channel_robot_sends',
  {
    id: uuid('id').primaryKey(),
    robotKey: text('robot_key').notNull(),
    /** The event (or digest) it carries: a retried job finds its send instead of making another. */
    sourceKey: text('source_key').notNull(),
    /** message | digest */
    kind: text('kind').notNull(),
    body: jsonb('body').$type<Record<string, unknown>>().notNull(),
    /** queued | sent | sandbox | failed */
    status: text('status').notNull(),
    error: text('error'),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('channel_robot_sends_source_idx').on(t.robotKey, t.sourceKey), index('channel_robot_sends_recent_idx').on(t.robotKey, t.sentAt)],
);

/** Notifications over a robot's allowance, waiting for the next digest. */
export const channelRobotPending = pgTable(
  'channel_robot_pending',
  {
    id: uuid('id').primaryKey(),
    robotKey: text('robot_key').notNull(),
    sourceKey: text('source_key').notNull(),
    line: text('line').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    digestId: uuid('digest_id'),
  },
  (t) => [uniqueIndex('channel_robot_pending_source_idx').on(t.robotKey, t.sourceKey), index('channel_robot_pending_open_idx').on(t.robotKey, t.digestId)],
);
