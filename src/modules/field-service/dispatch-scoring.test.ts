import assert from 'node:assert/strict';
import { test } from 'node:test';
import { scoreEngineers, servesRegion, type ScoringCandidate, type ScoringOrder } from './dispatch-scoring.js';

/** The suggested engineer as a pure function: who is excluded and why, and the ranking's reasons. */

const site = { lat: 36.6171, lng: 101.7782 }; // 西宁市城中区, GCJ-02
const order: ScoringOrder = { requiredSkills: ['空调维修'], region: ['63', '6301', '630103'], point: site };
const north = (km: number) => ({ lat: site.lat + km / 111.195, lng: site.lng });
const engineer = (id: string, extra: Partial<ScoringCandidate> = {}): ScoringCandidate => ({
  id, name: id, skills: ['空调维修'], zones: [], lastPosition: null, home: null, availability: 'on_shift', jobsThatDay: 0, dailyCapacity: 4, ...extra,
});

test('the nearer of two otherwise equal engineers comes first, with the distance and where it was measured from', () => {
  const { ranked } = scoreEngineers(order, [engineer('far', { lastPosition: north(30) }), engineer('near', { home: north(3.2) })]);
  assert.deepEqual(ranked.map((s) => s.engineerId), ['near', 'far']);
  assert.deepEqual(ranked[0]!.reasons, [
    { code: 'skills', params: { skills: '空调维修' } },
    { code: 'on_shift' },
    { code: 'distance', params: { km: 3.2, from: 'home' } },
    { code: 'load', params: { count: 0, capacity: 4 } },
  ]);
  assert.deepEqual(ranked[1]!.reasons[2], { code: 'distance', params: { km: 30, from: 'last' } });
});

test('the last known position wins over the home base', () => {
  const { ranked } = scoreEngineers(order, [engineer('a', { lastPosition: north(1), home: north(50) })]);
  assert.deepEqual(ranked[0]!.reasons[2], { code: 'distance', params: { km: 1, from: 'last' } });
});

test('at the same distance the less loaded engineer and the one serving the zone rank higher', () => {
  const busy = engineer('busy', { home: north(5), jobsThatDay: 3 });
  const idle = engineer('idle', { home: north(5), jobsThatDay: 0 });
  assert.deepEqual(scoreEngineers(order, [busy, idle]).ranked.map((s) => s.engineerId), ['idle', 'busy']);
  const outside = engineer('outside', { home: north(5) });
  const inside = engineer('inside', { home: north(5), zones: ['6301'] });
  const { ranked } = scoreEngineers(order, [outside, inside]);
  assert.deepEqual(ranked.map((s) => s.engineerId), ['inside', 'outside']);
  assert.ok(ranked[0]!.reasons.some((r) => r.code === 'in_zone'));
});

test('without the skill, off shift, on leave or at capacity an engineer is excluded with every reason', () => {
  const { ranked, excluded } = scoreEngineers(order, [
    engineer('ok'),
    engineer('no-skill', { skills: ['电梯'] }),
    engineer('off', { availability: 'off_shift' }),
    engineer('leave', { availability: 'on_leave', skills: [] }),
    engineer('full', { jobsThatDay: 4 }),
  ]);
  assert.deepEqual(ranked.map((s) => s.engineerId), ['ok']);
  assert.deepEqual(Object.fromEntries(excluded.map((e) => [e.engineerId, e.reasons])), {
    'no-skill': [{ code: 'missing_skills', params: { skills: '空调维修' } }],
    off: [{ code: 'off_shift' }],
    leave: [{ code: 'missing_skills', params: { skills: '空调维修' } }, { code: 'on_leave' }],
    full: [{ code: 'full', params: { count: 4, capacity: 4 } }],
  });
});

test('no site point: every engineer is ranked with an unknown distance, the same facts giving the same order', () => {
  const noPoint = { ...order, point: null };
  const first = scoreEngineers(noPoint, [engineer('b'), engineer('a')]);
  assert.deepEqual(first.ranked.map((s) => s.engineerId), ['a', 'b']);
  assert.ok(first.ranked.every((s) => s.distanceKm === null && s.reasons.some((r) => r.code === 'distance_unknown')));
});

test('a zone serves everything under its code', () => {
  assert.equal(servesRegion(['63'], ['63', '6301', '630103']), true);
  assert.equal(servesRegion(['630103'], ['63', '6301', '630103']), true);
  assert.equal(servesRegion(['6302'], ['63', '6301', '630103']), false);
  assert.equal(servesRegion(['63'], []), false);
});
