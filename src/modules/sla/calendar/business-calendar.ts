import { z } from 'zod';
import { Invalid, type FieldError } from '../../../app/errors.js';
import { dayNumberOf, minuteOfDay } from './local-date.js';
import { isKnownTimeZone } from './time-zone.js';

/**
 * A business calendar as plain data (JSON-safe: it is what the database and the API carry).
 *
 * - `timeZone`: IANA name; every wall time and date below is local to it.
 * - `weekly[0..6]` (0 = Sunday): the working intervals of that weekday, sorted, not overlapping
 *   (touching is allowed), each `start < end`, 'HH:MM' with `end` up to '24:00'. Intervals are
 *   half-open: 09:00–12:00 contains 11:59:59.999 but not 12:00.
 * - `holidays`: local dates ('YYYY-MM-DD') with no business time at all. Treated as a set.
 * - `workdays`: make-up workdays (调休): local dates that work with `makeUpDaySchedule` (default:
 *   the Monday schedule) whatever their weekday. A date may not be both.
 * - `alwaysOpen`: a 24×7 calendar: every instant is business time; `weekly`, `holidays` and
 *   `workdays` are ignored, and business minutes are elapsed minutes.
 *
 * Calendars are values: the engine caches a compiled form per object, so build a new object
 * rather than mutating one (`parseBusinessCalendar` returns a frozen copy).
 */
export type WorkingInterval = { readonly start: string; readonly end: string };
export type DaySchedule = readonly WorkingInterval[];
export type WeeklySchedule = readonly [DaySchedule, DaySchedule, DaySchedule, DaySchedule, DaySchedule, DaySchedule, DaySchedule];

export interface BusinessCalendar {
  readonly timeZone: string;
  readonly weekly: WeeklySchedule;
  readonly holidays: readonly string[];
  readonly workdays: readonly string[];
  readonly makeUpDaySchedule?: DaySchedule;
  readonly alwaysOpen?: boolean;
}

/** Validation messages are i18n catalogue keys (the app's error mapping shows them as codes). */
export const calendarErrorCodes = {
  timeZone: 'sla.calendar.invalid_time_zone',
  time: 'sla.calendar.invalid_time',
  emptyInterval: 'sla.calendar.interval_end_before_start',
  overlap: 'sla.calendar.intervals_overlap_or_unsorted',
  date: 'sla.calendar.invalid_date',
  duplicateDate: 'sla.calendar.duplicate_date',
  holidayAndWorkday: 'sla.calendar.holiday_and_workday',
  noBusinessTime: 'sla.calendar.no_business_time',
  emptyMakeUpSchedule: 'sla.calendar.make_up_schedule_empty',
} as const;

const startTime = z.string().refine((value) => value !== '24:00' && minuteOfDay(value) !== undefined, { message: calendarErrorCodes.time });
const endTime = z.string().refine((value) => minuteOfDay(value) !== undefined, { message: calendarErrorCodes.time });

export const workingIntervalSchema = z
  .object({ start: startTime, end: endTime })
  .refine(
    (interval) => {
      const [start, end] = [minuteOfDay(interval.start), minuteOfDay(interval.end)];
      // A malformed time is reported on its own field only.
      return start === undefined || end === undefined || interval.start === '24:00' || start < end;
    },
    { message: calendarErrorCodes.emptyInterval, path: ['end'] },
  );

export const dayScheduleSchema = z.array(workingIntervalSchema).max(48).superRefine((intervals, ctx) => {
  for (let i = 1; i < intervals.length; i++) {
    const previousEnd = minuteOfDay(intervals[i - 1]?.end ?? '');
    const start = minuteOfDay(intervals[i]?.start ?? '');
    if (previousEnd !== undefined && start !== undefined && start < previousEnd) {
      ctx.addIssue({ code: 'custom', message: calendarErrorCodes.overlap, path: [i, 'start'] });
    }
  }
});

export const isoDateSchema = z.string().refine((value) => dayNumberOf(value) !== undefined, { message: calendarErrorCodes.date });

const dateSet = z.array(isoDateSchema).superRefine((dates, ctx) => {
  const seen = new Set<string>();
  dates.forEach((date, index) => {
    if (seen.has(date)) ctx.addIssue({ code: 'custom', message: calendarErrorCodes.duplicateDate, path: [index] });
    seen.add(date);
  });
});

export const businessCalendarSchema = z
  .object({
    timeZone: z.string().refine(isKnownTimeZone, { message: calendarErrorCodes.timeZone }),
    weekly: z.tuple([dayScheduleSchema, dayScheduleSchema, dayScheduleSchema, dayScheduleSchema, dayScheduleSchema, dayScheduleSchema, dayScheduleSchema]),
    holidays: dateSet,
    workdays: dateSet,
    makeUpDaySchedule: dayScheduleSchema.optional(),
    alwaysOpen: z.boolean().optional(),
  })
  .superRefine((calendar, ctx) => {
    const holidays = new Set(calendar.holidays);
    calendar.workdays.forEach((date, index) => {
      if (holidays.has(date)) ctx.addIssue({ code: 'custom', message: calendarErrorCodes.holidayAndWorkday, path: ['workdays', index] });
    });
    if (calendar.alwaysOpen) return;
    if (calendar.weekly.every((day) => day.length === 0)) {
      ctx.addIssue({ code: 'custom', message: calendarErrorCodes.noBusinessTime, path: ['weekly'] });
    }
    const makeUpSchedule = calendar.makeUpDaySchedule ?? calendar.weekly[1];
    if (calendar.workdays.length > 0 && makeUpSchedule.length === 0) {
      ctx.addIssue({ code: 'custom', message: calendarErrorCodes.emptyMakeUpSchedule, path: ['makeUpDaySchedule'] });
    }
  });

/** Zod issues as the app's field errors: dotted path ('weekly.1.0.end'), code = catalogue key. */
export function fieldErrorsOf(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    code: issue.message.startsWith('sla.') ? issue.message : `validation.${issue.code}`,
  }));
}

/** Validates unknown input as a calendar; throws `Invalid` listing every bad field. Returns a frozen copy. */
export function parseBusinessCalendar(input: unknown): BusinessCalendar {
  const result = businessCalendarSchema.safeParse(input);
  if (!result.success) throw new Invalid('validation.failed', {}, fieldErrorsOf(result.error));
  return deepFreeze(result.data);
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
