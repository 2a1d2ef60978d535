import { z } from 'zod';
import type { CalendarView } from './calendars.js';

/**
 * HTTP shapes of the business-calendar API. Bodies check only the shape here: what makes a
 * calendar valid (times, overlaps, dates, 调休 rules) is the engine's validation, applied to the
 * calendar as it will be stored, so the API and the engine can never disagree.
 */
const interval = z.object({ start: z.string().max(5), end: z.string().max(5) });
const daySchedule = z.array(interval).max(48);
const dates = z.array(z.string().max(10)).max(20_000);

export const calendarSchema = z
  .object({
    id: z.uuid(),
    nameZh: z.string(),
    nameEn: z.string(),
    isDefault: z.boolean(),
    version: z.number().int(),
    timeZone: z.string(),
    weekly: z.array(z.array(interval)).length(7).describe('Seven days, Sunday first (index 0 = Sunday, 1 = Monday … 6 = Saturday).'),
    holidays: z.array(z.string()),
    workdays: z.array(z.string()),
    makeUpDaySchedule: z.array(interval).nullable(),
    alwaysOpen: z.boolean(),
    holidayYears: z.array(z.number().int()),
  })
  .meta({ id: 'BusinessCalendar' });

const name = z.string().trim().min(1).max(100);

export const createCalendarBody = z.strictObject({
  nameZh: name,
  nameEn: z.string().trim().max(100).default(''),
  timeZone: z.string().max(100).default('Asia/Shanghai'),
  weekly: z.array(daySchedule).length(7).default([[], [], [], [], [], [], []]).describe('Seven days, Sunday first (index 0 = Sunday). Intervals "HH:MM"–"HH:MM", sorted, not overlapping.'),
  holidays: dates.default([]).describe('Local dates YYYY-MM-DD without business time.'),
  workdays: dates.default([]).describe('Make-up workdays (调休): local dates that work the make-up day schedule.'),
  makeUpDaySchedule: daySchedule.nullable().default(null).describe('Hours of make-up workdays; null = the Monday schedule.'),
  alwaysOpen: z.boolean().default(false).describe('24×7: every minute counts; weekly, holidays and workdays are ignored.'),
  isDefault: z.boolean().default(false).describe('Make this the default calendar (the previous default stops being one).'),
});

export const updateCalendarBody = z.strictObject({
  nameZh: name.optional(),
  nameEn: z.string().trim().max(100).optional(),
  timeZone: z.string().max(100).optional(),
  weekly: z.array(daySchedule).length(7).optional(),
  holidays: dates.optional(),
  workdays: dates.optional(),
  makeUpDaySchedule: daySchedule.nullable().optional(),
  alwaysOpen: z.boolean().optional(),
  isDefault: z.boolean().optional().describe('`true` makes this the default. The default cannot be turned off directly (409): make another calendar the default instead.'),
});

const scheduleDay = z.object({ date: z.string().max(10), name: z.string().max(100) });

export const yearScheduleSchema = z
  .object({ year: z.number().int(), source: z.string().optional(), holidays: z.array(scheduleDay), workdays: z.array(scheduleDay) })
  .meta({ id: 'YearHolidaySchedule' });

export const importScheduleBody = z.strictObject({
  year: z.number().int().min(1970).max(9999),
  source: z.string().max(2000).optional().describe('`china` with no day lists: the bundled official schedule. Otherwise free text (e.g. the notice URL).'),
  holidays: z.array(scheduleDay).max(366).optional(),
  workdays: z.array(scheduleDay).max(366).optional(),
});

export const idParams = z.object({ id: z.uuid() });
export const ifMatchHeaders = z.object({ 'if-match': z.string().optional() });

export type CreateCalendarInput = z.output<typeof createCalendarBody>;
export type CalendarChanges = z.output<typeof updateCalendarBody>;
export type ImportScheduleInput = z.output<typeof importScheduleBody>;

export function calendarJson(view: CalendarView): z.input<typeof calendarSchema> {
  const { calendar } = view;
  return {
    id: view.id,
    nameZh: view.nameZh,
    nameEn: view.nameEn,
    isDefault: view.isDefault,
    version: view.version,
    timeZone: calendar.timeZone,
    weekly: calendar.weekly.map((day) => [...day]),
    holidays: [...calendar.holidays],
    workdays: [...calendar.workdays],
    makeUpDaySchedule: calendar.makeUpDaySchedule ? [...calendar.makeUpDaySchedule] : null,
    alwaysOpen: Boolean(calendar.alwaysOpen),
    holidayYears: view.holidayYears,
  };
}
