import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { approvalProgress, initialStepStatus, type StepState } from './approval-progress.js';

const steps = (...statuses: StepState['status'][]): StepState[] => statuses.map((status, position) => ({ id: `s${position}`, position, status }));

describe('approval progress', () => {
  test('countersign needs every approval; one rejection ends it', () => {
    assert.deepEqual(approvalProgress({ mode: 'countersign', needed: 3 }, steps('approved', 'approved', 'pending')), { outcome: 'pending', ask: [] });
    assert.equal(approvalProgress({ mode: 'countersign', needed: 3 }, steps('approved', 'approved', 'approved')).outcome, 'approved');
    assert.equal(approvalProgress({ mode: 'countersign', needed: 3 }, steps('approved', 'rejected', 'pending')).outcome, 'rejected');
  });

  test('any: the first approval decides; it fails only when everyone rejected', () => {
    assert.equal(approvalProgress({ mode: 'any', needed: 1 }, steps('pending', 'approved', 'pending')).outcome, 'approved');
    assert.equal(approvalProgress({ mode: 'any', needed: 1 }, steps('rejected', 'pending')).outcome, 'pending');
    assert.equal(approvalProgress({ mode: 'any', needed: 1 }, steps('rejected', 'rejected')).outcome, 'rejected');
  });

  test('n of m fails as soon as n can no longer be reached', () => {
    assert.equal(approvalProgress({ mode: 'n_of_m', needed: 2 }, steps('rejected', 'approved', 'pending', 'pending')).outcome, 'pending');
    assert.equal(approvalProgress({ mode: 'n_of_m', needed: 2 }, steps('rejected', 'rejected', 'rejected', 'pending')).outcome, 'rejected');
    assert.equal(approvalProgress({ mode: 'n_of_m', needed: 2 }, steps('approved', 'rejected', 'approved', 'pending')).outcome, 'approved');
  });

  test('a chain asks the next waiting step, in order, only when nobody is pending', () => {
    assert.deepEqual(initialStepStatus('chain', 0), 'pending');
    assert.deepEqual(initialStepStatus('chain', 1), 'waiting');
    assert.deepEqual(initialStepStatus('countersign', 1), 'pending');
    const chain: StepState[] = [
      { id: 'c', position: 2, status: 'waiting' },
      { id: 'a', position: 0, status: 'approved' },
      { id: 'b', position: 1, status: 'waiting' },
    ];
    assert.deepEqual(approvalProgress({ mode: 'chain', needed: 3 }, chain), { outcome: 'pending', ask: ['b'] });
    assert.deepEqual(approvalProgress({ mode: 'chain', needed: 3 }, [...chain.slice(0, 2), { id: 'b', position: 1, status: 'pending' }]), { outcome: 'pending', ask: [] });
  });
});
