import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countdown } from './stage-countdown.ts';

test('a stage due time reads as hours and minutes left, or overdue by', () => {
  const now = Date.parse('2026-12-07T10:00:00Z');
  assert.deepEqual(countdown('2026-12-07T12:05:00Z', now), { overdue: false, hours: 2, minutes: 5 });
  assert.deepEqual(countdown('2026-12-07T09:20:00Z', now), { overdue: true, hours: 0, minutes: 40 });
  assert.deepEqual(countdown(new Date(now), now), { overdue: false, hours: 0, minutes: 0 });
});
