import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stageCascade, stageNames, stageParam, stagePath } from './stage-names.ts';

const options = [{ processId: 'p1', name: { 'zh-CN': '投诉处理', en: 'Complaints' }, stages: [{ id: 'accept', name: { 'zh-CN': '受理', en: '' } }] }];

test('stages are named in the reader’s language, English falling back to Chinese, a dropped stage by its id', () => {
  assert.deepEqual(stageNames(options, 'p1', 'accept', 'zh-CN'), { process: '投诉处理', stage: '受理' });
  assert.deepEqual(stageNames(options, 'p1', 'accept', 'en'), { process: 'Complaints', stage: '受理' });
  assert.deepEqual(stageNames(options, 'p1', 'old_stage', 'en'), { process: 'Complaints', stage: 'old_stage' });
  assert.deepEqual(stageCascade(options, 'en'), [{ value: 'p1', label: 'Complaints', children: [{ value: 'accept', label: '受理' }] }]);
});

test('the stage parameter and the cascader’s path turn into each other; half a path is no filter', () => {
  assert.equal(stageParam(['p1', 'accept']), 'p1:accept');
  assert.equal(stageParam(['p1']), undefined);
  assert.deepEqual(stagePath('p1:accept'), ['p1', 'accept']);
  assert.deepEqual(stagePath('p1'), []);
  assert.deepEqual(stagePath(undefined), []);
});
