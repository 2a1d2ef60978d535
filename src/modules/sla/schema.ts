import { sql } from 'drizzle-orm';
import { boolean, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { DaySchedule, WeeklySchedule } from './calendar/index.js';
import type { EscalationStep, PolicyConditions, PolicyTargets, TargetKind, TicketStatusKey } from './policy-model.js';

/**
 * Business calendars: the plain-data BusinessCalendar of the engine, stored as JSON, plus names.
 * One calendar is the default (what SLAs count in unless a policy names another).
 */
export const slaCalendars = pgTable(
  'sla_calendars',
  {
    id: uuid('id').primaryKey(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull().default(''),
    timeZone: text('time_zone').notNull(),
    weekly: jsonb('weekly').$type<WeeklySchedule>().notNull(),
    holidays: jsonb('holidays').$type<string[]>().notNull().default([]),
    workdays: jsonb('workdays').$type<string[]>().notNull().default([]),
    makeUpDaySchedule: jsonb('make_up_day_schedule').$type<DaySchedule>(),
    alwaysOpen: boolean('always_open').notNull().default(false),
    isDefault: boolean('is_default').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('sla_calendars_one_default').on(t.isDefault).where(sql`${t.isDefault}`)],
);

/**
 * SLA policies, tried in `position` order (0 first); the first active one whose conditions match
 * a ticket applies. Conditions, targets and escalation are validated JSON (policy-model.ts):
 * small, always read whole, and their shape is ours, so separate tables would buy nothing.
 */
export const slaPolicies = pgTable(
  'sla_policies',
  {
    id: uuid('id').primaryKey(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull().default(''),
    /** 0-based rank, kept dense (0..n-1) by every change under one advisory lock. */
    position: integer('position').notNull(),
    active: boolean('active').notNull().default(true),
    conditions: jsonb('conditions').$type<PolicyConditions>().notNull().default({ all: [] }),
    targets: jsonb('targets').$type<PolicyTargets>().notNull().default({}),
    /** Null: the default calendar. A calendar in use cannot be deleted (409, and the key refuses too). */
    calendarId: uuid('calendar_id').references(() => slaCalendars.id, { onDelete: 'restrict' }),
    pauseStatuses: text('pause_statuses').array().$type<TicketStatusKey[]>().notNull().default(sql`'{}'::text[]`),
    warningPercent: integer('warning_percent'),
    escalation: jsonb('escalation').$type<EscalationStep[]>().notNull().default([]),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('sla_policies_position_idx').on(t.position), index('sla_policies_calendar_idx').on(t.calendarId)],
);

/**
 * A policy chosen for a ticket (by a rule's "apply an SLA policy"): it applies instead of the one the
 * policies' conditions would select, for as long as it exists and is active (else selection
 * decides again). One row per ticket; a later choice replaces it. No foreign keys: the ticket is
 * another module's, and a deleted policy simply stops applying.
 */
export const slaTicketPolicies = pgTable('sla_ticket_policies', {
  ticketId: uuid('ticket_id').primaryKey(),
  policyId: uuid('policy_id').notNull(),
  /** Who chose it: `rule:<id>`, `agent`. */
  cause: text('cause').notNull(),
  chosenAt: timestamp('chosen_at', { withTimezone: true }).notNull(),
});

export const timerStates = ['running', 'warning', 'breached', 'paused', 'met'] as const;
export type TimerState = (typeof timerStates)[number];

/** One entry of a timer's history: a state change or a firing, with when and why. */
export type TimerHistoryEntry = { at: string; event: string; detail?: Record<string, unknown> };

/**
 * SLA timers: one row per ticket and target (first response, next response, resolution). The
 * clock is kept as business minutes used in finished segments plus the running segment's start,
 * so pausing, resuming and recomputing never lose or double-count time.
 *
 * `next_check_at` is the timer's due-time row: the earliest warning, breach or escalation step
 * not yet fired. The scheduler reads only rows whose time has come (partial index, FOR UPDATE
 * SKIP LOCKED), so its cost follows what is due, not the number of open tickets. `fired` holds
 * the keys of every firing, written in the same transaction as its effects: a step fires once,
 * across workers and restarts. No foreign key to tickets: modules do not share tables.
 */
export const slaTicketTimers = pgTable(
  'sla_ticket_timers',
  {
    id: uuid('id').primaryKey(),
    ticketId: uuid('ticket_id').notNull(),
    target: text('target').$type<TargetKind>().notNull(),
    policyId: uuid('policy_id').notNull(),
    calendarId: uuid('calendar_id').notNull(),
    /** The target in business minutes, for the ticket's priority under the policy. */
    targetMinutes: integer('target_minutes').notNull(),
    /** next_response starts a new cycle at each customer message awaiting an answer. */
    cycle: integer('cycle').notNull().default(1),
    state: text('state').$type<TimerState>().notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    /** Business minutes used in finished segments (before the last pause or recomputation). */
    usedMinutes: doublePrecision('used_minutes').notNull().default(0),
    /** Start of the running segment; null while paused or met. */
    runningSince: timestamp('running_since', { withTimezone: true }),
    dueAt: timestamp('due_at', { withTimezone: true }),
    pausedAt: timestamp('paused_at', { withTimezone: true }),
    metAt: timestamp('met_at', { withTimezone: true }),
    breachedAt: timestamp('breached_at', { withTimezone: true }),
    nextCheckAt: timestamp('next_check_at', { withTimezone: true }),
    fired: text('fired').array().notNull().default(sql`'{}'::text[]`),
    history: jsonb('history').$type<TimerHistoryEntry[]>().notNull().default([]),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('sla_ticket_timers_ticket_target_key').on(t.ticketId, t.target),
    index('sla_ticket_timers_next_check_idx').on(t.nextCheckAt).where(sql`${t.nextCheckAt} is not null`),
    index('sla_ticket_timers_policy_idx').on(t.policyId),
  ],
);

/** A named timer's state: counting, past its warning, past its target, or stopped by the ticket's SLA pause. */
export const namedTimerStates = ['running', 'warning', 'breached', 'paused'] as const;
export type NamedTimerState = (typeof namedTimerStates)[number];

/**
 * Named timers (issue 19): a business-time countdown another module owns under a key it makes
 * (`stage:<instance>:<token>`, `approval:<request>:<step>`), started and stopped in that module's
 * transaction (named-timers.ts). The clock is kept like a ticket timer's (used minutes plus the
 * running segment), so the ticket's SLA pauses stop it too; `next_check_at` is its due-time row,
 * claimed by the same scheduler round as the ticket timers, and `fired` makes each firing once.
 * A stopped timer is deleted: nothing of it can fire any more.
 */
export const slaNamedTimers = pgTable(
  'sla_named_timers',
  {
    id: uuid('id').primaryKey(),
    key: text('key').notNull(),
    ticketId: uuid('ticket_id').notNull(),
    calendarId: uuid('calendar_id').notNull(),
    targetMinutes: integer('target_minutes').notNull(),
    /** Business minutes after which it warns; null: no warning. */
    warnAfterMinutes: doublePrecision('warn_after_minutes'),
    state: text('state').$type<NamedTimerState>().notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    usedMinutes: doublePrecision('used_minutes').notNull().default(0),
    runningSince: timestamp('running_since', { withTimezone: true }),
    dueAt: timestamp('due_at', { withTimezone: true }),
    breachedAt: timestamp('breached_at', { withTimezone: true }),
    nextCheckAt: timestamp('next_check_at', { withTimezone: true }),
    fired: text('fired').array().notNull().default(sql`'{}'::text[]`),
  },
  (t) => [
    uniqueIndex('sla_named_timers_key').on(t.key),
    index('sla_named_timers_ticket_idx').on(t.ticketId),
    index('sla_named_timers_next_check_idx').on(t.nextCheckAt).where(sql`${t.nextCheckAt} is not null`),
  ],
);
