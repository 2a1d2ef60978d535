import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bodyOfDraft, draftOfPolicy, joinMinutes, moveId, newPolicyDraft, policyPlaceOf, samePolicyDraft, splitMinutes, unreachablePolicies, type Policy } from './policy-draft.ts';

const stored: Policy = {
  id: 'p1',
  nameZh: ' VIP ',
  nameEn: '',
  position: 0,
  active: true,
  conditions: { all: [{ field: 'customerTier', op: 'in', values: ['vip'] }] },
  targets: { urgent: { resolutionMinutes: 240, firstResponseMinutes: 30 } },
  calendarId: null,
  pauseStatuses: ['pending'],
  warningPercent: 80,
  escalation: [],
  version: 3,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
};

test('a stored policy round-trips; key order and emptied target rows are no change', () => {
  const draft = draftOfPolicy(stored);
  assert.ok(samePolicyDraft(draft, draftOfPolicy({ ...stored, targets: { urgent: { firstResponseMinutes: 30, resolutionMinutes: 240 } } })));
  assert.ok(samePolicyDraft(draft, { ...draft, targets: { ...draft.targets, low: {} } }));
  assert.ok(!samePolicyDraft(draft, { ...draft, targets: { urgent: { firstResponseMinutes: 30 } } }));
  const body = bodyOfDraft({ ...draft, targets: { ...draft.targets, low: { firstResponseMinutes: undefined } } });
  assert.equal(body.nameZh, 'VIP', 'names are trimmed');
  assert.deepEqual(body.targets, { urgent: { firstResponseMinutes: 30, resolutionMinutes: 240 } });
  assert.deepEqual(body.conditions, stored.conditions);
  draft.conditions[0]!.values.push('key');
  assert.deepEqual(stored.conditions.all[0]!.values, ['vip'], 'editing the draft leaves the cached policy alone');
});

test('a new policy pauses on pending, warns at 80 % and escalates at the breach', () => {
  const draft = newPolicyDraft();
  assert.deepEqual([draft.pauseStatuses, draft.warningPercent, draft.escalation[0]?.afterMinutes], [['pending'], 80, 0]);
});

test('targets are edited as hours and minutes; nothing or zero is no target', () => {
  assert.deepEqual(splitMinutes(90), { hours: 1, minutes: 30 });
  assert.deepEqual(splitMinutes(undefined), { hours: null, minutes: null });
  assert.equal(joinMinutes(1, 30), 90);
  assert.equal(joinMinutes(null, 45), 45);
  assert.equal(joinMinutes(0, 0), undefined);
  assert.equal(joinMinutes(null, null), undefined);
});

test('moving a policy swaps it with its neighbour and stops at the ends', () => {
  assert.deepEqual(moveId(['a', 'b', 'c'], 2, -1), ['a', 'c', 'b']);
  assert.deepEqual(moveId(['a', 'b', 'c'], 0, 1), ['b', 'a', 'c']);
  assert.deepEqual(moveId(['a', 'b', 'c'], 0, -1), ['a', 'b', 'c']);
  assert.deepEqual(moveId(['a', 'b', 'c'], 2, 1), ['a', 'b', 'c']);
});

test('active policies after an active catch-all are flagged as never applying', () => {
  const p = (id: string, position: number, active: boolean, conditions: number) => ({ id, position, active, conditions: { all: Array.from({ length: conditions }, () => stored.conditions.all[0]!) } });
  assert.deepEqual([...unreachablePolicies([p('d', 3, true, 1), p('a', 0, true, 1), p('b', 1, false, 0), p('c', 2, true, 0), p('e', 4, false, 1)])], ['d']);
  assert.deepEqual([...unreachablePolicies([p('a', 0, true, 1), p('b', 1, true, 1)])], []);
});

test('server error paths are placed for the error list', () => {
  assert.deepEqual(policyPlaceOf('conditions.all.2.values.0'), { kind: 'condition', condition: 2, value: 0 });
  assert.deepEqual(policyPlaceOf('conditions.all.1.field'), { kind: 'condition', condition: 1, value: null });
  assert.deepEqual(policyPlaceOf('targets.urgent.firstResponseMinutes'), { kind: 'target', priority: 'urgent', target: 'firstResponseMinutes' });
  assert.deepEqual(policyPlaceOf('escalation.0.actions.3.userId'), { kind: 'step', step: 0, action: 3 });
  assert.deepEqual(policyPlaceOf('escalation.1.afterMinutes'), { kind: 'step', step: 1, action: null });
  assert.deepEqual(policyPlaceOf('pauseStatuses.1'), { kind: 'field', field: 'pauseStatuses' });
});
