import assert from 'node:assert/strict';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import { importKindOf, mergeOptions, moveOption, optionsOfRows, rowsOfCsv, rowsOfPastedText, rowsOfXlsx, treeOfRows } from './option-import.ts';

test('a pasted list: one option per line, blank lines and repeats dropped, the Chinese label as value', () => {
  const options = optionsOfRows(rowsOfPastedText('噪音\n\n废气\r\n废水\t Waste water \n固废\n噪音\n'));
  assert.deepEqual(options.map((o) => o.value), ['噪音', '废气', '废水', '固废']);
  assert.deepEqual(options[2], { value: '废水', label: { 'zh-CN': '废水', en: 'Waste water' } });
});

test('two or three columns copied from Excel give the English label and a stable value', () => {
  const options = optionsOfRows(rowsOfPastedText('选项\t英文\t值\n打印机\tPrinter\tprinter\n复印机\tCopier\tcopier'));
  assert.deepEqual(options, [
    { value: 'printer', label: { 'zh-CN': '打印机', en: 'Printer' } },
    { value: 'copier', label: { 'zh-CN': '复印机', en: 'Copier' } },
  ]);
});

test('CSV: quoted cells keep commas, quotes and line breaks; a BOM is dropped', () => {
  const csv = '\uFEFF名称,英文\n"噪音, 夜间","Noise ""night"""\n废水,Waste water\n';
  assert.deepEqual(rowsOfCsv(new TextEncoder().encode(csv)), [['名称', '英文'], ['噪音, 夜间', 'Noise "night"'], ['废水', 'Waste water']]);
  assert.deepEqual(optionsOfRows(rowsOfCsv(new TextEncoder().encode(csv))).map((o) => o.value), ['噪音, 夜间', '废水']);
});

test('CSV saved by Excel on Chinese Windows (GBK) is read as GBK', () => {
  // 噪音 and 废水 in GBK, one per line.
  const gbk = Uint8Array.from([0xd4, 0xeb, 0xd2, 0xf4, 0x0d, 0x0a, 0xb7, 0xcf, 0xcb, 0xae, 0x0d, 0x0a]);
  assert.deepEqual(optionsOfRows(rowsOfCsv(gbk)).map((o) => o.value), ['噪音', '废水']);
});

test('an .xlsx sheet becomes options; a cascader sheet of paths becomes a tree', async () => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('产品');
  sheet.addRow(['产品线', '型号']);
  sheet.addRow(['打印机', 'LaserJet 1020']);
  sheet.addRow(['打印机', 'LaserJet M1136']);
  sheet.addRow(['复印机', 'iR 2204']);
  sheet.addRow(['投影仪']);
  const bytes = await workbook.xlsx.writeBuffer();
  const rows = await rowsOfXlsx(bytes as ArrayBuffer);
  assert.deepEqual(rows[1], ['打印机', 'LaserJet 1020']);
  const tree = treeOfRows(rows.slice(1));
  assert.deepEqual(tree, [
    { value: '打印机', label: { 'zh-CN': '打印机', en: '' }, children: [{ value: 'LaserJet 1020', label: { 'zh-CN': 'LaserJet 1020', en: '' } }, { value: 'LaserJet M1136', label: { 'zh-CN': 'LaserJet M1136', en: '' } }] },
    { value: '复印机', label: { 'zh-CN': '复印机', en: '' }, children: [{ value: 'iR 2204', label: { 'zh-CN': 'iR 2204', en: '' } }] },
    { value: '投影仪', label: { 'zh-CN': '投影仪', en: '' } },
  ]);
});

test('a pasted cascader path may be one cell joined by slashes', () => {
  const tree = treeOfRows(rowsOfPastedText('广东 / 深圳 / 南山区\n广东/深圳/福田区\n广西 > 南宁'));
  assert.deepEqual(tree.map((o) => [o.value, o.children?.map((c) => [c.value, c.children?.map((d) => d.value)])]), [
    ['广东', [['深圳', ['南山区', '福田区']]]],
    ['广西', [['南宁', undefined]]],
  ]);
});

test('importing keeps existing options and their labels, revives a deleted one, appends new ones', () => {
  const existing = [
    { value: '噪音', label: { 'zh-CN': '噪声', en: 'Noise' } },
    { value: '废气', label: { 'zh-CN': '废气', en: '' }, deleted: true },
  ];
  const merged = mergeOptions(existing, optionsOfRows(rowsOfPastedText('噪音\n废气\n废水')));
  assert.deepEqual(merged, [
    { value: '噪音', label: { 'zh-CN': '噪声', en: 'Noise' } },
    { value: '废气', label: { 'zh-CN': '废气', en: '' } },
    { value: '废水', label: { 'zh-CN': '废水', en: '' } },
  ]);
  assert.deepEqual(moveOption(merged, 2, -1).map((o) => o.value), ['噪音', '废水', '废气']);
  assert.deepEqual(moveOption(merged, 0, -1).map((o) => o.value), ['噪音', '废气', '废水']);
});

test('files are read by their extension', () => {
  assert.equal(importKindOf('选项.XLSX'), 'xlsx');
  assert.equal(importKindOf('options.csv'), 'csv');
  assert.equal(importKindOf('old.xls'), undefined);
});
