import { sql } from 'drizzle-orm';
import { bigint, boolean, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Reporting facts: append-only, one row per (source event, measure), so a replayed or repeated
 * event inserts nothing (the primary key) and adds nothing to the rollups. Each row carries the
 * dimensions known when its event happened (team, agent, channel, type, category, priority and the
 * ticket's custom select values) and, for durations, the seconds in calendar and in business time.
 */
export const reportFacts = pgTable(
  'report_facts',
  {
    eventId: bigint('event_id', { mode: 'number' }).notNull(),
    measure: text('measure').notNull(),
    ticketId: uuid('ticket_id'),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    /** The value measured: seconds for durations, the score for surveys, 1 for counts. */
    value: doublePrecision('value').notNull(),
    /** The fixed histogram bucket of `value` (measures.ts), so percentiles combine across rollups. */
    bucket: integer('bucket').notNull(),
    /** A resolution: the ticket's agent public replies before it and which resolution of the ticket it is (FCR). */
    agentReplies: integer('agent_replies'),
    nth: integer('nth'),
    teamId: uuid('team_id'),
    agentId: uuid('agent_id'),
    channel: text('channel'),
    type: text('type'),
    categoryId: uuid('category_id'),
    priority: text('priority'),
    fields: jsonb('fields').$type<Record<string, string>>().notNull().default({}),
    /** From an `import:*` event: a fact of the past at its own time (see docs/reports.md). */
    imported: boolean('imported').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.eventId, t.measure] }),
    index('report_facts_measure_time').on(t.measure, t.occurredAt),
    index('report_facts_ticket').on(t.ticketId, t.occurredAt),
    // An exact percentile reads only the facts of the histogram bucket that holds it (kpi-percentiles.ts).
    index('report_facts_measure_bucket_time').on(t.measure, t.bucket, t.occurredAt),
  ],
);

/**
 * What reporting remembers of each ticket between events (its current dimensions, first response,
 * replies, resolutions), so a batch reads one row per ticket instead of the ticket's history.
 */
export const reportTickets = pgTable(
  'report_tickets',
  {
  ticketId: uuid('ticket_id').primaryKey(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  status: text('status').notNull(),
  teamId: uuid('team_id'),
  agentId: uuid('agent_id'),
  channel: text('channel'),
  type: text('type'),
  categoryId: uuid('category_id'),
  priority: text('priority'),
  fields: jsonb('fields').$type<Record<string, string>>().notNull().default({}),
  firstResponseAt: timestamp('first_response_at', { withTimezone: true }),
  agentReplies: integer('agent_replies').notNull().default(0),
  resolutions: integer('resolutions').notNull().default(0),
  /** An SLA breach was recorded for the ticket: its first resolution then counts as not within SLA. */
  breached: boolean('breached').notNull().default(false),
  lastEventId: bigint('last_event_id', { mode: 'number' }).notNull(),
  },
  // The live backlog and agents' load read open tickets only.
  (t) => [index('report_tickets_open').on(t.status, t.agentId, t.breached).where(sql`${t.status} in ('new', 'open', 'pending')`)],
);

/**
 * Hourly and daily rollups per dimension, one row per histogram bucket: count and sum add up
 * under an upsert, and the buckets give percentiles for any union of rows. `bucket_start` is the
 * hour or the day in the installation's reporting time zone; `dimension` is `all`, `team`,
 * `agent`, `channel`, `type`, `category`, `priority` or `field:<key>`, `value` its value ('' for all).
 */
export const reportRollups = pgTable(
  'report_rollups',
  {
    grain: text('grain').$type<'hour' | 'day'>().notNull(),
    bucketStart: timestamp('bucket_start', { withTimezone: true }).notNull(),
    dimension: text('dimension').notNull(),
    value: text('value').notNull(),
    measure: text('measure').notNull(),
    bucket: integer('bucket').notNull(),
    count: bigint('count', { mode: 'number' }).notNull(),
    sum: doublePrecision('sum').notNull(),
  },
  (t) => [primaryKey({ columns: [t.grain, t.measure, t.dimension, t.bucketStart, t.value, t.bucket] })],
);

/** The installation's reporting settings (one row, id 1): the time zone rollups are cut in. */
export const reportSettings = pgTable('report_settings', {
  id: integer('id').primaryKey(),
  timeZone: text('time_zone').notNull(),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/**
 * 自定义报表: a saved report definition (report-definition.ts), its owner, the roles it is shared
 * with (who may see it; the numbers are always computed in the viewer's own scope) and whether
 * it is pinned to the 管理层·趋势 dashboard.
 */
export const savedReports = pgTable(
  'saved_reports',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    ownerId: uuid('owner_id').notNull(),
    definition: jsonb('definition').$type<Record<string, unknown>>().notNull(),
    sharedRoles: text('shared_roles').array().notNull().default(sql`'{}'::text[]`),
    pinned: boolean('pinned').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('saved_reports_owner').on(t.ownerId, t.updatedAt)],
);

/**
 * A saved report's email schedule (at most one per report): daily, weekly or monthly at a local
 * time of the reporting time zone. `dueAt` is the next send; a worker claims due rows with
 * FOR UPDATE SKIP LOCKED and moves `dueAt` past now in the same transaction, so each period is
 * sent once however many workers poll, and a period missed while the server was down is sent
 * once (the latest), not once per missed period.
 */
export const reportSchedules = pgTable(
  'report_schedules',
  {
    reportId: uuid('report_id').primaryKey().references(() => savedReports.id, { onDelete: 'cascade' }),
    frequency: text('frequency').$type<'daily' | 'weekly' | 'monthly'>().notNull(),
    /** Local time `HH:MM`; `weekday` 1–7 (Monday 1) for weekly, `monthDay` 1–28 for monthly. */
    at: text('at').notNull(),
    weekday: integer('weekday'),
    monthDay: integer('month_day'),
    recipientUserIds: uuid('recipient_user_ids').array().notNull().default(sql`'{}'::uuid[]`),
    recipientEmails: text('recipient_emails').array().notNull().default(sql`'{}'::text[]`),
    /** Whose scope the mailed numbers are computed in: who set the schedule. */
    createdBy: uuid('created_by').notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    lastSentAt: timestamp('last_sent_at', { withTimezone: true }),
  },
  (t) => [index('report_schedules_due').on(t.dueAt)],
);
