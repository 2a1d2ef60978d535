import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MemoryStorage } from '../../../test/memory-storage.ts';
import { clearAllDrafts, clearDraft, loadDraft, saveDraft } from './drafts.ts';

const a1 = { userId: 'u1', ticketId: 't1' };
const a2 = { userId: 'u1', ticketId: 't2' };

test('a draft is kept per user, ticket and mode', () => {
  const storage = new MemoryStorage();
  saveDraft(a1, 'reply', '您好，师傅明天上午到', storage);
  saveDraft(a1, 'note', '客户情绪激动', storage);
  saveDraft(a2, 'reply', 'other ticket', storage);
  assert.equal(loadDraft(a1, 'reply', storage), '您好，师傅明天上午到');
  assert.equal(loadDraft(a1, 'note', storage), '客户情绪激动');
  assert.equal(loadDraft(a2, 'reply', storage), 'other ticket');
  assert.equal(loadDraft({ userId: 'u1', ticketId: 't3' }, 'reply', storage), '');
  assert.equal(loadDraft({ userId: 'u2', ticketId: 't1' }, 'reply', storage), '', 'a colleague at the same desk does not get it');
});

test('logging out removes every draft on the device and nothing else', () => {
  const storage = new MemoryStorage();
  saveDraft(a1, 'reply', 'x', storage);
  saveDraft({ userId: 'u2', ticketId: 't9' }, 'note', 'y', storage);
  storage.setItem('opencsm.locale', 'en');
  clearAllDrafts(storage);
  assert.equal(storage.length, 1);
  assert.equal(storage.getItem('opencsm.locale'), 'en');
});

test('an emptied or sent draft is removed, not stored as blanks', () => {
  const storage = new MemoryStorage();
  saveDraft(a1, 'reply', 'text', storage);
  saveDraft(a1, 'reply', '   ', storage);
  assert.equal(storage.length, 0);
  saveDraft(a1, 'reply', 'text', storage);
  clearDraft(a1, 'reply', storage);
  assert.equal(loadDraft(a1, 'reply', storage), '');
});

test('drafts older than 30 days and corrupt entries are dropped on read', () => {
  const storage = new MemoryStorage();
  const day = 24 * 3600_000;
  saveDraft(a1, 'reply', 'old', storage, 0);
  assert.equal(loadDraft(a1, 'reply', storage, 29 * day), 'old');
  assert.equal(loadDraft(a1, 'reply', storage, 31 * day), '');
  assert.equal(storage.length, 0);
  storage.setItem('opencsm.draft.u1.t2.note', '{not json');
  assert.equal(loadDraft(a2, 'note', storage), '');
  assert.equal(storage.length, 0);
});
