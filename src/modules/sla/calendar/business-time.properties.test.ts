import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  DEFAULT_BUSINESS_CALENDAR as china,
  addBusinessMinutes,
  businessIntervalsOnDate,
  businessMinutesBetween,
  isBusinessTime,
  nextBusinessInstant,
  type BusinessCalendar,
  type DaySchedule,
  type WeeklySchedule,
} from './index.js';

/**
 * Properties of business-time arithmetic, on the default China calendar and on random calendars
 * (random zones with and without DST, random intervals, holidays and make-up days). Run counts
 * are modest so the file finishes in a few seconds; a failure prints fast-check's seed and path.
 */

const MINUTE = 60_000;
const DAY = 86_400_000;
const runs = { numRuns: 150 };

const zones = ['Asia/Shanghai', 'Europe/Berlin', 'America/New_York', 'America/Santiago', 'Australia/Lord_Howe', 'Asia/Kolkata', 'UTC'] as const;
const firstDay = Date.UTC(2024, 0, 1) / DAY;
const lastDay = Date.UTC(2026, 11, 31) / DAY;
const isoOfDay = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);
const hhmm = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

const dayScheduleArb: fc.Arbitrary<DaySchedule> = fc
  .uniqueArray(fc.integer({ min: 0, max: 1440 }), { maxLength: 6 })
  .map((minutes) => {
    const sorted = [...minutes].sort((a, b) => a - b);
    const intervals: { start: string; end: string }[] = [];
    for (let i = 0; i + 1 < sorted.length; i += 2) intervals.push({ start: hhmm(sorted[i] ?? 0), end: hhmm(sorted[i + 1] ?? 0) });
    return intervals;
  });
const nonEmptyDayArb = dayScheduleArb.filter((day) => day.length > 0);

const calendarArb: fc.Arbitrary<BusinessCalendar> = fc
  .record({
    timeZone: fc.constantFrom(...zones),
    weekly: fc.tuple(dayScheduleArb, dayScheduleArb, dayScheduleArb, dayScheduleArb, dayScheduleArb, dayScheduleArb, dayScheduleArb),
    holidayDays: fc.uniqueArray(fc.integer({ min: firstDay, max: lastDay }), { maxLength: 40 }),
    workdayDays: fc.uniqueArray(fc.integer({ min: firstDay, max: lastDay }), { maxLength: 10 }),
    makeUpDaySchedule: nonEmptyDayArb,
    fallbackDay: nonEmptyDayArb,
  })
  .map(({ timeZone, weekly, holidayDays, workdayDays, makeUpDaySchedule, fallbackDay }) => {
    const week: WeeklySchedule = weekly.some((day) => day.length) ? weekly : [weekly[0], fallbackDay, weekly[2], weekly[3], weekly[4], weekly[5], weekly[6]];
    const holidays = new Set(holidayDays);
    return {
      timeZone,
      weekly: week,
      holidays: holidayDays.map(isoOfDay),
      workdays: workdayDays.filter((day) => !holidays.has(day)).map(isoOfDay),
      makeUpDaySchedule,
    };
  });

/** Instants from late 2023 to early 2027, half of them on whole minutes. */
const instantArb = fc.oneof(
  fc.integer({ min: Date.UTC(2023, 11, 20), max: Date.UTC(2027, 0, 10) }).map((ms) => new Date(ms)),
  fc.integer({ min: Date.UTC(2023, 11, 20) / MINUTE, max: Date.UTC(2027, 0, 10) / MINUTE }).map((minute) => new Date(minute * MINUTE)),
);
const minutesArb = fc.oneof(fc.integer({ min: 0, max: 600 }), fc.integer({ min: 0, max: 30_000 }));
const calendarOrChinaArb = fc.oneof(fc.constant(china), calendarArb);

/** Local 'YYYY-MM-DD' of an instant, by the runtime's Intl (independent of the engine). */
const localDateOf = (timeZone: string, instant: Date) => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);

describe('add then measure', () => {
  test('businessMinutesBetween(from, add(from, n)) === n, also from the normalised start', () => {
    fc.assert(
      fc.property(calendarOrChinaArb, instantArb, minutesArb, (calendar, from, n) => {
        const due = addBusinessMinutes(calendar, from, n);
        assert.equal(businessMinutesBetween(calendar, from, due), n);
        assert.equal(businessMinutesBetween(calendar, nextBusinessInstant(calendar, from), due), n);
      }),
      runs,
    );
  });

  test('where a result lands: n = 0 at business time, n > 0 just after business time, never in a holiday', () => {
    fc.assert(
      fc.property(calendarOrChinaArb, instantArb, minutesArb, (calendar, from, n) => {
        const due = addBusinessMinutes(calendar, from, n);
        assert.ok(due.getTime() >= from.getTime());
        // n = 0: the next business instant itself. n > 0: the instant the n-th minute is used up,
        // so the millisecond before it is business time (the result may be a closing time).
        const lastUsed = n === 0 ? due : new Date(due.getTime() - 1);
        assert.equal(isBusinessTime(calendar, lastUsed), true);
        if (n === 0) assert.deepEqual(due, nextBusinessInstant(calendar, from));
        // In America/Santiago the hour repeated at midnight belongs to the next day, so its local
        // date is not the owning day's; every other zone here changes clocks away from midnight.
        if (calendar.timeZone !== 'America/Santiago') assert.ok(!calendar.holidays.includes(localDateOf(calendar.timeZone, lastUsed)));
      }),
      runs,
    );
  });

  test('调休 days are never skipped: a make-up day is business time at its schedule', () => {
    for (const date of china.workdays) {
      const day = businessIntervalsOnDate(china, date);
      assert.equal(day.length, 2, date);
      assert.ok(day.every(({ start }) => isBusinessTime(china, start)));
    }
  });
});

describe('shape of addBusinessMinutes', () => {
  test('monotone in minutes and in the start', () => {
    fc.assert(
      fc.property(calendarOrChinaArb, instantArb, instantArb, minutesArb, minutesArb, (calendar, a, b, n1, n2) => {
        const [small, large] = n1 <= n2 ? [n1, n2] : [n2, n1];
        assert.ok(addBusinessMinutes(calendar, a, small) <= addBusinessMinutes(calendar, a, large));
        const [early, late] = a <= b ? [a, b] : [b, a];
        assert.ok(addBusinessMinutes(calendar, early, n1) <= addBusinessMinutes(calendar, late, n1));
      }),
      runs,
    );
  });

  test('additive: add(add(t, a), b) === add(t, a + b) for b > 0', () => {
    fc.assert(
      fc.property(calendarOrChinaArb, instantArb, minutesArb, fc.integer({ min: 1, max: 20_000 }), (calendar, t, a, b) => {
        assert.deepEqual(addBusinessMinutes(calendar, addBusinessMinutes(calendar, t, a), b), addBusinessMinutes(calendar, t, a + b));
      }),
      runs,
    );
  });

  test('matches a day-by-day walk over businessIntervalsOnDate (checks the week skipping)', () => {
    fc.assert(
      fc.property(calendarOrChinaArb, instantArb, fc.integer({ min: 0, max: 60_000 }), (calendar, from, n) => {
        let remaining = n * MINUTE;
        let day = Date.parse(`${localDateOf(calendar.timeZone, from)}T00:00:00Z`) / DAY - 1;
        let expected: number | undefined;
        while (expected === undefined) {
          for (const { start, end } of businessIntervalsOnDate(calendar, isoOfDay(day))) {
            if (end.getTime() <= from.getTime()) continue;
            const begin = Math.max(start.getTime(), from.getTime());
            if (remaining === 0) {
              expected = begin;
              break;
            }
            if (remaining <= end.getTime() - begin) {
              expected = begin + remaining;
              break;
            }
            remaining -= end.getTime() - begin;
          }
          day += 1;
        }
        assert.equal(addBusinessMinutes(calendar, from, n).getTime(), expected);
      }),
      { numRuns: 60 },
    );
  });

  test('matches a minute-by-minute count on the China calendar (independent oracle)', () => {
    const holidays = new Set(china.holidays);
    const workdays = new Set(china.workdays);
    const isWorkingMinute = (utcMinute: number) => {
      const local = new Date((utcMinute + 8 * 60) * MINUTE); // Asia/Shanghai is UTC+8 all year
      const date = local.toISOString().slice(0, 10);
      const minuteOfDay = local.getUTCHours() * 60 + local.getUTCMinutes();
      const weekday = local.getUTCDay();
      const working = workdays.has(date) || (weekday >= 1 && weekday <= 5 && !holidays.has(date));
      return working && ((minuteOfDay >= 540 && minuteOfDay < 720) || (minuteOfDay >= 780 && minuteOfDay < 1080));
    };
    const minuteArb = fc.integer({ min: Date.UTC(2024, 0, 1) / MINUTE, max: Date.UTC(2026, 11, 20) / MINUTE });
    fc.assert(
      fc.property(minuteArb, fc.integer({ min: 0, max: 2_000 }), (fromMinute, n) => {
        let minute = fromMinute;
        while (!isWorkingMinute(minute)) minute++;
        for (let used = 0; used < n; minute++) if (isWorkingMinute(minute)) used++;
        // After n minutes the oracle stands on the minute after the last used one (a closing time or not).
        assert.equal(addBusinessMinutes(china, new Date(fromMinute * MINUTE), n).getTime(), minute * MINUTE);
      }),
      { numRuns: 60 },
    );
  });
});

describe('shape of businessMinutesBetween', () => {
  test('antisymmetric and additive over consecutive spans; 1 ms after a business instant counts', () => {
    const toMs = (minutes: number) => Math.round(minutes * MINUTE);
    fc.assert(
      fc.property(calendarOrChinaArb, instantArb, instantArb, instantArb, (calendar, x, y, z) => {
        const [a, b, c] = [x, y, z].sort((p, q) => p.getTime() - q.getTime()) as [Date, Date, Date];
        assert.equal(toMs(businessMinutesBetween(calendar, b, a)), 0 - toMs(businessMinutesBetween(calendar, a, b)));
        assert.equal(toMs(businessMinutesBetween(calendar, a, b)) + toMs(businessMinutesBetween(calendar, b, c)), toMs(businessMinutesBetween(calendar, a, c)));
        const oneMs = toMs(businessMinutesBetween(calendar, a, new Date(a.getTime() + 1)));
        assert.equal(oneMs, isBusinessTime(calendar, a) ? 1 : 0);
      }),
      runs,
    );
  });
});
