import assert from 'node:assert/strict';
import { test } from 'node:test';
import { offsetAt } from './time-zone.js';

const hour = 3_600_000;
const at = (iso: string) => Date.parse(iso);

test('offsets stay exact around a transition whatever was asked before (the steady spans never cover one)', () => {
  // Europe/Berlin moves from +1 h to +2 h at 2026-03-29 01:00 UTC. Ask around it first, in an order
  // that would let a careless cache stretch a span across the change.
  for (const iso of ['2026-03-28T12:00:00Z', '2026-03-27T23:00:00Z', '2026-03-29T12:00:00Z', '2026-03-30T00:00:00Z', '2026-03-29T00:30:00Z']) offsetAt('Europe/Berlin', at(iso));
  assert.equal(offsetAt('Europe/Berlin', at('2026-03-29T00:59:59Z')), hour);
  assert.equal(offsetAt('Europe/Berlin', at('2026-03-29T01:00:00Z')), 2 * hour);
  assert.equal(offsetAt('Europe/Berlin', at('2026-03-28T01:00:00Z')), hour);
  assert.equal(offsetAt('Europe/Berlin', at('2026-03-30T01:00:00Z')), 2 * hour);
  // And back at 2026-10-25 01:00 UTC.
  assert.equal(offsetAt('Europe/Berlin', at('2026-10-25T00:59:59Z')), 2 * hour);
  assert.equal(offsetAt('Europe/Berlin', at('2026-10-25T01:00:00Z')), hour);
});

test('a zone without transitions answers from a span after the first question, the same as asking ICU', () => {
  const base = at('2026-12-07T08:00:00Z');
  for (let minutes = -2000; minutes <= 2000; minutes += 7) assert.equal(offsetAt('Asia/Shanghai', base + minutes * 60_000), 8 * hour);
});
