import { sql } from 'drizzle-orm';
import { boolean, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { DaySchedule, WeeklySchedule } from './calendar/index.js';

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
