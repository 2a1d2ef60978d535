import assert from 'node:assert/strict';
import { test } from 'node:test';
import { preferredLocale } from './locale.ts';

test('a saved choice wins over the browser', () => {
  assert.equal(preferredLocale('en', ['zh-CN']), 'en');
  assert.equal(preferredLocale('zh-CN', ['en-US']), 'zh-CN');
});

test('the browser preference decides otherwise, Chinese variants included', () => {
  assert.equal(preferredLocale(null, ['zh-TW', 'en']), 'zh-CN');
  assert.equal(preferredLocale(null, ['zh']), 'zh-CN');
  assert.equal(preferredLocale(null, ['en-GB', 'zh-CN']), 'en');
  assert.equal(preferredLocale(null, ['fr-FR', 'en-US']), 'en');
});

test('Chinese is the default when nothing matches, and junk in storage is ignored', () => {
  assert.equal(preferredLocale(null, []), 'zh-CN');
  assert.equal(preferredLocale('klingon', ['de-DE']), 'zh-CN');
});
