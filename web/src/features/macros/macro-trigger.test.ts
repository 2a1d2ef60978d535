import assert from 'node:assert/strict';
import { test } from 'node:test';
import { insertMacroText, macroQuery } from './macro-trigger.ts';

test('a / at the start of the last line opens the search with what follows', () => {
  assert.equal(macroQuery('/'), '');
  assert.equal(macroQuery('/退款'), '退款');
  assert.equal(macroQuery('您好，\n/物流 查询'), '物流 查询');
});

test('a / inside a line, on an earlier line or followed by a new line is not a trigger', () => {
  assert.equal(macroQuery('见 https://example.cn/a'), null);
  assert.equal(macroQuery('退货和/或换货'), null);
  assert.equal(macroQuery('/退款\n好的'), null);
  assert.equal(macroQuery('/a/b'), null);
});

test('the macro text replaces the trigger, keeping the lines before it; without one it is appended', () => {
  assert.equal(insertMacroText('您好，\n/退款', '退款将原路退回'), '您好，\n退款将原路退回');
  assert.equal(insertMacroText('/', '感谢'), '感谢');
  assert.equal(insertMacroText('', '感谢'), '感谢');
  assert.equal(insertMacroText('已收到  ', '感谢'), '已收到\n感谢');
});
