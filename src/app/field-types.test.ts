import assert from 'node:assert/strict';
import { test } from 'node:test';
import { builtinFieldTypes } from '../forms/field-type-table.js';
import { FieldTypes } from './field-types.js';

test('a registered field type is found by its key and parses values with its row; a key registers once and must be a plain key', () => {
  const types = new FieldTypes();
  assert.equal(types.get('money'), undefined);
  for (const type of builtinFieldTypes) types.register(type);
  const money = types.get('money');
  assert.ok(money);
  assert.deepEqual(money.parse('12.3', { settings: {} }, {}), { ok: true, value: '12.30' });
  assert.equal(money.parse('12.345', { settings: {} }, {}).ok, false);
  assert.equal(types.list().length, 20);
  assert.throws(() => types.register(money), /registered twice/);
  assert.throws(() => types.register({ ...money, key: 'Plate No' }), /lower-case/);
});
