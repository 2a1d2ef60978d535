import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nextAttemptAt, retryDelayMs, retryWindowMs } from './retry-schedule.js';

/** The backoff schedule: doubling from 30 s, capped at 12 h, ±20 % jitter, for three days. */
test('delays double from 30 s up to 12 h, each within ±20 %', () => {
  const expected = [30, 60, 120, 240, 480, 960, 1920, 3840, 7680, 15360, 30720, 43200, 43200].map((s) => s * 1000);
  expected.forEach((base, i) => {
    assert.equal(retryDelayMs(i + 1, () => 0.5), base, `attempt ${i + 1}`);
    assert.equal(retryDelayMs(i + 1, () => 0), Math.round(base * 0.8));
    assert.equal(retryDelayMs(i + 1, () => 0.999999), Math.round(base * 1.2 * 0.999999 + base * 0.8 * 0.000001));
  });
});

test('retries stop three days after the delivery was made: about 16 attempts in all', () => {
  const created = new Date('2026-12-07T00:00:00Z');
  let now = created;
  let attempts = 1;
  for (;;) {
    const next = nextAttemptAt(created, now, attempts, () => 0.5);
    if (!next) break;
    assert.ok(next.getTime() - created.getTime() <= retryWindowMs);
    now = next;
    attempts += 1;
  }
  assert.equal(attempts, 16);
  assert.ok(retryWindowMs - (now.getTime() - created.getTime()) < 12 * 3_600_000, 'the last attempt is within the last 12 h of the window');
});
