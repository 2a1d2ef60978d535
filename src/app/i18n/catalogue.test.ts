import assert from 'node:assert/strict';
import { test } from 'node:test';
import { catalogues, pickLocale, translate } from './catalogue.js';

test('every message exists in zh-CN and en, with the same placeholders', () => {
  const zh = catalogues['zh-CN'];
  const en = catalogues.en;
  assert.deepEqual(Object.keys(en).sort(), Object.keys(zh).sort());
  for (const key of Object.keys(zh) as Array<keyof typeof zh>) {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    assert.deepEqual(placeholders(en[key]), placeholders(zh[key]), key);
    assert.ok(/[\u4e00-\u9fff]/.test(zh[key]), `${key} should be Chinese`);
    assert.ok(!/[\u4e00-\u9fff]/.test(en[key]), `${key} should be English`);
  }
});

test('placeholders are filled in', () => {
  assert.equal(translate('en', 'ticket.invalid_transition', { from: 'closed', to: 'open' }), 'A ticket cannot go from "closed" to "open"');
  assert.equal(translate('zh-CN', 'attachment.too_large', { limitMb: 25 }), '附件超过大小上限（25 MB）');
});

test('Chinese first: the locale follows Accept-Language, defaulting to zh-CN', () => {
  assert.equal(pickLocale(undefined), 'zh-CN');
  assert.equal(pickLocale('en-US,en;q=0.9'), 'en');
  assert.equal(pickLocale('zh-TW,zh;q=0.9,en;q=0.8'), 'zh-CN');
  assert.equal(pickLocale('fr-FR, en;q=0.5, zh;q=0.7'), 'zh-CN');
  assert.equal(pickLocale('fr-FR, en;q=0.8, zh;q=0.7'), 'en');
  assert.equal(pickLocale('de'), 'zh-CN');
});
