import assert from 'node:assert/strict';
import { test } from 'node:test';
import { z } from 'zod';
import { FieldTypes } from './field-types.js';

test('a registered field type is found by its key and validates values with its schema; a key registers once', () => {
  const types = new FieldTypes();
  assert.equal(types.get('money'), undefined);
  types.register({ key: 'money', label: { 'zh-CN': '金额', en: 'Money' }, value: z.number().multipleOf(0.01) });
  const money = types.get('money');
  assert.ok(money);
  assert.equal(money.value.safeParse(12.34).success, true);
  assert.equal(money.value.safeParse(12.345).success, false);
  assert.deepEqual(types.list().map((type) => type.key), ['money']);
  assert.throws(() => types.register({ key: 'money', label: { 'zh-CN': '金额', en: 'Money' }, value: z.number() }), /registered twice/);
});
