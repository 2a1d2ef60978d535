import assert from 'node:assert/strict';
import { test } from 'node:test';
import { categoryTree, type CategoryRow } from './category-tree.ts';

const row = (id: string, parentId: string | null, nameZh: string, position = 0, active = true, nameEn = ''): CategoryRow => ({ id, parentId, nameZh, nameEn, position, active });

test('builds the tree by parentId, ordered by position, in the chosen language', () => {
  const rows = [row('c', 'a', '漏水', 2, true, 'Leak'), row('a', null, '售后维修', 1, true, 'Repair'), row('b', 'a', '不制冷', 1, true, 'Not cooling'), row('d', null, '投诉', 0, true, 'Complaint')];
  const zh = categoryTree(rows, true);
  assert.deepEqual(zh.map((n) => n.title), ['投诉', '售后维修']);
  assert.deepEqual(zh[1]!.children.map((n) => n.title), ['不制冷', '漏水']);
  const english = categoryTree(rows, false);
  assert.deepEqual(english[1]!.children.map((n) => n.title), ['Not cooling', 'Leak']);
});

test('falls back to the Chinese name when there is no English one', () => {
  assert.equal(categoryTree([row('a', null, '安装')], false)[0]!.title, '安装');
});

test('inactive categories stay visible but cannot be picked; orphans become roots', () => {
  const tree = categoryTree([row('a', null, '旧分类', 0, false), row('b', 'gone', '孤儿')], true);
  assert.equal(tree.find((n) => n.value === 'a')!.disabled, true);
  assert.ok(tree.some((n) => n.value === 'b'), 'a child of a deleted parent is still listed');
});
