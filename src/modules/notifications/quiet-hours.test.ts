import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inQuietHours, nextLocalTime, sendableAt } from './quiet-hours.js';

const night = { start: '22:00', end: '07:00' };

test('quiet hours over midnight hold from the start to the end, in the given time zone', () => {
  assert.equal(inQuietHours(new Date('2026-12-07T21:59:00+08:00'), night, 'Asia/Shanghai'), false);
  assert.equal(inQuietHours(new Date('2026-12-07T22:00:00+08:00'), night, 'Asia/Shanghai'), true);
  assert.equal(inQuietHours(new Date('2026-12-08T06:59:00+08:00'), night, 'Asia/Shanghai'), true);
  assert.equal(inQuietHours(new Date('2026-12-08T07:00:00+08:00'), night, 'Asia/Shanghai'), false);
  // 23:00 in Beijing is 15:00 in London: not quiet there.
  assert.equal(inQuietHours(new Date('2026-12-07T23:00:00+08:00'), night, 'Europe/London'), false);
  assert.equal(inQuietHours(new Date('2026-12-07T12:30:00+08:00'), { start: '12:00', end: '13:00' }, 'Asia/Shanghai'), true);
  assert.equal(inQuietHours(new Date('2026-12-07T12:30:00+08:00'), null, 'Asia/Shanghai'), false);
  assert.equal(inQuietHours(new Date('2026-12-07T12:30:00+08:00'), { start: '09:00', end: '09:00' }, 'Asia/Shanghai'), false);
});

test('an email in quiet hours waits for their end; the next local time is always ahead, across a DST change', () => {
  assert.equal(sendableAt(new Date('2026-12-07T23:30:00+08:00'), night, 'Asia/Shanghai').toISOString(), new Date('2026-12-08T07:00:00+08:00').toISOString());
  const noon = new Date('2026-12-07T12:00:00+08:00');
  assert.equal(sendableAt(noon, night, 'Asia/Shanghai'), noon);
  assert.equal(nextLocalTime(new Date('2026-12-07T08:30:00+08:00'), '08:30', 'Asia/Shanghai').toISOString(), new Date('2026-12-08T08:30:00+08:00').toISOString());
  // London moves to summer time on 2027-03-28: 08:00 local is 07:00 UTC after it.
  assert.equal(nextLocalTime(new Date('2027-03-27T09:00:00Z'), '08:00', 'Europe/London').toISOString(), '2027-03-28T07:00:00.000Z');
});
