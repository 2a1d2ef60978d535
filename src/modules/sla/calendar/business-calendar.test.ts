import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Invalid } from '../../../app/errors.js';
import { DEFAULT_BUSINESS_CALENDAR, addBusinessMinutes, calendarErrorCodes, parseBusinessCalendar, type BusinessCalendar } from './index.js';

/** Calendar validation: every mistake is reported with the path of the field at fault. */

const office = [
  { start: '09:00', end: '12:00' },
  { start: '13:30', end: '18:00' },
];
const valid = { timeZone: 'Asia/Shanghai', weekly: [[], office, office, office, office, office, []], holidays: ['2025-10-01'], workdays: ['2025-09-28'] };

function fieldErrors(input: unknown): { path: string; code: string }[] {
  try {
    parseBusinessCalendar(input);
  } catch (error) {
    assert.ok(error instanceof Invalid);
    assert.equal(error.code, 'validation.failed');
    return error.errors.map(({ path, code }) => ({ path, code }));
  }
  assert.fail('expected the calendar to be refused');
}

const withDay = (weekday: number, intervals: unknown) => ({ ...valid, weekly: valid.weekly.map((day, index) => (index === weekday ? intervals : day)) });

describe('parseBusinessCalendar', () => {
  test('accepts a valid calendar and returns a frozen copy', () => {
    const parsed = parseBusinessCalendar(valid);
    assert.deepEqual(parsed, valid);
    assert.ok(Object.isFrozen(parsed) && Object.isFrozen(parsed.weekly[1]) && Object.isFrozen(parsed.holidays));
    assert.ok(!Object.isFrozen(valid), 'the input is left alone');
  });

  test('bad time zone', () => {
    assert.deepEqual(fieldErrors({ ...valid, timeZone: 'Mars/Olympus' }), [{ path: 'timeZone', code: calendarErrorCodes.timeZone }]);
    assert.deepEqual(fieldErrors({ ...valid, timeZone: '' }), [{ path: 'timeZone', code: calendarErrorCodes.timeZone }]);
  });

  test('bad times', () => {
    assert.deepEqual(fieldErrors(withDay(2, [{ start: '9:00', end: '12:00' }])), [{ path: 'weekly.2.0.start', code: calendarErrorCodes.time }]);
    assert.deepEqual(fieldErrors(withDay(2, [{ start: '09:00', end: '24:30' }])), [{ path: 'weekly.2.0.end', code: calendarErrorCodes.time }]);
    assert.deepEqual(fieldErrors(withDay(2, [{ start: '24:00', end: '24:00' }])), [{ path: 'weekly.2.0.start', code: calendarErrorCodes.time }]);
    assert.deepEqual(fieldErrors(withDay(2, [{ start: '12:60', end: '13:00' }])), [{ path: 'weekly.2.0.start', code: calendarErrorCodes.time }]);
  });

  test('empty, unsorted and overlapping intervals', () => {
    assert.deepEqual(fieldErrors(withDay(3, [{ start: '12:00', end: '12:00' }])), [{ path: 'weekly.3.0.end', code: calendarErrorCodes.emptyInterval }]);
    assert.deepEqual(fieldErrors(withDay(3, [{ start: '18:00', end: '09:00' }])), [{ path: 'weekly.3.0.end', code: calendarErrorCodes.emptyInterval }]);
    assert.deepEqual(fieldErrors(withDay(3, [office[1], office[0]])), [{ path: 'weekly.3.1.start', code: calendarErrorCodes.overlap }]);
    assert.deepEqual(
      fieldErrors(withDay(3, [
        { start: '09:00', end: '12:00' },
        { start: '11:00', end: '14:00' },
      ])),
      [{ path: 'weekly.3.1.start', code: calendarErrorCodes.overlap }],
    );
    // Touching intervals are fine (12:00 ends one, starts the next), and 24:00 closes a day.
    assert.doesNotThrow(() => parseBusinessCalendar(withDay(3, [
      { start: '09:00', end: '12:00' },
      { start: '12:00', end: '24:00' },
    ])));
  });

  test('bad, duplicate and conflicting dates', () => {
    assert.deepEqual(fieldErrors({ ...valid, holidays: ['2025-02-30'] }), [{ path: 'holidays.0', code: calendarErrorCodes.date }]);
    assert.deepEqual(fieldErrors({ ...valid, holidays: ['2025-10-01', '2025-10-01'] }), [{ path: 'holidays.1', code: calendarErrorCodes.duplicateDate }]);
    assert.deepEqual(fieldErrors({ ...valid, workdays: ['2025-09-28', '2025-10-01'] }), [{ path: 'workdays.1', code: calendarErrorCodes.holidayAndWorkday }]);
  });

  test('a calendar with no business time, or make-up days with nothing to work', () => {
    const closed = { ...valid, weekly: [[], [], [], [], [], [], []] };
    assert.deepEqual(fieldErrors(closed), [
      { path: 'weekly', code: calendarErrorCodes.noBusinessTime },
      { path: 'makeUpDaySchedule', code: calendarErrorCodes.emptyMakeUpSchedule },
    ]);
    assert.doesNotThrow(() => parseBusinessCalendar({ ...closed, alwaysOpen: true }));
    const weekendTeam = { ...valid, weekly: [office, [], [], [], [], [], office] };
    assert.deepEqual(fieldErrors(weekendTeam), [{ path: 'makeUpDaySchedule', code: calendarErrorCodes.emptyMakeUpSchedule }]);
    assert.doesNotThrow(() => parseBusinessCalendar({ ...weekendTeam, makeUpDaySchedule: office }));
  });

  test('wrong shapes are reported with zod codes', () => {
    assert.deepEqual(fieldErrors({ ...valid, weekly: valid.weekly.slice(0, 6) }), [{ path: 'weekly', code: 'validation.too_small' }]);
    assert.deepEqual(fieldErrors({ ...valid, holidays: undefined }), [{ path: 'holidays', code: 'validation.invalid_type' }]);
  });

  test('the engine refuses an invalid calendar instead of looping', () => {
    const broken = { ...valid, weekly: [[], [], [], [], [], [], []] } as unknown as BusinessCalendar;
    assert.throws(() => addBusinessMinutes(broken, new Date(0), 1), Invalid);
  });

  test('the default calendar is valid and frozen', () => {
    assert.equal(DEFAULT_BUSINESS_CALENDAR.timeZone, 'Asia/Shanghai');
    assert.ok(Object.isFrozen(DEFAULT_BUSINESS_CALENDAR));
    assert.doesNotThrow(() => parseBusinessCalendar(DEFAULT_BUSINESS_CALENDAR));
  });
});
