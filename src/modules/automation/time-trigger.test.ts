import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseBusinessCalendar } from '../sla/index.js';
import { dueAtOf, timeTriggerProblems, type TimeTrigger } from './time-trigger.js';

/** Due times of time rules: calendar and business delays over a desk calendar with the 2026 National Day holidays and 调休. */
const office = [{ start: '09:00', end: '12:00' }, { start: '13:00', end: '18:00' }];
const calendar = parseBusinessCalendar({
  timeZone: 'Asia/Shanghai',
  weekly: [[], office, office, office, office, office, []],
  holidays: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'],
  workdays: ['2026-09-20', '2026-10-10'],
});
const trigger = (amount: number, unit: TimeTrigger['unit']): TimeTrigger => ({ anchor: 'status', status: 'pending', amount, unit, calendarId: '019ab000-0000-7000-8000-000000000001' });
const due = (anchor: string, amount: number, unit: TimeTrigger['unit']) => dueAtOf(trigger(amount, unit), new Date(anchor), calendar).toISOString();

test('calendar minutes and hours ignore the calendar', () => {
  assert.equal(due('2026-10-03T23:50:00+08:00', 30, 'minutes'), '2026-10-03T16:20:00.000Z');
  assert.equal(due('2026-10-03T23:50:00+08:00', 2, 'hours'), '2026-10-03T17:50:00.000Z');
});

test('business days: the same local time on the N-th working day, counting the 调休 Saturday, skipping weekends and holidays', () => {
  assert.equal(due('2026-10-09T10:00:00+08:00', 1, 'business_days'), '2026-10-10T02:00:00.000Z', 'Sat 10-10 is a make-up working day');
  assert.equal(due('2026-10-09T10:00:00+08:00', 2, 'business_days'), '2026-10-12T02:00:00.000Z');
  assert.equal(due('2026-10-09T10:00:00+08:00', 7, 'business_days'), '2026-10-19T02:00:00.000Z');
  assert.equal(due('2026-09-30T15:00:00+08:00', 1, 'business_days'), '2026-10-08T07:00:00.000Z', 'over the National Day holidays');
  // Outside the day's hours: moved to the opening, the afternoon's opening, or the closing.
  assert.equal(due('2026-10-09T07:30:00+08:00', 1, 'business_days'), '2026-10-10T01:00:00.000Z');
  assert.equal(due('2026-10-09T12:30:00+08:00', 1, 'business_days'), '2026-10-10T05:00:00.000Z');
  assert.equal(due('2026-10-09T21:00:00+08:00', 1, 'business_days'), '2026-10-10T10:00:00.000Z');
});

test('business minutes and hours count working time only', () => {
  assert.equal(due('2026-10-09T17:45:00+08:00', 30, 'business_minutes'), '2026-10-10T01:15:00.000Z', '15 minutes on Friday, 15 on the 调休 Saturday');
  assert.equal(due('2026-10-09T11:00:00+08:00', 2, 'business_hours'), '2026-10-09T06:00:00.000Z', 'lunch is not counted');
});

test('problems name the field under timeTrigger', () => {
  const known = new Set(['019ab000-0000-7000-8000-000000000001']);
  assert.deepEqual(timeTriggerProblems({ anchor: 'status', amount: 3, unit: 'business_days' }, known).map((p) => p.path), ['timeTrigger.status', 'timeTrigger.calendarId']);
  assert.deepEqual(timeTriggerProblems({ anchor: 'status', status: 'closed', amount: 3, unit: 'hours' }, known).map((p) => p.code), ['automation.time.closed_status']);
  assert.deepEqual(timeTriggerProblems({ anchor: 'unassigned', amount: 30, unit: 'minutes' }, known), []);
});
