import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CustomFieldType, FieldDefinition } from './definition.js';
import { parseFieldValue } from './field-values.js';

const field = (type: CustomFieldType, extra: Partial<FieldDefinition> = {}) => ({ type, settings: {}, ...extra });
const value = (type: CustomFieldType, raw: unknown, extra: Partial<FieldDefinition> = {}) => {
  const parsed = parseFieldValue(field(type, extra), raw);
  return parsed.ok ? parsed.value : `! ${parsed.code}`;
};

test('each type is stored in one normal form', () => {
  assert.equal(value('money', 1280.5), '1280.50');
  assert.equal(value('money', '007.1'), '7.10');
  assert.equal(value('money', '-0'), '0.00');
  assert.equal(value('money', '1.005'), '! form.expected_money');
  assert.equal(value('phone', '138 0013 8000'), '+8613800138000', 'phones like contact phones');
  assert.equal(value('phone', '0755-88886666 转 123'), '+8675588886666;ext=123');
  assert.equal(value('email', ' Li.Lei@Example.COM '), 'li.lei@example.com');
  assert.equal(value('datetime', '2026-03-02T09:00:00+08:00'), '2026-03-02T01:00:00.000Z');
  assert.equal(value('datetime', '2026-03-02 09:00'), '! form.expected_datetime', 'a time without its offset is ambiguous');
  assert.equal(value('date', '2026-02-29'), '! form.expected_date');
  assert.equal(value('date', '2028-02-29'), '2028-02-29');
  assert.equal(value('url', 'https://例子.中国/路径'), 'https://xn--fsqu00a.xn--fiqs8s/%E8%B7%AF%E5%BE%84');
  assert.equal(value('url', 'javascript:alert(1)'), '! form.expected_url');
  assert.equal(value('text', '  一行  '), '一行');
  assert.equal(value('text', '两\n行'), '! form.single_line');
  assert.equal(value('textarea', '两\n行\n\n'), '两\n行');
  assert.equal(value('text', '   '), null, 'blank clears');
  assert.equal(value('rating', 6), '! form.expected_rating');
  assert.equal(value('number', 1.25, { settings: { decimals: 1 } }), '! form.too_many_decimals');
  assert.equal(value('number', 3, { settings: { min: 5 } }), '! form.below_min');
  assert.equal(value('user', 'E3B0C442-98FC-4C14-9AFB-F4C8996FB924'), 'e3b0c442-98fc-4c14-9afb-f4c8996fb924');
  assert.equal(value('checkbox', 'true'), '! form.expected_boolean');
});

test('multi select keeps the options\' order and drops repeats', () => {
  const options = ['a', 'b', 'c'].map((v) => ({ value: v, label: { 'zh-CN': v, en: v } }));
  assert.deepEqual(value('multiselect', ['c', 'a', 'c'], { options }), ['a', 'c']);
  assert.equal(value('multiselect', ['a', 'z'], { options }), '! form.unknown_option');
});

test('a built-in option tree is checked when the caller has it, its shape otherwise', () => {
  const regions = { 'china-regions': [{ value: '11', label: { 'zh-CN': '北京市', en: 'Beijing' }, children: [{ value: '1101', label: { 'zh-CN': '市辖区', en: 'Districts' } }] }] };
  const cascader = field('cascader', { settings: { optionSource: 'china-regions' } });
  assert.deepEqual(parseFieldValue(cascader, ['11', '1101'], { optionTrees: regions }), { ok: true, value: ['11', '1101'] });
  assert.equal(parseFieldValue(cascader, ['11', '9999'], { optionTrees: regions }).ok, false);
  assert.equal(parseFieldValue(cascader, ['11', '9999']).ok, true);
  assert.equal(parseFieldValue(cascader, '11').ok, false);
});

test('a text limit counts characters, not UTF-16 units: five emoji fit a limit of 5, six do not', () => {
  const limit = { settings: { maxLength: 5 } };
  assert.equal(value('text', '😀😀😀😀😀', limit), '😀😀😀😀😀', 'ten UTF-16 units, five characters');
  assert.equal(value('text', '😀😀😀😀😀😀', limit), '! form.text_too_long');
  assert.equal(value('text', '一二三四五', limit), '一二三四五');
  assert.equal(value('text', '一二三四五六', limit), '! form.text_too_long');
  assert.equal(value('textarea', `${'字'.repeat(5)}\n`, limit), '字'.repeat(5), 'trailing space is not counted');
});
