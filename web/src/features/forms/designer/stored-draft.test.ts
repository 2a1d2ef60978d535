import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FormDefinition } from '../../../../../src/forms/definition.ts';
import { draftStorageKey, readStoredDraft, writeStoredDraft } from './stored-draft.ts';

function memoryStorage() {
  const items = new Map<string, string>();
  return { getItem: (key: string) => items.get(key) ?? null, setItem: (key: string, value: string) => void items.set(key, value), removeItem: (key: string) => void items.delete(key), items };
}

const draft: FormDefinition = { sections: [{ key: 'basic', label: { 'zh-CN': '基本信息', en: '' }, fields: [{ key: 'pollution_type', width: 'half', required: true }] }], rules: [], portal: { enabled: false, fields: [] } };

test('a draft left through the menu comes back for the same published version', () => {
  const storage = memoryStorage();
  writeStoredDraft(storage, 'env_complaint', { baseVersion: 2, form: draft });
  assert.deepEqual(readStoredDraft(storage, 'env_complaint', 2), draft);
  assert.equal(readStoredDraft(storage, 'other_type', 2), undefined);
});

test('a draft of an older version, or an unreadable one, is dropped', () => {
  const storage = memoryStorage();
  writeStoredDraft(storage, 'env_complaint', { baseVersion: 1, form: draft });
  assert.equal(readStoredDraft(storage, 'env_complaint', 2), undefined);
  assert.equal(storage.items.size, 0);
  storage.setItem(draftStorageKey('env_complaint'), '{not json');
  assert.equal(readStoredDraft(storage, 'env_complaint', 2), undefined);
  assert.equal(storage.items.size, 0);
});

test('publishing or discarding clears it', () => {
  const storage = memoryStorage();
  writeStoredDraft(storage, 'env_complaint', { baseVersion: 0, form: draft });
  writeStoredDraft(storage, 'env_complaint', null);
  assert.equal(readStoredDraft(storage, 'env_complaint', 0), undefined);
});
