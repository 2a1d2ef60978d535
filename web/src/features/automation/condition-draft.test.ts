import assert from 'node:assert/strict';
import { test } from 'node:test';
import { conditionOfDraft, draftOfCondition } from './condition-draft.ts';

test('flat all/any trees and single leaves become rows and back', () => {
  const stored = { all: [{ field: 'channel', op: 'is', value: 'wechat' }, { field: 'tags', op: 'is_empty' }] };
  const draft = draftOfCondition(stored);
  assert.deepEqual(draft, { match: 'all', conditions: [{ field: 'channel', op: 'is', value: 'wechat' }, { field: 'tags', op: 'is_empty' }] });
  assert.deepEqual(conditionOfDraft(draft!), stored);
  assert.deepEqual(draftOfCondition({ field: 'priority', op: 'changed' }), { match: 'all', conditions: [{ field: 'priority', op: 'changed' }] });
  assert.deepEqual(conditionOfDraft({ match: 'any', conditions: [] }), { any: [] });
});

test('nested groups and unknown operators stay as they are (null: shown read-only)', () => {
  assert.equal(draftOfCondition({ all: [{ any: [{ field: 'channel', op: 'is', value: 'wechat' }] }] }), null);
  assert.equal(draftOfCondition({ not: { field: 'channel', op: 'is', value: 'x' } }), null);
  assert.equal(draftOfCondition({ all: [{ field: 'channel', op: 'resembles', value: 'x' }] }), null);
});
