import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isWallTime, newDraft, placeOf, refusedIntervals, sameDraft, sortedDraft, summariseWeek, withDate, withoutDate, yearsMissingData, yearsToShow, type CalendarDraft } from './calendar-draft.ts';

const bundled = [
  { year: 2026, holidays: [{ date: '2026-10-01', name: '国庆节' }, { date: '2026-01-01', name: '元旦' }], workdays: [{ date: '2026-02-14', name: '春节' }] },
  { year: 2025, holidays: [{ date: '2025-10-01', name: '国庆节' }], workdays: [] },
];

test('a new calendar starts as a Chinese office week with the bundled holidays, sorted', () => {
  const draft = newDraft(bundled);
  assert.equal(draft.timeZone, 'Asia/Shanghai');
  assert.deepEqual(draft.weekly[0], []);
  assert.deepEqual(draft.weekly[6], []);
  assert.deepEqual(draft.weekly[1], [{ start: '09:00', end: '12:00' }, { start: '13:00', end: '18:00' }]);
  assert.deepEqual(draft.holidays, ['2025-10-01', '2026-01-01', '2026-10-01']);
  assert.deepEqual(draft.workdays, ['2026-02-14']);
});

test('a date is a holiday or a make-up workday, never both', () => {
  let draft: CalendarDraft = newDraft(bundled);
  draft = withDate(draft, 'workdays', '2026-10-01');
  assert.ok(!draft.holidays.includes('2026-10-01'));
  assert.deepEqual(draft.workdays, ['2026-02-14', '2026-10-01']);
  draft = withDate(draft, 'workdays', '2026-10-01');
  assert.deepEqual(draft.workdays, ['2026-02-14', '2026-10-01'], 'adding twice keeps one');
  assert.deepEqual(withoutDate(draft, 'workdays', '2026-02-14').workdays, ['2026-10-01']);
});

test('intervals are saved in time order, and order alone is not an unsaved change', () => {
  const draft = newDraft([]);
  const shuffled = { ...draft, weekly: draft.weekly.map((day) => [...day].reverse()) };
  assert.deepEqual(sortedDraft(shuffled).weekly[1]!.map((i) => i.start), ['09:00', '13:00']);
  assert.ok(sameDraft(draft, shuffled));
  assert.ok(!sameDraft(draft, { ...draft, weekly: draft.weekly.map((day, i) => (i === 1 ? [{ start: '09:00', end: '12:00' }] : day)) }));
});

test('the holiday editor shows bundled years, this year and the next, and every year with dates, newest first', () => {
  const draft = withDate(newDraft([]), 'holidays', '2030-05-01');
  assert.deepEqual(yearsToShow(draft, [2024, 2025, 2026], new Date('2026-06-01T00:00:00Z')), [2030, 2027, 2026, 2025, 2024]);
});

test('server error paths become places in the form', () => {
  const draft = withDate(newDraft([]), 'holidays', '2026-05-01');
  assert.deepEqual(placeOf('weekly.1.1.start', draft), { kind: 'interval', weekday: 1, index: 1, part: 'start' });
  assert.deepEqual(placeOf('weekly.2.0', draft), { kind: 'interval', weekday: 2, index: 0, part: null });
  assert.deepEqual(placeOf('makeUpDaySchedule.0.end', draft), { kind: 'makeUp', index: 0, part: 'end' });
  assert.deepEqual(placeOf('holidays.0', draft), { kind: 'date', list: 'holidays', date: '2026-05-01' });
  assert.deepEqual(placeOf('workdays.3', draft), { kind: 'date', list: 'workdays', date: null });
  assert.deepEqual(placeOf('weekly', draft), { kind: 'field', field: 'weekly' });
  assert.deepEqual(placeOf('nameZh', draft), { kind: 'field', field: 'nameZh' });
  assert.deepEqual([...refusedIntervals(['weekly.1.1.start', 'weekly.1.1.end', 'makeUpDaySchedule.0.end', 'holidays.0', 'weekly'])], ['weekly.1.1', 'makeUpDaySchedule.0']);
});

test('the week summary groups consecutive days with the same hours, Monday first, and leaves out closed days', () => {
  const office = [{ start: '09:00', end: '18:00' }];
  const saturday = [{ start: '10:00', end: '16:00' }];
  assert.deepEqual(summariseWeek([[], office, office, office, office, office, saturday]), [
    { days: [1, 2, 3, 4, 5], intervals: office },
    { days: [6], intervals: saturday },
  ]);
  assert.deepEqual(summariseWeek([office, [], [], [], [], [], []]), [{ days: [0], intervals: office }]);
});

test('years without holiday data are flagged unless the calendar counts 24×7', () => {
  const today = new Date('2026-06-01T00:00:00Z');
  assert.deepEqual(yearsMissingData({ alwaysOpen: false, holidayYears: [2024, 2025, 2026] }, today), [2027]);
  assert.deepEqual(yearsMissingData({ alwaysOpen: true, holidayYears: [] }, today), []);
});

test('wall times are HH:MM up to 24:00', () => {
  for (const ok of ['00:00', '09:30', '23:59', '24:00']) assert.ok(isWallTime(ok), ok);
  for (const bad of ['9:00', '24:30', '12:60', '12.00', '']) assert.ok(!isWallTime(bad), bad);
});
