import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  ALWAYS_OPEN_CALENDAR,
  DEFAULT_BUSINESS_CALENDAR as china,
  addBusinessMinutes,
  businessIntervalsOnDate,
  businessMinutesBetween,
  isBusinessTime,
  nextBusinessInstant,
  type BusinessCalendar,
  type DaySchedule,
} from './index.js';

/** Worked examples on the default calendar: Asia/Shanghai, Mon–Fri 09:00–12:00 + 13:00–18:00, China 2024–2026. */

/** 'YYYY-MM-DD HH:MM' in Beijing time. */
const bj = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`);
const add = (from: string, minutes: number, calendar: BusinessCalendar = china) => addBusinessMinutes(calendar, bj(from), minutes);
const between = (a: string, b: string, calendar: BusinessCalendar = china) => businessMinutesBetween(calendar, bj(a), bj(b));

describe('one ordinary day', () => {
  test('inside, lunch, before opening, after closing', () => {
    assert.equal(isBusinessTime(china, bj('2025-03-03 09:00')), true, 'opening instant is business time');
    assert.equal(isBusinessTime(china, bj('2025-03-03 11:59')), true);
    assert.equal(isBusinessTime(china, bj('2025-03-03 12:00')), false, 'intervals are half-open');
    assert.equal(isBusinessTime(china, bj('2025-03-03 12:30')), false, 'lunch');
    assert.equal(isBusinessTime(china, bj('2025-03-03 08:59')), false);
    assert.equal(isBusinessTime(china, bj('2025-03-03 18:00')), false);
    assert.equal(isBusinessTime(china, bj('2025-03-08 10:00')), false, 'ordinary Saturday');
    assert.equal(between('2025-03-03 00:00', '2025-03-04 00:00'), 480);
  });

  test('crossing the lunch break', () => {
    assert.deepEqual(add('2025-03-03 11:30', 60), bj('2025-03-03 13:30'));
    assert.deepEqual(add('2025-03-03 12:15', 1), bj('2025-03-03 13:01'), 'counting starts at the next opening');
    assert.equal(between('2025-03-03 11:30', '2025-03-03 13:30'), 60);
    assert.equal(between('2025-03-03 11:00', '2025-03-03 14:00'), 120);
  });

  test('the last minute ends at a closing time, not at the next opening', () => {
    assert.deepEqual(add('2025-03-03 11:00', 60), bj('2025-03-03 12:00'));
    assert.deepEqual(add('2025-03-03 17:00', 60), bj('2025-03-03 18:00'));
  });

  test('adding 0 returns the instant itself, or the next opening when outside', () => {
    assert.deepEqual(add('2025-03-03 10:17', 0), bj('2025-03-03 10:17'));
    assert.deepEqual(add('2025-03-03 12:00', 0), bj('2025-03-03 13:00'));
    assert.deepEqual(add('2025-03-07 18:00', 0), bj('2025-03-10 09:00'), 'Friday evening → Monday');
    assert.deepEqual(nextBusinessInstant(china, bj('2025-03-08 03:00')), bj('2025-03-10 09:00'));
  });

  test('seconds and fractional minutes are kept to the millisecond', () => {
    const from = new Date(bj('2025-03-03 10:00').getTime() + 30_500);
    assert.deepEqual(addBusinessMinutes(china, from, 1.5), new Date(from.getTime() + 90_000));
    assert.equal(businessMinutesBetween(china, from, bj('2025-03-03 10:10')), 10 - 30.5 / 60);
  });

  test('a > b gives the negative; bad input is refused', () => {
    assert.equal(between('2025-03-04 10:00', '2025-03-03 10:00'), -480);
    assert.equal(between('2025-03-03 10:00', '2025-03-03 10:00'), 0);
    assert.equal(between('2025-03-03 13:00', '2025-03-03 12:00'), 0, 'never -0');
    assert.throws(() => addBusinessMinutes(china, bj('2025-03-03 10:00'), -1), RangeError);
    assert.throws(() => addBusinessMinutes(china, bj('2025-03-03 10:00'), Number.NaN), RangeError);
    assert.throws(() => addBusinessMinutes(china, new Date(Number.NaN), 1), RangeError);
  });
});

describe('weekends, holidays and 调休', () => {
  test('Friday 17:30 + 60 before a holiday', () => {
    // 2026-09-25 (Fri) – 27 Mid-Autumn: Thursday evening rolls to Monday.
    assert.deepEqual(add('2026-09-24 17:30', 60), bj('2026-09-28 09:30'));
    // 2025-01-24 is a Friday; Sunday 01-26 is a 春节 make-up workday.
    assert.deepEqual(add('2025-01-24 17:30', 60), bj('2025-01-26 09:30'));
    // 2024-09-13 is a Friday; Saturday 09-14 is a 中秋 make-up workday.
    assert.deepEqual(add('2024-09-13 17:30', 60), bj('2024-09-14 09:30'));
  });

  test('调休 weekend days count as workdays, with the Monday schedule', () => {
    for (const date of ['2025-01-26', '2025-02-08', '2025-09-28', '2025-10-11', '2026-01-04', '2026-02-14', '2026-02-28', '2026-09-20', '2026-10-10']) {
      assert.equal(isBusinessTime(china, bj(`${date} 10:00`)), true, date);
      assert.equal(isBusinessTime(china, bj(`${date} 12:30`)), false, `${date} lunch`);
      assert.equal(between(`${date} 00:00`, `${date} 23:59`), 480, date);
    }
    assert.equal(isBusinessTime(china, bj('2025-10-18 10:00')), false, 'an ordinary Saturday stays off');
  });

  test('Spring Festival 2025: off 01-28 … 02-04, work Sunday 01-26 and Saturday 02-08', () => {
    assert.deepEqual(add('2025-01-27 17:30', 60), bj('2025-02-05 09:30'));
    assert.deepEqual(add('2025-02-07 17:30', 60), bj('2025-02-08 09:30'));
    assert.equal(between('2025-01-27 18:00', '2025-02-05 09:00'), 0);
    // Working days in [01-24, 02-10): 01-24, 01-26, 01-27, 02-05, 02-06, 02-07, 02-08.
    assert.equal(between('2025-01-24 00:00', '2025-02-10 00:00'), 7 * 480);
    for (let day = 28; day <= 31; day++) assert.deepEqual(businessIntervalsOnDate(china, `2025-01-${day}`), []);
  });

  test('Spring Festival 2026: off 02-15 … 02-23, work Saturdays 02-14 and 02-28', () => {
    assert.deepEqual(add('2026-02-13 17:30', 60), bj('2026-02-14 09:30'));
    assert.deepEqual(add('2026-02-14 17:30', 60), bj('2026-02-24 09:30'));
    assert.deepEqual(add('2026-02-14 09:00', 480 + 480), bj('2026-02-24 18:00'), 'one day on Saturday, one on Tuesday 02-24');
    // [02-13, 03-02): 02-13, 02-14, 02-24 … 02-27, 02-28 = 7 days.
    assert.equal(between('2026-02-13 00:00', '2026-03-02 00:00'), 7 * 480);
  });

  test('National Day 2025: off 10-01 … 10-08, work Sunday 09-28 and Saturday 10-11', () => {
    assert.deepEqual(add('2025-09-26 17:30', 60), bj('2025-09-28 09:30'));
    assert.deepEqual(add('2025-09-30 17:30', 60), bj('2025-10-09 09:30'));
    assert.deepEqual(add('2025-10-10 17:30', 60), bj('2025-10-11 09:30'));
    assert.equal(between('2025-09-30 18:00', '2025-10-09 09:00'), 0);
  });

  test('National Day 2026: off 10-01 … 10-07, work Sunday 09-20 and Saturday 10-10', () => {
    assert.deepEqual(add('2026-09-18 17:30', 60), bj('2026-09-20 09:30'));
    assert.deepEqual(add('2026-09-30 17:30', 60), bj('2026-10-08 09:30'));
    assert.deepEqual(add('2026-10-09 17:30', 60), bj('2026-10-10 09:30'));
    // [09-28, 10-12): 09-28, 09-29, 09-30, 10-08, 10-09, 10-10 = 6 days.
    assert.equal(between('2026-09-28 00:00', '2026-10-12 00:00'), 6 * 480);
  });

  test('year end 2025 → 2026: New Year 01-01 … 01-03 off, Sunday 01-04 works', () => {
    assert.deepEqual(add('2025-12-31 17:30', 60), bj('2026-01-04 09:30'));
    assert.deepEqual(add('2025-12-31 17:00', 120), bj('2026-01-04 10:00'));
    assert.equal(between('2025-12-31 17:00', '2026-01-05 10:00'), 60 + 480 + 60);
  });

  test('long additions walk weeks and come back', () => {
    const from = bj('2025-01-02 09:00');
    const due = addBusinessMinutes(china, from, 100_000);
    assert.equal(businessMinutesBetween(china, from, due), 100_000);
    assert.equal(isBusinessTime(china, new Date(due.getTime() - 1)), true);
  });
  test('a sparse calendar may put a large budget beyond 100 years (found by the property test, seed -814261794)', () => {
    // One business minute a week: 5,229 minutes end in the 5,229th week, ~100.2 years on. The
    // 100-year search limit bounds the search for the next business time, not the whole walk.
    const oneMinuteOnMondays: BusinessCalendar = { timeZone: 'UTC', weekly: [[], [{ start: '00:00', end: '00:01' }], [], [], [], [], []], holidays: [], workdays: [] };
    const firstMonday = Date.UTC(2023, 11, 25);
    const due = addBusinessMinutes(oneMinuteOnMondays, new Date(Date.UTC(2023, 11, 20)), 5229);
    assert.equal(due.getTime(), firstMonday + 5228 * 7 * 86_400_000 + 60_000);
  });
});

describe('midnight and night shifts', () => {
  const night: DaySchedule = [
    { start: '00:00', end: '02:00' },
    { start: '22:00', end: '24:00' },
  ];
  const nightShift: BusinessCalendar = { timeZone: 'Asia/Shanghai', weekly: [night, night, night, night, night, night, night], holidays: ['2025-03-05'], workdays: [] };

  test('an interval ending at 24:00 runs on into the next day', () => {
    assert.deepEqual(add('2025-03-03 23:30', 60, nightShift), bj('2025-03-04 00:30'));
    assert.equal(between('2025-03-03 23:00', '2025-03-04 01:00', nightShift), 120);
    assert.equal(isBusinessTime(nightShift, bj('2025-03-04 00:00')), true);
  });

  test('a holiday cuts at local midnight', () => {
    // 03-04 22:00–24:00 works; 03-05 is off; 03-06 00:00 resumes.
    assert.deepEqual(add('2025-03-04 23:00', 90, nightShift), bj('2025-03-06 00:30'));
    assert.equal(between('2025-03-04 00:00', '2025-03-07 00:00', nightShift), 4 * 60 + 0 + 4 * 60);
  });

  test('office hours: 23:00 rolls to the next morning', () => {
    assert.deepEqual(add('2025-03-03 23:00', 30), bj('2025-03-04 09:30'));
  });
});

describe('24×7', () => {
  test('every minute counts, holidays ignored', () => {
    assert.equal(isBusinessTime(ALWAYS_OPEN_CALENDAR, bj('2025-01-29 03:00')), true);
    assert.deepEqual(add('2025-01-28 03:00', 90, ALWAYS_OPEN_CALENDAR), bj('2025-01-28 04:30'));
    assert.equal(between('2025-12-31 23:00', '2026-01-01 01:00', ALWAYS_OPEN_CALENDAR), 120);
    assert.deepEqual(businessIntervalsOnDate(ALWAYS_OPEN_CALENDAR, '2025-10-01'), [{ start: bj('2025-10-01 00:00'), end: bj('2025-10-02 00:00') }]);
  });

  test('a weekly 00:00–24:00 schedule is 24×7 but respects holidays', () => {
    const allDay: DaySchedule = [{ start: '00:00', end: '24:00' }];
    const calendar: BusinessCalendar = { ...china, weekly: [allDay, allDay, allDay, allDay, allDay, allDay, allDay], makeUpDaySchedule: allDay };
    assert.deepEqual(add('2025-09-30 23:00', 120, calendar), bj('2025-10-09 01:00'));
    assert.equal(between('2025-03-01 00:00', '2025-03-08 00:00', calendar), 7 * 1440);
  });
});

describe('time zones with daylight saving (Europe/Berlin)', () => {
  const office: DaySchedule = [{ start: '09:00', end: '17:00' }];
  const allDay: DaySchedule = [{ start: '00:00', end: '24:00' }];
  const berlin: BusinessCalendar = { timeZone: 'Europe/Berlin', weekly: [allDay, office, office, office, office, office, []], holidays: [], workdays: [] };

  test('the spring-forward Sunday has 23 hours, the fall-back Sunday 25', () => {
    assert.equal(businessMinutesBetween(berlin, new Date('2025-03-29T23:00:00Z'), new Date('2025-03-30T22:00:00Z')), 23 * 60);
    assert.equal(businessMinutesBetween(berlin, new Date('2025-10-25T22:00:00Z'), new Date('2025-10-26T23:00:00Z')), 25 * 60);
    const spring = businessIntervalsOnDate(berlin, '2025-03-30');
    assert.deepEqual(spring, [{ start: new Date('2025-03-29T23:00:00Z'), end: new Date('2025-03-30T22:00:00Z') }]);
    // 01:59:59 CET is followed by 03:00 CEST: 60 minutes after 01:30 CET is 03:30 CEST.
    assert.deepEqual(addBusinessMinutes(berlin, new Date('2025-03-30T00:30:00Z'), 60), new Date('2025-03-30T01:30:00Z'));
  });

  test('office hours across the change keep local 09:00', () => {
    // Friday 16:00 CET + 120 → Monday 10:00 CEST (08:00Z); the all-day Sunday in between counts 23 h.
    assert.deepEqual(addBusinessMinutes(berlin, new Date('2025-03-28T15:00:00Z'), 60 + 23 * 60 + 60), new Date('2025-03-31T08:00:00Z'));
    const monday = businessIntervalsOnDate(berlin, '2025-03-31');
    assert.deepEqual(monday, [{ start: new Date('2025-03-31T07:00:00Z'), end: new Date('2025-03-31T15:00:00Z') }]);
  });

  test('wall times inside the skipped hour shrink; repeated hours count twice', () => {
    const nightly = (start: string, end: string): BusinessCalendar => ({ ...berlin, weekly: [[{ start, end }], [], [], [], [], [], []] });
    assert.deepEqual(businessIntervalsOnDate(nightly('02:00', '02:30'), '2025-03-30'), [], 'wholly inside the gap');
    assert.equal(businessMinutesBetween(nightly('01:00', '04:00'), new Date('2025-03-29T00:00:00Z'), new Date('2025-03-31T00:00:00Z')), 120);
    assert.equal(businessMinutesBetween(nightly('01:00', '04:00'), new Date('2025-10-25T00:00:00Z'), new Date('2025-10-27T00:00:00Z')), 240);
    assert.equal(isBusinessTime(nightly('02:00', '02:30'), new Date('2025-03-30T01:00:00Z')), false);
  });

  test('a zone whose clocks jump at midnight (America/Santiago, 2025-09-07)', () => {
    const allDay7: BusinessCalendar = { timeZone: 'America/Santiago', weekly: [allDay, allDay, allDay, allDay, allDay, allDay, allDay], holidays: [], workdays: [] };
    const [sunday] = businessIntervalsOnDate(allDay7, '2025-09-07');
    assert.ok(sunday);
    assert.equal((sunday.end.getTime() - sunday.start.getTime()) / 3_600_000, 23);
    const [saturday] = businessIntervalsOnDate(allDay7, '2025-09-06');
    assert.deepEqual(saturday?.end, sunday.start, 'days stay contiguous');
  });
});
