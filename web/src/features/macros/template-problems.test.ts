import assert from 'node:assert/strict';
import { test } from 'node:test';
import { templateProblems } from './template-problems.ts';

test('the console words a text\'s problems as the server does, in the console\'s language', () => {
  const variables = ['ticket.number', 'fields.model'];
  assert.deepEqual(templateProblems('{{ticket.number}} {{fields.model}}', variables, 'zh-CN'), []);
  assert.deepEqual(templateProblems('您好 {{requester.nam}}', variables, 'zh-CN'), ['第 1 行第 4 列：未知变量 requester.nam']);
  assert.deepEqual(templateProblems('x\n{{fields.colour', variables, 'en'), ['Line 2, column 1: "{{fields.colour" has no closing }}']);
});
