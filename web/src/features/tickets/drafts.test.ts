import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MemoryStorage } from '../../../test/memory-storage.ts';
import { clearDraft, loadDraft, saveDraft } from './drafts.ts';

test('a draft is kept per ticket and per mode', () => {
  const storage = new MemoryStorage();
  saveDraft('t1', 'reply', '您好，师傅明天上午到', storage);
  saveDraft('t1', 'note', '客户情绪激动', storage);
  saveDraft('t2', 'reply', 'other ticket', storage);
  assert.equal(loadDraft('t1', 'reply', storage), '您好，师傅明天上午到');
  assert.equal(loadDraft('t1', 'note', storage), '客户情绪激动');
  assert.equal(loadDraft('t2', 'reply', storage), 'other ticket');
  assert.equal(loadDraft('t3', 'reply', storage), '');
});

test('an emptied or sent draft is removed, not stored as blanks', () => {
  const storage = new MemoryStorage();
  saveDraft('t1', 'reply', 'text', storage);
  saveDraft('t1', 'reply', '   ', storage);
  assert.equal(storage.length, 0);
  saveDraft('t1', 'reply', 'text', storage);
  clearDraft('t1', 'reply', storage);
  assert.equal(loadDraft('t1', 'reply', storage), '');
});

test('drafts older than 30 days and corrupt entries are dropped on read', () => {
  const storage = new MemoryStorage();
  const day = 24 * 3600_000;
  saveDraft('t1', 'reply', 'old', storage, 0);
  assert.equal(loadDraft('t1', 'reply', storage, 29 * day), 'old');
  assert.equal(loadDraft('t1', 'reply', storage, 31 * day), '');
  assert.equal(storage.length, 0);
  storage.setItem('opencsm.draft.t2.note', '{not json');
  assert.equal(loadDraft('t2', 'note', storage), '');
  assert.equal(storage.length, 0);
});
