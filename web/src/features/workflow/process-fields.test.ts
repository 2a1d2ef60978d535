import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RegistryField } from '../forms/designer/registry-field.ts';
import { processFieldsOf, processLookupOf } from './process-fields.ts';

const label = (zh: string) => ({ 'zh-CN': zh, en: zh });

test('custom fields are named fields.<key> as the server and the condition language name them; built-in fields keep their key; archived ones are gone', () => {
  const registry: RegistryField[] = [
    { key: 'priority', label: label('优先级'), type: 'select', builtIn: true, options: [{ value: 'high', label: label('高') }] },
    { key: 'compensation', label: label('赔偿金额'), type: 'money' },
    { key: 'old_field', label: label('旧字段'), type: 'text', archived: true },
    { key: 'photos', label: label('照片'), type: 'attachment' },
  ];
  const fields = processFieldsOf(registry);
  assert.deepEqual(fields.map((field) => field.key), ['priority', 'fields.compensation', 'fields.photos']);
  const lookup = processLookupOf(fields);
  assert.equal(lookup('fields.compensation')?.type, 'money');
  assert.deepEqual(lookup('priority')?.options, [{ value: 'high' }]);
  assert.equal(lookup('compensation'), undefined);
  assert.equal(lookup('fields.photos'), undefined, 'no condition tests an attachment');
});
