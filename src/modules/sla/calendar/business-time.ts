import type { BusinessCalendar } from './business-calendar.js';
import { compileCalendar, dayStart, intervalsOfDay, isOrdinaryWeek, owningDay, type CompiledCalendar } from './compiled-calendar.js';
import { dayNumberOf, MS_PER_MINUTE } from './local-date.js';

/**
 * Business-time arithmetic on a calendar. Pure: the answers depend only on the arguments.
 *
 * Semantics (the choices the SLA timers rely on):
 * - Business time is a union of half-open intervals [opening, closing). Business minutes are
 *   real elapsed minutes inside them (so an interval spanning a DST change is an hour longer or
 *   shorter than its wall-clock length). Minutes may be fractional; they are resolved to whole
 *   milliseconds.
 * - `addBusinessMinutes(from, n)`: counting starts at `from` if it is business time, otherwise at
 *   the next opening. n = 0 therefore returns `nextBusinessInstant(from)`. For n > 0 the result is
 *   the instant the n-th minute is used up, which may be a closing time (11:00 + 60 → 12:00, not
 *   13:00 after lunch): the millisecond before the result is always business time.
 * - `businessMinutesBetween(a, b)` counts business time in [a, b); when a > b it is the negative
 *   of (b, a), so "minutes left until due" goes below zero once overdue.
 * - Walks interval by interval and day by day, and skips ordinary weeks (no holiday, make-up day
 *   or UTC offset change) in one step, so cost grows with calendar days, not with minutes.
 */

/**
 * Refuse to look further than this for the next business time (only a calendar without any gets
 * here). It bounds the days searched since business time was last found, not the whole walk: a
 * sparse calendar (one minute on Mondays) may legitimately put a large budget beyond 100 years.
 */
const MAX_DAYS_SEARCHED = 366 * 100;

function instantOf(date: Date, name: string): number {
  const time = date instanceof Date ? date.getTime() : Number.NaN;
  if (!Number.isFinite(time)) throw new RangeError(`${name} must be a valid Date`);
  return time;
}

function noBusinessTime(): never {
  throw new RangeError('the calendar has no business time within 100 years');
}

export function isBusinessTime(calendar: BusinessCalendar, instant: Date): boolean {
  const compiled = compileCalendar(calendar);
  const time = instantOf(instant, 'instant');
  if (compiled.alwaysOpen) return true;
  const intervals = intervalsOfDay(compiled, owningDay(compiled, time));
  for (let i = 0; i < intervals.length; i += 2) {
    if ((intervals[i] ?? 0) <= time && time < (intervals[i + 1] ?? 0)) return true;
  }
  return false;
}

/** `instant` itself when it is business time, else the next opening. */
export function nextBusinessInstant(calendar: BusinessCalendar, instant: Date): Date {
  return addBusinessMinutes(calendar, instant, 0);
}

/** See the semantics above: counting starts at the next opening; never returns before `from`. */
export function addBusinessMinutes(calendar: BusinessCalendar, from: Date, minutes: number): Date {
  const compiled = compileCalendar(calendar);
  let time = instantOf(from, 'from');
  if (!Number.isFinite(minutes) || minutes < 0) throw new RangeError('minutes must be a finite number >= 0');
  let remaining = Math.round(minutes * MS_PER_MINUTE);
  if (compiled.alwaysOpen) return new Date(time + remaining);
  let day = owningDay(compiled, time);
  for (let searched = 0; searched < MAX_DAYS_SEARCHED; searched++) {
    const intervals = intervalsOfDay(compiled, day);
    for (let i = 0; i < intervals.length; i += 2) {
      const end = intervals[i + 1] ?? 0;
      if (end <= time) continue;
      const start = Math.max(intervals[i] ?? 0, time);
      if (remaining === 0) return new Date(start);
      if (remaining <= end - start) return new Date(start + remaining);
      remaining -= end - start;
      time = end;
      searched = 0;
    }
    day += 1;
    while (remaining > compiled.weekMs && isOrdinaryWeek(compiled, day)) {
      remaining -= compiled.weekMs;
      day += 7;
      searched = compiled.weekMs > 0 ? 0 : searched + 7;
    }
  }
  return noBusinessTime();
}

/** Business minutes in [a, b), negative when a > b. */
export function businessMinutesBetween(calendar: BusinessCalendar, a: Date, b: Date): number {
  const compiled = compileCalendar(calendar);
  const from = instantOf(a, 'a');
  const to = instantOf(b, 'b');
  if (from > to) return (0 - businessMillisecondsIn(compiled, to, from)) / MS_PER_MINUTE; // 0 - x: never -0
  return businessMillisecondsIn(compiled, from, to) / MS_PER_MINUTE;
}

function businessMillisecondsIn(calendar: CompiledCalendar, from: number, to: number): number {
  if (calendar.alwaysOpen) return to - from;
  const firstDay = owningDay(calendar, from);
  const lastDay = owningDay(calendar, to);
  let total = 0;
  let day = firstDay;
  while (day <= lastDay) {
    // Days strictly between the two ends lie wholly inside [from, to).
    if (day > firstDay && day + 7 <= lastDay && isOrdinaryWeek(calendar, day)) {
      total += calendar.weekMs;
      day += 7;
      continue;
    }
    const intervals = intervalsOfDay(calendar, day);
    for (let i = 0; i < intervals.length; i += 2) {
      const overlap = Math.min(intervals[i + 1] ?? 0, to) - Math.max(intervals[i] ?? 0, from);
      if (overlap > 0) total += overlap;
    }
    day += 1;
  }
  return total;
}

/** The business intervals of one local date ('YYYY-MM-DD'), for display and for tests. */
export function businessIntervalsOnDate(calendar: BusinessCalendar, localDate: string): { start: Date; end: Date }[] {
  const compiled = compileCalendar(calendar);
  const day = dayNumberOf(localDate);
  if (day === undefined) throw new RangeError(`not a date: ${localDate}`);
  if (compiled.alwaysOpen) return [{ start: new Date(dayStart(compiled, day)), end: new Date(dayStart(compiled, day + 1)) }];
  const intervals = intervalsOfDay(compiled, day);
  const result: { start: Date; end: Date }[] = [];
  for (let i = 0; i < intervals.length; i += 2) result.push({ start: new Date(intervals[i] ?? 0), end: new Date(intervals[i + 1] ?? 0) });
  return result;
}
