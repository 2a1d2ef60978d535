import assert from 'node:assert/strict';
import { test } from 'node:test';
import { movedOrder, triggerKey } from './rule-order.ts';

test('a drop moves the dragged rule to the place of the one it was dropped on', () => {
  assert.deepEqual(movedOrder(['a', 'b', 'c', 'd'], 'a', 'c'), ['b', 'c', 'a', 'd']);
  assert.deepEqual(movedOrder(['a', 'b', 'c', 'd'], 'd', 'b'), ['a', 'd', 'b', 'c']);
  assert.deepEqual(movedOrder(['a', 'b'], 'a', null), ['a', 'b']);
  assert.deepEqual(movedOrder(['a', 'b'], 'x', 'a'), ['a', 'b']);
});

test('trigger keys read as one catalogue key', () => {
  assert.equal(triggerKey('ticket.created'), 'automation.triggers.ticket_created');
});
