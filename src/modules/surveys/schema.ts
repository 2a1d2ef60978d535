import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * The survey settings a supervisor edits (设置 › 满意度调查): one row, read on use by every process.
 * Defaults hold until the first save.
 */
export const surveySettings = pgTable(
  'survey_settings',
  {
    id: smallint('id').primaryKey().default(1),
    csatEnabled: boolean('csat_enabled').notNull().default(true),
    /** Minutes after the resolution before the CSAT survey goes out (a reopened ticket cancels it). */
    csatDelayMinutes: integer('csat_delay_minutes').notNull().default(60),
    /** Days after a survey during which the same customer is not asked again (one per resolution otherwise). */
    csatCooldownDays: integer('csat_cooldown_days').notNull().default(7),
    /** A rating at or below this notifies the team's supervisor and opens a 回访 ticket. */
    lowRatingThreshold: smallint('low_rating_threshold').notNull().default(2),
    /** The 回访 ticket type's key (forms module); without such a type the follow-up is an untyped ticket tagged 回访. */
    followUpTypeKey: text('follow_up_type_key').notNull().default('callback'),
    /** Days a survey link stays valid. */
    linkValidDays: integer('link_valid_days').notNull().default(14),
    npsEnabled: boolean('nps_enabled').notNull().default(false),
    /** Days between two NPS surveys of one customer (90: quarterly). */
    npsIntervalDays: integer('nps_interval_days').notNull().default(90),
    /** Share of eligible customers asked per period, 1–100 (a stable hash of customer and period decides). */
    npsSamplePercent: smallint('nps_sample_percent').notNull().default(100),
    /** Customer tiers asked (empty: every tier and customers without one). */
    npsTierKeys: text('nps_tier_keys').array().notNull().default(sql`'{}'::text[]`),
    /** Days without NPS after a complaint (a ticket of the complaint type, or a low CSAT rating). */
    npsQuietDaysAfterComplaint: integer('nps_quiet_days_after_complaint').notNull().default(30),
    npsComplaintTypeKey: text('nps_complaint_type_key').notNull().default('complaint'),
    /** The language of invitations to customers who have none of their own (a contact's `locale` attribute). */
    invitationLocale: text('invitation_locale').$type<'zh-CN' | 'en'>().notNull().default('zh-CN'),
    /** When the NPS planner next walks the customers (null: at once when enabled). */
    npsNextPlanAt: timestamp('nps_next_plan_at', { withTimezone: true }),
    /** Where the planner's walk through the customers stands (a contacts cursor), between rounds. */
    npsPlanCursor: text('nps_plan_cursor'),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [check('survey_settings_single_row', sql`${t.id} = 1`)],
);

/**
 * One survey: CSAT (per resolution of a ticket) or NPS (per customer and period). `dueAt` is set
 * while it waits to be sent: the worker picks due rows (partial index) with SKIP LOCKED.
 * Status: scheduled → sending (email handed to the queue) → delivered → answered; or skipped,
 * failed, cancelled (the ticket reopened before it went out).
 */
export const surveys = pgTable(
  'surveys',
  {
    id: uuid('id').primaryKey(),
    kind: text('kind').$type<'csat' | 'nps'>().notNull(),
    /** `csat:<ticket>:<resolution event>` or `nps:<contact>:<period>`: one survey per resolution / period. */
    dedupeKey: text('dedupe_key').notNull(),
    ticketId: uuid('ticket_id'),
    contactId: uuid('contact_id').notNull(),
    /** The channel it goes through: email, portal, or a registered one (wechat, wecom, sms …). */
    channel: text('channel').notNull(),
    status: text('status').$type<SurveyStatus>().notNull(),
    /** Who handled the ticket when it was resolved (a 回访 goes to someone else) and its team. */
    handlerId: uuid('handler_id'),
    teamId: uuid('team_id'),
    organizationId: uuid('organization_id'),
    tierKey: text('tier_key'),
    /**
     * The customer's values of groupable custom fields (select, cascader, multiselect) when the
     * survey was made, keyed `contact.<key>` / `organisation.<key>`: NPS by 产品线 counts the product
     * line the customer had when asked, as `tierKey` keeps the tier (customer-field-groups.ts).
     */
    customerFields: jsonb('customer_fields').$type<Record<string, unknown>>().notNull().default({}),
    /** NPS: the period it belongs to, e.g. 2026-Q4 style `2026-12-06/90` (start day and length). */
    period: text('period'),
    dueAt: timestamp('due_at', { withTimezone: true }),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    /** CSAT 1–5, NPS 0–10. */
    score: smallint('score'),
    comment: text('comment'),
    commentedAt: timestamp('commented_at', { withTimezone: true }),
    /** Why it was skipped or failed (a message key). */
    reason: text('reason'),
    followUpTicketId: uuid('follow_up_ticket_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('surveys_dedupe_key').on(t.dedupeKey),
    index('surveys_due').on(t.dueAt).where(sql`${t.status} = 'scheduled'`),
    index('surveys_ticket').on(t.ticketId),
    index('surveys_contact').on(t.contactId, t.createdAt),
    check('surveys_score_range', sql`${t.score} is null or (${t.kind} = 'csat' and ${t.score} between 1 and 5) or (${t.kind} = 'nps' and ${t.score} between 0 and 10)`),
  ],
);

export type SurveyStatus = 'scheduled' | 'sending' | 'delivered' | 'answered' | 'skipped' | 'failed' | 'cancelled';
export type SurveyRow = typeof surveys.$inferSelect;

/** Per customer: when they were last asked, and until when not to ask for NPS (after a complaint). */
export const surveyContactState = pgTable('survey_contact_state', {
  contactId: uuid('contact_id').primaryKey(),
  lastCsatAt: timestamp('last_csat_at', { withTimezone: true }),
  lastNpsAt: timestamp('last_nps_at', { withTimezone: true }),
  quietUntil: timestamp('quiet_until', { withTimezone: true }),
});
