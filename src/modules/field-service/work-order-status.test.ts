import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nextStatus, stepsFrom, terminalStatuses, workOrderStatuses, workOrderStepTypes, type WorkOrderStatus, type WorkOrderStepType } from './work-order-status.js';

/** The lifecycle table alone: the whole path, each refusal, and that terminal states go nowhere. */

test('the happy path 待派工 → … → 已完成 follows the table step by step', () => {
  const path: Array<[WorkOrderStepType, WorkOrderStatus]> = [
    ['dispatch', 'dispatched'], ['accept', 'accepted'], ['depart', 'departed'], ['arrive', 'arrived'],
    ['start', 'in_service'], ['report', 'awaiting_confirmation'], ['finish', 'completed'],
  ];
  let status: WorkOrderStatus = 'pending_dispatch';
  for (const [step, expected] of path) {
    const next = nextStatus(status, step);
    assert.equal(next, expected, `${step} from ${status}`);
    status = next!;
  }
});

test('a refused order goes back to dispatch; a report may be corrected before confirmation', () => {
  assert.equal(nextStatus('dispatched', 'reject'), 'rejected');
  assert.equal(nextStatus('rejected', 'dispatch'), 'dispatched');
  assert.equal(nextStatus('accepted', 'dispatch'), 'dispatched', 'reassigned before departure');
  assert.equal(nextStatus('awaiting_confirmation', 'report'), 'awaiting_confirmation');
});

test('steps out of order are refused', () => {
  assert.equal(nextStatus('pending_dispatch', 'accept'), null);
  assert.equal(nextStatus('dispatched', 'arrive'), null, 'no arrival before departure');
  assert.equal(nextStatus('accepted', 'start'), null);
  assert.equal(nextStatus('in_service', 'finish'), null, 'no finish without a report');
  assert.equal(nextStatus('departed', 'dispatch'), null, 'no reassignment on the road');
  assert.equal(nextStatus('rejected', 'accept'), null);
});

test('cancel is allowed from every open status and from no terminal one', () => {
  for (const status of workOrderStatuses) {
    const open = !terminalStatuses.includes(status);
    assert.equal(nextStatus(status, 'cancel') !== null, open, status);
  }
});

test('terminal statuses allow no step at all', () => {
  for (const status of terminalStatuses) assert.deepEqual(stepsFrom(status), [], status);
  for (const status of workOrderStatuses) if (!terminalStatuses.includes(status)) assert.ok(stepsFrom(status).length > 0, status);
  assert.equal(workOrderStepTypes.length, 10);
});
