import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cleanDate, cleanText, splitList } from './clean-values.js';
import { detectHeader } from './detect-header.js';
import { autoMapping } from './auto-mapping.js';

test('dates the way Chinese spreadsheets write them, and Excel serial days', () => {
  for (const text of ['2024年3月5日', '2024/3/5', '2024-03-05', '2024.3.5', '20240305', '45356', '45356.75', '２０２４年３月５日', '2024-03-05 10:30']) assert.equal(cleanDate(text), '2024-03-05', text);
  for (const text of ['2024年13月5日', '2024/2/30', 'abc', '', '3']) assert.equal(cleanDate(text), null, text);
});

test('full-width folded, spaces trimmed; several values in one cell', () => {
  assert.equal(cleanText('  ＡＢＣ　１２３  '), 'ABC 123');
  assert.deepEqual(splitList('13800138000／13900139000；a@b.cn'), ['13800138000', '13900139000', 'a@b.cn']);
});

test('the header is the first row of distinct text; a two-level header takes the lower names', () => {
  const rows = (lists: string[][]) => lists.map((cells, i) => ({ rowNumber: i + 1, cells }));
  assert.equal(detectHeader(rows([['客户名单'], ['姓名', '电话', '邮箱'], ['张三', '138', 'a@b.cn']]))?.rowNumber, 2);
  assert.deepEqual(detectHeader(rows([['姓名', '联系方式', ''], ['', '手机', '邮箱'], ['张三', '138', 'a@b.cn']])), { rowNumber: 2, headers: ['姓名', '手机', '邮箱'] });
  assert.equal(detectHeader(rows([['1', '2', '3']])), null);
});

test('synonyms and custom field labels map columns; a second column of one target stays unmapped', () => {
  const mapping = autoMapping('contacts', ['*联系人', '手机号', '座机', 'E-mail', '单位', '客户行业', '姓名'], [{ key: 'industry', labels: ['客户行业', 'Industry'] }]);
  assert.deepEqual(mapping.map((m) => m.target), ['name', 'phone', 'phone', 'email', 'organisation', 'fields.industry', null]);
});
