import { z } from 'zod';
import { Invalid } from '../../../app/errors.js';
import { calendarErrorCodes, fieldErrorsOf, isoDateSchema, type BusinessCalendar } from './business-calendar.js';

/**
 * One year's official holiday schedule, the import format admins use (and what
 * `chinaHolidaySchedule` produces):
 *
 *   { "year": 2027, "source": "https://www.gov.cn/…",
 *     "holidays": [{ "date": "2027-01-01", "name": "元旦" }, …],
 *     "workdays": [{ "date": "2027-…", "name": "春节" }, …] }
 *
 * `holidays` are days off (weekend days inside a holiday block may be listed or not);
 * `workdays` are the make-up workdays (调休). Every date must lie in `year`.
 */
export const holidayScheduleDaySchema = z.object({
  date: isoDateSchema,
  name: z.string().trim().min(1).max(100),
});

export const yearHolidayScheduleSchema = z
  .object({
    year: z.number().int().min(1970).max(9999),
    source: z.string().max(2000).optional(),
    holidays: z.array(holidayScheduleDaySchema).max(366),
    workdays: z.array(holidayScheduleDaySchema).max(366),
  })
  .superRefine((schedule, ctx) => {
    const seen = new Set<string>();
    for (const list of ['holidays', 'workdays'] as const) {
      schedule[list].forEach((day, index) => {
        if (!day.date.startsWith(`${String(schedule.year).padStart(4, '0')}-`)) {
          ctx.addIssue({ code: 'custom', message: 'sla.calendar.date_outside_year', path: [list, index, 'date'] });
        }
        if (seen.has(day.date)) {
          const message = list === 'workdays' && schedule.holidays.some((holiday) => holiday.date === day.date) ? calendarErrorCodes.holidayAndWorkday : calendarErrorCodes.duplicateDate;
          ctx.addIssue({ code: 'custom', message, path: [list, index, 'date'] });
        }
        seen.add(day.date);
      });
    }
  });

export type HolidayScheduleDay = z.infer<typeof holidayScheduleDaySchema>;
export type YearHolidaySchedule = z.infer<typeof yearHolidayScheduleSchema>;

/** Validates an uploaded year schedule; throws `Invalid` with field paths ('holidays.3.date'). */
export function parseYearHolidaySchedule(input: unknown): YearHolidaySchedule {
  const result = yearHolidayScheduleSchema.safeParse(input);
  if (!result.success) throw new Invalid('validation.failed', {}, fieldErrorsOf(result.error));
  return result.data;
}

const yearOf = (isoDate: string) => Number(isoDate.slice(0, 4));

/**
 * A new calendar whose holidays and make-up workdays of `schedule.year` are exactly the
 * schedule's (importing a year replaces that year; other years are kept).
 */
export function withYearHolidaySchedule<T extends BusinessCalendar>(calendar: T, schedule: YearHolidaySchedule): T {
  const keep = (date: string) => yearOf(date) !== schedule.year;
  return {
    ...calendar,
    holidays: [...calendar.holidays.filter(keep), ...schedule.holidays.map((day) => day.date)].sort(),
    workdays: [...calendar.workdays.filter(keep), ...schedule.workdays.map((day) => day.date)].sort(),
  };
}

/**
 * Years the calendar has holiday data for (a year with any holiday or make-up workday). Dates of
 * other years are plain weekdays by the weekly schedule; the UI should say so ("no 2027 data").
 */
export function holidayDataYears(calendar: BusinessCalendar): number[] {
  const years = new Set([...calendar.holidays, ...calendar.workdays].map(yearOf));
  return [...years].sort((a, b) => a - b);
}

/** The years in [fromYear, toYear] without holiday data (empty for 24×7 calendars). */
export function yearsWithoutHolidayData(calendar: BusinessCalendar, fromYear: number, toYear: number): number[] {
  if (calendar.alwaysOpen) return [];
  const covered = new Set(holidayDataYears(calendar));
  const missing: number[] = [];
  for (let year = fromYear; year <= toYear; year++) if (!covered.has(year)) missing.push(year);
  return missing;
}
