import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixedWidth, listLayout, visibleColumns } from './list-layout.ts';
import { defaultListPreferences, listPreferencesKey, readListPreferences, writeListPreferences } from './list-preferences.ts';

/** Table width at 1366 px: window − sidebar 200 − padding 32 − view menu 180 − gap 16 − scrollbar 15. */
const laptopTable = 1366 - 200 - 32 - 180 - 16 - 15;

test('at 1366 px the list merges columns and still leaves the subject ≥ 240 px', () => {
  const layout = listLayout(laptopTable, false);
  assert.equal(layout, 'merged');
  assert.ok(laptopTable - fixedWidth(layout, []) >= 240, `subject ${laptopTable - fixedWidth(layout, [])} px`);
  assert.deepEqual(visibleColumns(layout, []), ['number', 'status', 'sla', 'assignee', 'updatedAt'], '处理人 and 更新时间 stay');
});

test('wider tables get the separate columns, and 团队 only on very wide screens', () => {
  assert.equal(listLayout(1200, false), 'full');
  assert.ok(!visibleColumns('full', []).includes('team'));
  assert.equal(listLayout(1700, false), 'wide');
  assert.ok(visibleColumns('wide', []).includes('team'));
  assert.equal(listLayout(1700, true), 'phone');
});

test('hidden columns stay hidden, but 状态, 处理人 and 更新时间 cannot be hidden', () => {
  const columns = visibleColumns('wide', ['number', 'requester', 'priority', 'sla', 'team']);
  assert.deepEqual(columns, ['status', 'assignee', 'updatedAt']);
});

test('list preferences are kept per user and survive damaged entries', () => {
  const data = new Map<string, string>();
  const storage = { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) };
  writeListPreferences(storage, 'user-a', { density: 'compact', hidden: ['team'] });
  assert.deepEqual(readListPreferences(storage, 'user-a'), { density: 'compact', hidden: ['team'] });
  assert.deepEqual(readListPreferences(storage, 'user-b'), defaultListPreferences);
  data.set(listPreferencesKey('user-c'), '{not json');
  assert.deepEqual(readListPreferences(storage, 'user-c'), defaultListPreferences);
  data.set(listPreferencesKey('user-d'), JSON.stringify({ density: 'huge', hidden: ['assignee', 'sla'] }));
  assert.deepEqual(readListPreferences(storage, 'user-d'), { density: 'comfortable', hidden: ['sla'] });
});

test('custom field columns are chosen per view and per user; damaged entries mean none', async () => {
  const { customColumnsKey, readCustomColumns, writeCustomColumns } = await import('./custom-columns.ts');
  const data = new Map<string, string>();
  const storage = { getItem: (key: string) => data.get(key) ?? null, setItem: (key: string, value: string) => void data.set(key, value) };
  writeCustomColumns(storage, 'user-a', 'complaints', ['pollution_type']);
  writeCustomColumns(storage, 'user-a', 'mine', ['model']);
  assert.deepEqual(readCustomColumns(storage, 'user-a', 'complaints'), ['pollution_type']);
  assert.deepEqual(readCustomColumns(storage, 'user-a', 'mine'), ['model']);
  assert.deepEqual(readCustomColumns(storage, 'user-b', 'complaints'), []);
  data.set(customColumnsKey('user-c'), JSON.stringify({ mine: ['ok_key', 'Bad Key', 3] }));
  assert.deepEqual(readCustomColumns(storage, 'user-c', 'mine'), ['ok_key']);
  data.set(customColumnsKey('user-d'), '{not json');
  assert.deepEqual(readCustomColumns(storage, 'user-d', 'mine'), []);
});

test('a saved view keeps its custom columns as fields.<key> beside its built-in ones', async () => {
  const { customKeysOf, withCustomKeys } = await import('./view-columns.ts');
  assert.deepEqual(customKeysOf(['priority', 'fields.pollution_type', 'fields.location']), ['pollution_type', 'location']);
  assert.deepEqual(withCustomKeys(['priority', 'fields.location'], ['pollution_type']), ['priority', 'fields.pollution_type']);
});
