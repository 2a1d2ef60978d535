import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dayInZone } from './ticket-number.js';

// dayInZone answers a create's day from the minute it last asked about (issue 15); these hold it
// to a fresh formatter's answer around midnights, in zones with half- and three-quarter-hour offsets.
const fresh = (instant: Date, timeZone: string) => {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${get('year')}${get('month')}${get('day')}`;
};

test('every second around a midnight gets its own day, asked in order and out of order', () => {
  for (const [timeZone, midnight] of [
    ['Asia/Shanghai', '2026-12-07T16:00:00Z'],
    ['Asia/Kathmandu', '2026-12-07T18:15:00Z'],
    ['America/St_Johns', '2026-12-08T03:30:00Z'],
  ] as const) {
    const at = Date.parse(midnight);
    const seconds = Array.from({ length: 240 }, (_, i) => at - 120_000 + i * 1000);
    for (const ms of [...seconds, ...seconds.reverse(), ...seconds.filter((_, i) => i % 7 === 0)]) {
      assert.equal(dayInZone(new Date(ms), timeZone), fresh(new Date(ms), timeZone), `${timeZone} ${new Date(ms).toISOString()}`);
    }
    assert.notEqual(dayInZone(new Date(at - 1000), timeZone), dayInZone(new Date(at), timeZone));
  }
});

test('an instant from a zone’s seconds-offset era (before 1972) is judged by the formatter', () => {
  // Monrovia was −00:44:30 until 1972: its midnight fell 30 s into a UTC minute.
  const midnight = Date.parse('1960-06-01T00:44:30Z');
  assert.equal(dayInZone(new Date(midnight - 10_000), 'Africa/Monrovia'), fresh(new Date(midnight - 10_000), 'Africa/Monrovia'));
  assert.equal(dayInZone(new Date(midnight + 10_000), 'Africa/Monrovia'), fresh(new Date(midnight + 10_000), 'Africa/Monrovia'));
  assert.notEqual(dayInZone(new Date(midnight - 10_000), 'Africa/Monrovia'), dayInZone(new Date(midnight + 10_000), 'Africa/Monrovia'));
});
