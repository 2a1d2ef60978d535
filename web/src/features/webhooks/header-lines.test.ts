import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseHeaderLines } from './header-lines.ts';

test('header lines become a map; a value keeps its colons; blank lines are skipped', () => {
  assert.deepEqual(parseHeaderLines('X-Api-Key: abc:def\n\n  Authorization:  Bearer t  \n'), { ok: true, headers: { 'X-Api-Key': 'abc:def', Authorization: 'Bearer t' } });
});

test('a line without a name before its colon is named by its number', () => {
  assert.deepEqual(parseHeaderLines('X-A: 1\nno colon here'), { ok: false, badLine: 2 });
  assert.deepEqual(parseHeaderLines(': value'), { ok: false, badLine: 1 });
});
