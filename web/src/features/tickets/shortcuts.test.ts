import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isSendChord, shortcutFor } from './shortcuts.ts';

test('single keys map to ticket actions', () => {
  assert.equal(shortcutFor({ key: 'j', typing: false }), 'next');
  assert.equal(shortcutFor({ key: 'k', typing: false }), 'previous');
  assert.equal(shortcutFor({ key: 'r', typing: false }), 'reply');
  assert.equal(shortcutFor({ key: 'n', typing: false }), 'note');
  assert.equal(shortcutFor({ key: '?', typing: false }), 'help');
  assert.equal(shortcutFor({ key: 'x', typing: false }), undefined);
});

test('shortcuts never fire while typing or with a modifier (Ctrl+R reloads, Ctrl+N opens a window)', () => {
  assert.equal(shortcutFor({ key: 'j', typing: true }), undefined);
  assert.equal(shortcutFor({ key: 'r', ctrlKey: true, typing: false }), undefined);
  assert.equal(shortcutFor({ key: 'n', metaKey: true, typing: false }), undefined);
  assert.equal(shortcutFor({ key: 'k', altKey: true, typing: false }), undefined);
});

test('Ctrl+Enter or Cmd+Enter sends; Enter alone makes a new line', () => {
  assert.equal(isSendChord({ key: 'Enter', ctrlKey: true }), true);
  assert.equal(isSendChord({ key: 'Enter', metaKey: true }), true);
  assert.equal(isSendChord({ key: 'Enter' }), false);
  assert.equal(isSendChord({ key: 'a', ctrlKey: true }), false);
});
