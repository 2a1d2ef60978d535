import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { DaySchedule, WeeklySchedule } from './calendar/index.js';
import type { EscalationStep, PolicyConditions, PolicyTargets, TicketStatusKey } from './policy-model.js';

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
