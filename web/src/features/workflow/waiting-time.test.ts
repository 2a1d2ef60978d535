import assert from 'node:assert/strict';
import { test } from 'node:test';
import { waitingParts } from './waiting-time.ts';

test('a wait is told in whole days, hours and minutes, never negative', () => {
  const since = new Date('2026-12-01T08:00:00Z');
  assert.deepEqual(waitingParts(since, new Date('2026-12-01T08:00:59Z')), { days: 0, hours: 0, minutes: 0 });
  assert.deepEqual(waitingParts(since, new Date('2026-12-01T10:05:00Z')), { days: 0, hours: 2, minutes: 5 });
  assert.deepEqual(waitingParts(since, new Date('2026-12-04T12:30:00Z')), { days: 3, hours: 4, minutes: 30 });
  // A clock a little behind the server's: "just now", not minus one minute.
  assert.deepEqual(waitingParts(since, new Date('2026-12-01T07:59:00Z')), { days: 0, hours: 0, minutes: 0 });
});
