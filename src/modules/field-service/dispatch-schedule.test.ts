import assert from 'node:assert/strict';
import { test } from 'node:test';
import { datesFrom, dayStart, localDate } from './dispatch-days.js';
import { judgeSchedule, travelBetween, type Availability } from './dispatch-schedule.js';

/** The board's pure parts: an engineer's visits judged for overlaps, shifts, leave and travel; local days. */

const at = (hhmm: string) => new Date(`2026-12-14T${hhmm}:00+08:00`);
const site = { lat: 36.6171, lng: 101.7782 };
const north = (km: number) => ({ lat: site.lat + km / 111.195, lng: site.lng });
const always: Availability = { onShift: () => true, onLeave: () => false };

test('a long visit overlaps every visit it covers, not only the next one', () => {
  const facts = judgeSchedule([
    { id: 'long', start: at('09:00'), end: at('13:00'), point: null },
    { id: 'b', start: at('10:00'), end: at('11:00'), point: null },
    { id: 'c', start: at('12:00'), end: at('12:30'), point: null },
  ], always, 30);
  assert.deepEqual(facts.get('long')!.conflicts.map((c) => c.code === 'overlap' && c.params.with), ['b', 'c']);
  assert.deepEqual(facts.get('c')!.conflicts.map((c) => c.code === 'overlap' && c.params.with), ['long']);
});

test('back-to-back visits 20 km apart with 30 minutes between need 40 minutes: a travel conflict', () => {
  const facts = judgeSchedule([
    { id: 'b', start: at('11:30'), end: at('12:30'), point: north(19.9) },
    { id: 'a', start: at('10:00'), end: at('11:00'), point: site },
  ], always, 30);
  assert.deepEqual(facts.get('a'), { conflicts: [], travelFromPrevious: null });
  assert.deepEqual(facts.get('b'), { conflicts: [{ code: 'travel', params: { minutes: 40, gapMinutes: 30 } }], travelFromPrevious: { km: 19.9, minutes: 40 } });
  assert.equal(travelBetween(site, north(19.9), 60).minutes, 20);
});

test('a visit running past the shift’s end is outside the shift; leave wins over the shift', () => {
  const nineToSix: Availability = { onShift: (i) => i >= at('09:00') && i < at('18:00'), onLeave: (i) => i >= at('14:00') && i < at('15:00') };
  const facts = judgeSchedule([
    { id: 'late', start: at('17:30'), end: at('18:30'), point: null },
    { id: 'leave', start: at('14:30'), end: at('15:30'), point: null },
    { id: 'fine', start: at('09:00'), end: at('10:00'), point: null },
  ], nineToSix, 30);
  assert.deepEqual(facts.get('late')!.conflicts, [{ code: 'outside_shift' }]);
  assert.deepEqual(facts.get('leave')!.conflicts, [{ code: 'on_leave' }]);
  assert.deepEqual(facts.get('fine')!.conflicts, []);
  const untilSix = judgeSchedule([{ id: 'day', start: at('16:00'), end: at('18:00'), point: null }], nineToSix, 30);
  assert.deepEqual(untilSix.get('day')!.conflicts, [], 'ending exactly at 18:00 is within the shift');
});

test('local days: Shanghai’s midnight, and a day across a daylight-saving change', () => {
  assert.equal(dayStart('Asia/Shanghai', '2026-12-14').toISOString(), '2026-12-13T16:00:00.000Z');
  assert.equal(localDate('Asia/Shanghai', new Date('2026-12-13T16:00:00Z')), '2026-12-14');
  assert.equal(localDate('Asia/Shanghai', new Date('2026-12-13T15:59:59Z')), '2026-12-13');
  assert.equal(dayStart('Europe/Berlin', '2026-03-29').toISOString(), '2026-03-28T23:00:00.000Z');
  assert.equal(dayStart('Europe/Berlin', '2026-03-30').toISOString(), '2026-03-29T22:00:00.000Z');
  assert.deepEqual(datesFrom('2026-12-30', 3), ['2026-12-30', '2026-12-31', '2027-01-01']);
});
