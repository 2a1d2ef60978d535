import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mobileText, say } from './mobile-text.ts';

test('the engineer app has every phrase in both languages, Chinese in zh-CN, and the same placeholders', () => {
  const zh = mobileText['zh-CN'];
  const en = mobileText.en;
  assert.deepEqual(Object.keys(en).sort(), Object.keys(zh).sort());
  const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  for (const key of Object.keys(zh) as Array<keyof typeof zh>) {
    assert.ok(zh[key].trim() && en[key].trim(), `${key} is empty`);
    assert.deepEqual(placeholders(en[key]), placeholders(zh[key]), `${key}: placeholders differ`);
    // Only the language switch names the other language.
    if (key !== 'language') assert.match(zh[key], /\p{Script=Han}/u, `${key} in zh-CN has no Chinese`);
  }
});

test('say fills placeholders', () => {
  assert.equal(say('zh-CN', 'pendingSync', { n: 3 }), '3 项待同步');
  assert.equal(say('en', 'distance', { meters: 120 }), '120 m from the site');
});
