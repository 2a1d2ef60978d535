import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Invalid } from '../../../app/errors.js';
import {
  CHINA_SCHEDULE_YEARS,
  DEFAULT_BUSINESS_CALENDAR,
  addBusinessMinutes,
  chinaHolidaySchedule,
  holidayDataYears,
  isBusinessTime,
  parseYearHolidaySchedule,
  withYearHolidaySchedule,
  yearsWithoutHolidayData,
  type YearHolidaySchedule,
} from './index.js';

/**
 * The official schedule as shipped by chinese-days, checked against the State Council notices
 * (国务院办公厅关于 2025 / 2026 年部分节假日安排的通知).
 */

const dates = (schedule: YearHolidaySchedule | undefined, list: 'holidays' | 'workdays') => (schedule?.[list] ?? []).map((day) => day.date);
const range = (first: string, last: string) => {
  const out: string[] = [];
  for (let t = Date.parse(`${first}T00:00:00Z`); t <= Date.parse(`${last}T00:00:00Z`); t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
};
const within = (list: string[], first: string, last: string) => list.filter((date) => date >= first && date <= last);

describe('China schedule (chinese-days)', () => {
  const y2025 = chinaHolidaySchedule(2025);
  const y2026 = chinaHolidaySchedule(2026);

  test('2025 Spring Festival: off 01-28 … 02-04; work Sunday 01-26 and Saturday 02-08', () => {
    assert.deepEqual(within(dates(y2025, 'holidays'), '2025-01-20', '2025-02-15'), range('2025-01-28', '2025-02-04'));
    assert.deepEqual(within(dates(y2025, 'workdays'), '2025-01-20', '2025-02-15'), ['2025-01-26', '2025-02-08']);
    assert.equal(y2025?.holidays.find((day) => day.date === '2025-01-28')?.name, '春节');
  });

  test('2025 National Day (with Mid-Autumn): off 10-01 … 10-08; work Sunday 09-28 and Saturday 10-11', () => {
    assert.deepEqual(within(dates(y2025, 'holidays'), '2025-09-20', '2025-10-20'), range('2025-10-01', '2025-10-08'));
    assert.deepEqual(within(dates(y2025, 'workdays'), '2025-09-20', '2025-10-20'), ['2025-09-28', '2025-10-11']);
  });

  test('2026 (notice of 2025-11-04): New Year, a 9-day Spring Festival, National Day', () => {
    assert.deepEqual(within(dates(y2026, 'holidays'), '2026-01-01', '2026-01-10'), range('2026-01-01', '2026-01-03'));
    assert.deepEqual(within(dates(y2026, 'holidays'), '2026-02-01', '2026-03-10'), range('2026-02-15', '2026-02-23'));
    assert.deepEqual(within(dates(y2026, 'holidays'), '2026-09-15', '2026-10-20'), [...range('2026-09-25', '2026-09-27'), ...range('2026-10-01', '2026-10-07')]);
    assert.deepEqual(dates(y2026, 'workdays'), ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
    assert.equal(dates(y2026, 'holidays').length, 33);
  });

  test('make-up workdays are all weekend days; holidays and workdays never overlap', () => {
    for (const year of CHINA_SCHEDULE_YEARS) {
      const schedule = chinaHolidaySchedule(year);
      assert.ok(schedule, `data for ${year}`);
      assert.doesNotThrow(() => parseYearHolidaySchedule(schedule));
      for (const date of dates(schedule, 'workdays')) assert.ok([0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay()), date);
    }
  });

  test('years without data: undefined from the package, reported by the calendar', () => {
    assert.equal(chinaHolidaySchedule(2027), undefined);
    assert.deepEqual(holidayDataYears(DEFAULT_BUSINESS_CALENDAR), [2024, 2025, 2026]);
    assert.deepEqual(yearsWithoutHolidayData(DEFAULT_BUSINESS_CALENDAR, 2025, 2028), [2027, 2028]);
    // 2027-01-01 is a Friday: without data it is a plain working day.
    assert.equal(isBusinessTime(DEFAULT_BUSINESS_CALENDAR, new Date('2027-01-01T10:00:00+08:00')), true);
  });
});

describe('importing a year', () => {
  // A made-up 2027 schedule in the import format (the real one is not published yet).
  const upload = {
    year: 2027,
    source: 'test fixture',
    holidays: [
      { date: '2027-01-01', name: '元旦' },
      { date: '2027-02-06', name: '春节' },
    ],
    workdays: [{ date: '2027-01-09', name: '元旦' }],
  };

  test('an imported year makes its days off and its make-up days work', () => {
    const calendar = withYearHolidaySchedule(DEFAULT_BUSINESS_CALENDAR, parseYearHolidaySchedule(upload));
    assert.deepEqual(holidayDataYears(calendar), [2024, 2025, 2026, 2027]);
    assert.equal(isBusinessTime(calendar, new Date('2027-01-01T10:00:00+08:00')), false);
    assert.equal(isBusinessTime(calendar, new Date('2027-01-09T10:00:00+08:00')), true, 'Saturday make-up day');
    assert.deepEqual(addBusinessMinutes(calendar, new Date('2026-12-31T17:30:00+08:00'), 60), new Date('2027-01-04T09:30:00+08:00'));
  });

  test('importing a year again replaces that year only', () => {
    const once = withYearHolidaySchedule(DEFAULT_BUSINESS_CALENDAR, parseYearHolidaySchedule(upload));
    const corrected = withYearHolidaySchedule(once, parseYearHolidaySchedule({ ...upload, holidays: [{ date: '2027-01-01', name: '元旦' }], workdays: [] }));
    assert.deepEqual(corrected.holidays.filter((date) => date.startsWith('2027')), ['2027-01-01']);
    assert.deepEqual(corrected.workdays.filter((date) => date.startsWith('2027')), []);
    assert.equal(corrected.holidays.filter((date) => date.startsWith('2025')).length, DEFAULT_BUSINESS_CALENDAR.holidays.filter((date) => date.startsWith('2025')).length);
  });

  test('a bad upload names each bad field', () => {
    const errors = (input: unknown) => {
      try {
        parseYearHolidaySchedule(input);
      } catch (error) {
        assert.ok(error instanceof Invalid);
        return error.errors.map(({ path, code }) => ({ path, code }));
      }
      return assert.fail('expected the upload to be refused');
    };
    assert.deepEqual(errors({ ...upload, holidays: [{ date: '2028-01-01', name: '元旦' }] }), [{ path: 'holidays.0.date', code: 'sla.calendar.date_outside_year' }]);
    assert.deepEqual(errors({ ...upload, holidays: [{ date: '2027-13-01', name: '元旦' }] }), [{ path: 'holidays.0.date', code: 'sla.calendar.invalid_date' }]);
    assert.deepEqual(errors({ ...upload, workdays: [{ date: '2027-01-01', name: '元旦' }] }), [{ path: 'workdays.0.date', code: 'sla.calendar.holiday_and_workday' }]);
    assert.deepEqual(errors({ ...upload, holidays: [...upload.holidays, upload.holidays[0]] }), [{ path: 'holidays.2.date', code: 'sla.calendar.duplicate_date' }]);
    assert.deepEqual(errors({ ...upload, holidays: [{ date: '2027-01-01', name: ' ' }] }), [{ path: 'holidays.0.name', code: 'validation.too_small' }]);
    assert.deepEqual(errors({ ...upload, year: 2027.5 }).map((e) => e.path), ['year']);
  });
});
