import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dueForAutoDispatch, pickSuggestion } from './auto-dispatch-rule.js';
import type { Suggestion } from './dispatch-scoring.js';

/** Which suggestion auto-dispatch takes, and how far ahead it acts (设置 › 现场服务). */
const suggestion = (name: string, distanceKm: number | null, count: number, capacity = 4): Suggestion => ({
  engineerId: name, name, score: 0, distanceKm, reasons: [{ code: 'load', params: { count, capacity } }],
});
const ranked = [suggestion('甲', 8, 3), suggestion('乙', 2.5, 2), suggestion('丙', null, 0), suggestion('丁', 2.5, 1, 2)];

test('best takes the ranking\'s first; nearest the smallest distance (unknown last, ties by rank); least loaded the smallest share of capacity', () => {
  assert.equal(pickSuggestion(ranked, 'best')?.name, '甲');
  assert.equal(pickSuggestion(ranked, 'nearest')?.name, '乙');
  assert.equal(pickSuggestion(ranked, 'least_loaded')?.name, '丙');
  assert.equal(pickSuggestion([suggestion('甲', null, 1), suggestion('乙', null, 0)], 'nearest')?.name, '甲', 'all unknown: the ranking decides');
  assert.equal(pickSuggestion([], 'nearest'), undefined);
});

test('a horizon leaves appointments further ahead for a dispatcher; no horizon or no appointment: always', () => {
  const now = new Date('2026-12-07T02:00:00Z');
  const rule = { pick: 'best' as const, withinHours: 24 };
  assert.equal(dueForAutoDispatch(rule, new Date('2026-12-08T02:00:00Z'), now), true, 'exactly 24 h');
  assert.equal(dueForAutoDispatch(rule, new Date('2026-12-08T02:01:00Z'), now), false);
  assert.equal(dueForAutoDispatch(rule, null, now), true);
  assert.equal(dueForAutoDispatch({ pick: 'best', withinHours: null }, new Date('2027-01-07T02:00:00Z'), now), true);
});
