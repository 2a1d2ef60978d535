import assert from 'node:assert/strict';
import { test } from 'node:test';
import { en } from './en.ts';
import { zhCN } from './zh-CN.ts';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out.set(prefix + key, value);
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

const zh = flatten(zhCN);
const english = flatten(en as Tree);

test('every console string exists in zh-CN and en, and none is empty', () => {
  assert.deepEqual([...zh.keys()].sort(), [...english.keys()].sort());
  for (const [key, value] of [...zh, ...english]) assert.ok(value.trim().length > 0, `${key} is empty`);
});

test('both languages use the same placeholders in each message', () => {
  const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
  for (const [key, value] of zh) assert.deepEqual(placeholders(english.get(key)!), placeholders(value), key);
});

test('the Chinese catalogue is Chinese: user-facing sentences contain CJK characters', () => {
  // Codes, product names and keyboard labels may stay Latin; sentences may not.
  const latinAllowed = /^(channel\.(api|wechat)|app\.name|nav\.tokens|channel\.api)$/;
  for (const [key, value] of zh) {
    if (latinAllowed.test(key) || value.length < 4) continue;
    assert.match(value, /[\u4e00-\u9fff]/, `${key}: ${value}`);
  }
});
