import { parseBusinessCalendar, type BusinessCalendar, type DaySchedule } from './business-calendar.js';
import { dayNumberOf, minuteOfDay, MS_PER_DAY, MS_PER_MINUTE, weekdayOf } from './local-date.js';
import { instantOfWallTime, localDayAt, offsetAt } from './time-zone.js';

/**
 * A calendar turned into numbers, with its business intervals of each local day mapped to UTC
 * milliseconds on first use and kept (per calendar object, in a WeakMap).
 *
 * Day D "owns" the instants [dayStart(D), dayStart(D+1)), where dayStart(D) is the first instant
 * whose wall clock shows D 00:00 or later; a '24:00' interval end is dayStart(D+1). All intervals
 * of all days are therefore sorted and disjoint, including across DST changes.
 */
export interface CompiledCalendar {
  readonly timeZone: string;
  readonly alwaysOpen: boolean;
  /** Per weekday, flat [startMinute, endMinute, …]. */
  readonly weekly: readonly (readonly number[])[];
  readonly makeUp: readonly number[];
  readonly holidays: ReadonlySet<number>;
  readonly workdays: ReadonlySet<number>;
  /** Business milliseconds of one week without holidays, make-up days or offset changes. */
  readonly weekMs: number;
  readonly dayIntervals: Map<number, readonly number[]>;
}

const compiledCalendars = new WeakMap<BusinessCalendar, CompiledCalendar>();
const MAX_CACHED_DAYS = 20_000;

function minutesOf(schedule: DaySchedule): number[] {
  return schedule.flatMap((interval) => [minuteOfDay(interval.start) ?? 0, minuteOfDay(interval.end) ?? 0]);
}

function daySetOf(dates: readonly string[]): Set<number> {
  return new Set(dates.map((date) => dayNumberOf(date) ?? Number.NaN));
}

/** Validates (throws `Invalid`) and compiles once per calendar object. */
export function compileCalendar(calendar: BusinessCalendar): CompiledCalendar {
  let compiled = compiledCalendars.get(calendar);
  if (!compiled) {
    const valid = parseBusinessCalendar(calendar);
    const weekly = valid.weekly.map(minutesOf);
    let weekMinutes = 0;
    for (const day of weekly) for (let i = 0; i < day.length; i += 2) weekMinutes += (day[i + 1] ?? 0) - (day[i] ?? 0);
    compiled = {
      timeZone: valid.timeZone,
      alwaysOpen: valid.alwaysOpen === true,
      weekly,
      makeUp: minutesOf(valid.makeUpDaySchedule ?? valid.weekly[1]),
      holidays: daySetOf(valid.holidays),
      workdays: daySetOf(valid.workdays),
      weekMs: weekMinutes * MS_PER_MINUTE,
      dayIntervals: new Map(),
    };
    compiledCalendars.set(calendar, compiled);
  }
  return compiled;
}

/** Working minutes of a local day: none on a holiday, the make-up schedule on a 调休 day. */
function wallMinutesOf(calendar: CompiledCalendar, day: number): readonly number[] {
  if (calendar.holidays.has(day)) return [];
  if (calendar.workdays.has(day)) return calendar.makeUp;
  return calendar.weekly[weekdayOf(day)] ?? [];
}

/** Business intervals of local day `day` as flat [start, end, …] UTC milliseconds, none empty. */
export function intervalsOfDay(calendar: CompiledCalendar, day: number): readonly number[] {
  const cached = calendar.dayIntervals.get(day);
  if (cached) return cached;
  const minutes = wallMinutesOf(calendar, day);
  const midnight = day * MS_PER_DAY;
  const intervals: number[] = [];
  if (minutes.length) {
    const { timeZone } = calendar;
    const offset = offsetAt(timeZone, midnight - MS_PER_DAY);
    const steady = offset === offsetAt(timeZone, midnight + 2 * MS_PER_DAY);
    const toInstant = (minute: number) => (steady ? midnight + minute * MS_PER_MINUTE - offset : instantOfWallTime(timeZone, midnight + minute * MS_PER_MINUTE));
    for (let i = 0; i < minutes.length; i += 2) {
      const start = toInstant(minutes[i] ?? 0);
      const end = toInstant(minutes[i + 1] ?? 0);
      if (end > start) intervals.push(start, end);
    }
  }
  if (calendar.dayIntervals.size >= MAX_CACHED_DAYS) calendar.dayIntervals.clear();
  calendar.dayIntervals.set(day, intervals);
  return intervals;
}

export function dayStart(calendar: CompiledCalendar, day: number): number {
  return instantOfWallTime(calendar.timeZone, day * MS_PER_DAY);
}

/** The local day that owns `instant` (its local date, corrected around midnight DST changes). */
export function owningDay(calendar: CompiledCalendar, instant: number): number {
  const day = localDayAt(calendar.timeZone, instant);
  if (instant < dayStart(calendar, day)) return day - 1;
  if (instant >= dayStart(calendar, day + 1)) return day + 1;
  return day;
}

/**
 * Whether days [day, day+7) are an ordinary week: no holiday, no make-up day and one UTC offset
 * throughout, so their business time is exactly `weekMs` and can be skipped in one step.
 */
export function isOrdinaryWeek(calendar: CompiledCalendar, day: number): boolean {
  for (let d = day; d < day + 7; d++) if (calendar.holidays.has(d) || calendar.workdays.has(d)) return false;
  const { timeZone } = calendar;
  return offsetAt(timeZone, (day - 1) * MS_PER_DAY) === offsetAt(timeZone, (day + 8) * MS_PER_DAY);
}
