import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { signedTeamRobotTable } from '../channels/index.js';
import type { NotificationKind, NotificationMessage } from './notification-kinds.js';
import type { StoredPreferences } from './preference-model.js';

/**
 * The in-app notification centre: one row per recipient. The message is a catalogue key with
 * params (or a rule's own zh-CN/en texts), so each reader sees it in their own language.
 * `source_key` (the event and kind that caused it) makes a retried job add nothing twice.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id').notNull(),
    kind: text('kind').$type<NotificationKind>().notNull(),
    ticketId: uuid('ticket_id'),
    message: jsonb('message').$type<NotificationMessage>().notNull(),
    cause: text('cause').notNull(),
    sourceKey: text('source_key').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('notifications_user_source_key').on(t.userId, t.sourceKey),
    // "My notifications, newest first" and "my unread, newest first": keyset lists read these backwards-free.
    index('notifications_user_newest').on(t.userId, t.createdAt.desc(), t.id.desc()),
    index('notifications_user_unread').on(t.userId, t.createdAt.desc(), t.id.desc()).where(sql`${t.readAt} is null`),
  ],
);

/** A user's choices (kinds × channels, quiet hours, the daily digest); no row means the defaults. */
export const notificationPreferences = pgTable('notification_preferences', {
  userId: uuid('user_id').primaryKey(),
  settings: jsonb('settings').$type<StoredPreferences>().notNull(),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/** The daily digest as a due row per user who wants one (picked with SKIP LOCKED when due). */
export const notificationDigests = pgTable(
  'notification_digests',
  {
    userId: uuid('user_id').primaryKey(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    /** The digest lists notifications created after this (the previous digest, or when it was switched on). */
    since: timestamp('since', { withTimezone: true }).notNull(),
  },
  (t) => [index('notification_digests_due').on(t.dueAt)],
);

/** A team's Feishu (飞书) custom robot: webhook and signing secret sealed like channel secrets. */
export const feishuTeamRobots = signedTeamRobotTable('feishu_team_robots');

/**
 * Emails of notifications waiting for their time (now, or the end of the recipient's quiet hours),
 * as due rows on the injected clock; a due row becomes a send job and is deleted.
 */
export const notificationEmails = pgTable(
  'notification_emails',
  {
    notificationId: uuid('notification_id').primaryKey(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('notification_emails_due').on(t.dueAt)],
);
