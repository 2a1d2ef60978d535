import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FieldDefinition } from '../../../../src/forms/definition.ts';
import { prepareForm } from '../../../../src/forms/prepare-form.ts';
import { checkDraft, definitionsOf } from './designer/draft-check.ts';
import { registryFieldOf } from './designer/forms-api.ts';
import { descriptorOf, type RegistryField } from './designer/registry-field.ts';
import { inputTypeFor } from './field-inputs/input-for.ts';
import { fieldTypesOf, typeChoices, typeLabelOf } from './field-types.ts';
import { precheck } from './precheck.ts';

/**
 * A field type a module registered on the server (the 车牌号 of field-type-extension.test.ts): the
 * console knows it only from GET /api/v1/field-types, offers it in the designer, keeps fields of
 * it, renders its input by its condition type and leaves its values to the server's row.
 */
const answer = [
  { key: 'text', label: { 'zh-CN': '单行文本', en: 'Single-line text' }, builtIn: true, conditionType: 'text', operators: ['is'], hasOptions: false, filterable: true, searchable: true },
  { key: 'select', label: { 'zh-CN': '单选', en: 'Single select' }, builtIn: true, conditionType: 'select', operators: ['is'], hasOptions: true, filterable: true, searchable: false },
  { key: 'attachments', label: { 'zh-CN': '附件', en: 'Attachments' }, builtIn: true, conditionType: null, operators: [], hasOptions: false, filterable: false, searchable: false },
  { key: 'license_plate', label: { 'zh-CN': '车牌号', en: 'Licence plate' }, builtIn: false, conditionType: 'text', operators: ['is', 'contains'], hasOptions: false, filterable: true, searchable: true },
  { key: 'odometer', label: { 'zh-CN': '里程', en: '' }, builtIn: false, conditionType: 'number', operators: ['>'], hasOptions: false, filterable: true, searchable: false },
  { key: 'broken' },
];

test('the designer offers every type GET /field-types lists, in its order, labelled in the console\'s language (built-in ones too)', () => {
  const types = fieldTypesOf(answer);
  assert.deepEqual(typeChoices(types, 'zh-CN'), [
    { value: 'text', label: '单行文本' },
    { value: 'select', label: '单选' },
    { value: 'attachments', label: '附件' },
    { value: 'license_plate', label: '车牌号' },
    { value: 'odometer', label: '里程' },
  ]);
  assert.deepEqual(typeChoices(types, 'en').map((choice) => choice.label), ['Single-line text', 'Single select', 'Attachments', 'Licence plate', '里程'], 'an empty English label falls back to Chinese');
  assert.equal(typeLabelOf(types, 'license_plate', 'en'), 'Licence plate');
  assert.equal(typeLabelOf(types, 'boolean', 'en'), undefined, 'a type the server does not list is left to the caller');
  assert.equal(types.find((type) => type.key === 'odometer')?.conditionType, 'number');
});

const plateField = { key: 'plate', entity: 'ticket' as const, label: { 'zh-CN': '车牌号', en: 'Plate' }, builtIn: false, type: 'license_plate', conditionType: 'text' as const, operators: ['is'], filterable: true, sortable: true, searchable: false, customerVisible: false, readRoles: [], writeRoles: [], archived: false, version: 1 };

test('the designer keeps a field of a registered type: read from the registry, placed on a draft that checks, tested by rules as its condition type', () => {
  const field = registryFieldOf(plateField);
  assert.equal(field?.type, 'license_plate');
  const registry: RegistryField[] = [field!, { key: 'priority', label: { 'zh-CN': '优先级', en: 'Priority' }, type: 'select', builtIn: true }];
  assert.deepEqual(definitionsOf(registry).map((definition) => definition.key), ['plate']);
  assert.deepEqual(descriptorOf(field!), { key: 'plate', type: 'text', sql: { jsonColumn: 'fields', key: 'plate' } }, 'conditions test it as the server\'s row says (text)');
  assert.equal(descriptorOf({ ...field!, conditionType: null }), undefined, 'a row that conditions cannot test');
  const note = { key: 'note', label: { 'zh-CN': '备注', en: 'Note' }, type: 'text' as const };
  const placed = { key: 'car', label: { 'zh-CN': '车辆', en: '' }, fields: [{ key: 'plate', width: 'full' as const, required: true }, { key: 'note', width: 'full' as const, required: false }] };
  const rule = { id: 'plate-note', when: { field: 'plate', op: 'starts_with' as const, value: '粤' }, then: [{ effect: 'require' as const, field: 'note' }] };
  const checked = checkDraft({ sections: [placed], rules: [rule], portal: { enabled: false, fields: [] } }, [...registry, note]);
  assert.equal(checked.ok, true, JSON.stringify(checked.issues));
  assert.equal(checkDraft({ sections: [placed], rules: [rule], portal: { enabled: false, fields: [] } }, [{ ...field!, conditionType: null }, note]).ok, false, 'without a condition type the rule cannot test it');
  assert.equal(registryFieldOf({ ...plateField, builtIn: true, type: 'signature' }), undefined, 'a built-in field of a kind the console does not know is still left out');
});

test('a registered type renders the input of its condition type; built-in types keep their own', () => {
  assert.equal(inputTypeFor('license_plate', 'text'), 'text');
  assert.equal(inputTypeFor('odometer', 'number'), 'number');
  assert.equal(inputTypeFor('inspected_on', 'date'), 'date');
  assert.equal(inputTypeFor('inspected_at', 'datetime'), 'datetime');
  assert.equal(inputTypeFor('insured', 'boolean'), 'checkbox');
  assert.equal(inputTypeFor('grade', 'select', true), 'select');
  assert.equal(inputTypeFor('grade', 'select', false), 'text', 'nothing to pick from: typed');
  assert.equal(inputTypeFor('signature', null), 'text', 'no condition type (or the portal, which is not told): a text input');
  assert.equal(inputTypeFor('signature', undefined), 'text');
  assert.equal(inputTypeFor('money', 'text'), 'money');
  assert.equal(inputTypeFor('checkbox', undefined), 'checkbox');
});

test('the console\'s check leaves a registered type\'s value to the server but still checks the rest of the form', () => {
  const fields: FieldDefinition[] = [
    { id: 'plate', key: 'plate', entity: 'ticket', label: { 'zh-CN': '车牌号', en: 'Plate' }, type: 'license_plate', settings: {}, filterable: false, searchable: false, customerVisible: false, readRoles: [], writeRoles: [], archived: false, version: 1 },
    { id: 'driver', key: 'driver', entity: 'ticket', label: { 'zh-CN': '司机', en: 'Driver' }, type: 'text', settings: {}, filterable: false, searchable: false, customerVisible: false, readRoles: [], writeRoles: [], archived: false, version: 1 },
  ];
  const prepared = prepareForm({ form: { sections: [{ key: 'car', label: { 'zh-CN': '车辆', en: '' }, fields: [{ key: 'plate', required: true }, { key: 'driver', required: true }] }] }, fields });
  assert.ok(prepared.ok);
  const audience = { kind: 'staff' as const, role: 'agent' };
  assert.deepEqual(precheck(prepared.form, { plate: 'not a plate', driver: '张三' }, { audience, language: 'zh-CN' }), [], 'the value is the server\'s to judge');
  const missing = precheck(prepared.form, { plate: '京a 12345' }, { audience, language: 'en' });
  assert.deepEqual(missing.map((issue) => issue.name), [['fields', 'driver']], 'a required built-in field is still checked here');
  assert.deepEqual(precheck(prepared.form, { driver: '张三' }, { audience, language: 'en' }).map((issue) => issue.name), [['fields', 'plate']], 'a required registered field still needs a value');
});
