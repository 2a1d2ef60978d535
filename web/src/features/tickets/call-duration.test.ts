import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDuration } from './call-duration.ts';

test('call durations as agents type them', () => {
  assert.equal(parseDuration(''), undefined);
  assert.equal(parseDuration('200'), 200);
  assert.equal(parseDuration('3:20'), 200);
  assert.equal(parseDuration('3分20秒'), 200);
  assert.equal(parseDuration('45秒'), 45);
  assert.equal(parseDuration('2 min'), 120);
  assert.equal(parseDuration('abc'), null);
  assert.equal(parseDuration('3:75'), null);
});
