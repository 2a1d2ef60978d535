import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nameSystemActors, unnamedActorIds, type SystemActorName } from './system-actor-names.ts';

/** The timeline names the actors no user is from `GET /actor-names`, in the console's language. */
const assignment: SystemActorName = { id: 'a551', kind: 'assignment:round_robin', labels: { 'zh-CN': '自动分配（轮询）', en: 'Auto-assignment (round robin)' } };
const rule: SystemActorName = { id: 'r1', kind: 'rule:r1', labels: { 'zh-CN': '规则「VIP 升级」', en: 'Rule “VIP 升级”' } };
const entries = [
  { id: '1', actor: { id: 'a551', name: '' } },
  { id: '2', actor: { id: 'u1', name: '王小明' } },
  { id: '3', actor: { id: 'r1', name: '' } },
  { id: '4', actor: null },
  { id: '5', actor: { id: 'gone', name: '' } },
];

test('only actors without a name are asked for, each once, in a stable order (one query key)', () => {
  assert.deepEqual(unnamedActorIds([...entries, { id: '6', actor: { id: 'a551', name: '' } }]), ['a551', 'gone', 'r1']);
});

test('system actors are named in the console\'s language; people and unknown actors stay the same objects', () => {
  const names = new Map([[assignment.id, assignment], [rule.id, rule]]);
  const zh = nameSystemActors(entries, names, 'zh-CN');
  assert.deepEqual(zh.map((e) => e.actor?.name ?? null), ['自动分配（轮询）', '王小明', '规则「VIP 升级」', null, '']);
  assert.equal(zh[1], entries[1], 'a person\'s entry is not copied (its memoised view does not render again)');
  assert.equal(zh[4], entries[4]);
  const en = nameSystemActors(entries, names, 'en');
  assert.deepEqual(en.map((e) => e.actor?.name ?? null), ['Auto-assignment (round robin)', '王小明', 'Rule “VIP 升级”', null, '']);
  assert.equal(nameSystemActors(entries, new Map(), 'zh-CN'), entries, 'before the names arrive: the same list');
});
