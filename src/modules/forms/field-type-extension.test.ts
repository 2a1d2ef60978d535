import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertProblem, createTestApp, type TestApp } from '../../app/test-app.js';
import { FieldTypes } from '../../app/field-types.js';
import { cellOfValue } from '../../forms/value-cells.js';
import { registeredValueText } from '../../forms/value-labels.js';
import { licensePlateType as licensePlate } from '../../forms/fixtures/license-plate.js';

/**
 * The field-type extension point: a module registers a type on the app context and, with no other
 * code changed, the registry takes fields of it, every write path parses values with its row (400
 * at `fields.<key>`), and `GET /api/v1/field-types` lists it beside the 20 built-in types.
 */
let t: TestApp;

/** Plates as they are painted, with the separator dot after the office letter (京A·12345). */
const painted = (value: unknown) => `${String(value).slice(0, 2)}·${String(value).slice(2)}`;

before(async () => {
  t = await createTestApp();
  t.context.fieldTypes.register({ ...licensePlate, display: (value) => painted(value) });
});
after(() => t.close());

test('GET /field-types lists the built-in types and the registered one, with labels and operators', async () => {
  const res = await t.api('GET', '/api/v1/field-types', { as: await t.user('agent') });
  assert.equal(res.statusCode, 200, res.body);
  const items = res.json().items as Array<{ key: string; label: { 'zh-CN': string }; builtIn: boolean; operators: string[] }>;
  assert.equal(items.filter((type) => type.builtIn).length, 20);
  const plate = items.find((type) => type.key === 'license_plate');
  assert.deepEqual({ ...plate, operators: plate?.operators.includes('contains') }, { key: 'license_plate', label: licensePlate.label, builtIn: false, conditionType: 'text', operators: true, hasOptions: false, filterable: true, searchable: true });
  assert.equal(items.find((type) => type.key === 'select')?.label['zh-CN'], '单选');
});

test('a field of the registered type is created, and a ticket takes a good plate (normalised) and refuses a bad one at fields.<key>', async () => {
  const created = await t.api('POST', '/api/v1/ticket-fields', { body: { key: 'plate', label: { 'zh-CN': '车牌号', en: 'Plate' }, type: 'license_plate', filterable: true } });
  assert.equal(created.statusCode, 201, created.body);
  assert.equal(created.json().type, 'license_plate');
  assert.ok(created.json().operators.includes('starts_with'), 'the registry lists the operators of the type\'s condition type');
  const relabelled = await t.api('PATCH', '/api/v1/ticket-fields/plate', { body: { label: { 'zh-CN': '车牌号码', en: 'Plate number' } }, ifMatch: '"1"' });
  assert.equal(relabelled.statusCode, 200, `a filterable field of a registered type is edited under its row's rules: ${relabelled.body}`);
  const good = await t.createTicket<{ id: string; fields: Record<string, unknown> }>({ subject: '车辆救援', fields: { plate: '京a 12345' } });
  assert.equal(good.fields.plate, '京A12345');
  const bad = await t.api('POST', '/api/v1/tickets', { body: { subject: '车辆救援', fields: { plate: 'AB-1234' } } });
  const problem = assertProblem(bad, 400, 'validation.failed');
  const error = problem.errors?.find((e) => e.path === 'fields.plate');
  assert.equal(error?.code, 'form.invalid_format', bad.body);
  assert.match(error?.message ?? '', /京A12345/);
  const current = (await t.api('GET', `/api/v1/tickets/${good.id}`)).json();
  const patched = await t.api('PATCH', `/api/v1/tickets/${good.id}`, { body: { fields: { plate: '沪I00000' } }, ifMatch: current.version });
  assert.equal(assertProblem(patched, 400, 'validation.failed').errors?.[0]?.path, 'fields.plate', 'updates go through the same row (I is not a plate letter)');
});

test('a type nobody registered is refused at `type`; the registry\'s rules follow the type\'s row', async () => {
  const unknown = await t.api('POST', '/api/v1/ticket-fields', { body: { key: 'signature', label: { 'zh-CN': '签名' }, type: 'signature' } });
  assert.equal(assertProblem(unknown, 400, 'validation.failed').errors?.[0]?.path, 'type', unknown.body);
  const withOptions = await t.api('POST', '/api/v1/ticket-fields', { body: { key: 'plate2', label: { 'zh-CN': '车牌号' }, type: 'license_plate', options: [{ value: 'x', label: { 'zh-CN': 'x' } }] } });
  assert.equal(assertProblem(withOptions, 400, 'validation.failed').errors?.[0]?.code, 'forms.field.options_not_allowed');
});

test('every write that judges custom values is given the app\'s types: bulk edits of tickets, contacts and organisations take the registered type too', async () => {
  const ticket = await t.createTicket<{ id: string }>({ subject: '批量改车牌' });
  const bulk = await t.api('POST', '/api/v1/tickets/bulk', { body: { ids: [ticket.id], changes: { fields: { plate: '粤b·d12345' } } } });
  assert.equal(bulk.statusCode, 200, bulk.body);
  assert.equal(bulk.json().results[0].ok, true, bulk.body);
  assert.equal((await t.api('GET', `/api/v1/tickets/${ticket.id}`)).json().fields.plate, '粤BD12345');

  for (const [entity, path, body] of [['contact', '/api/v1/contacts', { name: '车主甲' }], ['organisation', '/api/v1/organizations', { name: '车队乙' }]] as const) {
    const field = await t.api('POST', `/api/v1/${entity}-fields`, { body: { key: 'fleet_plate', label: { 'zh-CN': '车牌号' }, type: 'license_plate' } });
    assert.equal(field.statusCode, 201, field.body);
    const created = await t.api('POST', path, { body: { ...body, fields: { fleet_plate: '苏e 88888' } } });
    assert.equal(created.statusCode, 201, `${entity}: ${created.body}`);
    assert.equal(created.json().fields.fleet_plate, '苏E88888', `${entity}: parsed by the registered row`);
    const refused = await t.api('PATCH', `${path}/${created.json().id}`, { body: { fields: { fleet_plate: 'not a plate' } } });
    assert.equal(assertProblem(refused, 400, 'validation.failed').errors?.[0]?.path, 'fields.fleet_plate', `${entity}: ${refused.body}`);
  }
});

test('rules, SLA policies and the export treat a field of a registered type as its row says: the form answer carries its condition type', async () => {
  const note = await t.api('POST', '/api/v1/ticket-fields', { body: { key: 'plate_note', label: { 'zh-CN': '外地车说明', en: 'Note' }, type: 'text' } });
  assert.equal(note.statusCode, 201, note.body);
  // 粤 plates (Guangdong) need a note: the rule tests the registered field with a text operator.
  const form = { sections: [{ key: 'car', label: { 'zh-CN': '车辆', en: 'Vehicle' }, fields: [{ key: 'plate' }, { key: 'plate_note' }] }], rules: [{ id: 'outside', when: { field: 'plate', op: 'starts_with', value: '粤' }, then: [{ effect: 'require', field: 'plate_note' }] }] };
  const type = await t.api('POST', '/api/v1/ticket-types', { body: { key: 'rescue', label: { 'zh-CN': '道路救援', en: 'Rescue' }, form } });
  assert.equal(type.statusCode, 201, `a rule may test the registered field: ${type.body}`);
  const answer = (await t.api('GET', '/api/v1/ticket-types/rescue/form', { as: await t.user('agent') })).json();
  const plate = answer.fields.find((field: { key: string }) => field.key === 'plate');
  assert.equal(plate.conditionType, 'text', 'the console prepares the form with it');
  assert.ok(plate.operators.includes('starts_with'));

  const refused = await t.api('POST', '/api/v1/tickets', { body: { subject: '粤牌车抛锚', type: 'rescue', fields: { plate: '粤B12345' } } });
  assert.equal(assertProblem(refused, 400, 'validation.failed').errors?.find((e) => e.path === 'fields.plate_note')?.code, 'form.required', refused.body);

  const fields = (await t.api('GET', '/api/v1/sla/condition-fields')).json().items as Array<{ key: string; type: string; operators: string[] }>;
  assert.equal(fields.find((field) => field.key === 'fields.plate')?.type, 'text', 'policies may name it');
  const policy = await t.api('POST', '/api/v1/sla/policies', { body: { nameZh: '京牌救援', position: 0, conditions: { all: [{ field: 'fields.plate', op: 'starts_with', values: ['京'] }] }, targets: { urgent: { resolutionMinutes: 30 }, high: { resolutionMinutes: 30 }, normal: { resolutionMinutes: 30 }, low: { resolutionMinutes: 30 } } } });
  assert.equal(policy.statusCode, 201, policy.body);
  const local = await t.createTicket<{ id: string; number: string }>({ subject: '京牌车抛锚', type: 'rescue', fields: { plate: '京A12345' } });
  const other = await t.createTicket<{ id: string }>({ subject: '沪牌车抛锚', type: 'rescue', fields: { plate: '沪A12345' } });
  await t.drain();
  // The policy's 30 minutes to resolve (no other policy here is as short).
  const resolveIn30 = async (id: string) => ((await t.api('GET', `/api/v1/tickets/${id}`)).json().sla as Array<{ target: string; remainingMinutes: number }>).some((entry) => entry.target === 'resolution' && entry.remainingMinutes <= 30);
  assert.equal(await resolveIn30(local.id), true, 'a 京 plate counts under the policy');
  assert.equal(await resolveIn30(other.id), false, 'a 沪 plate does not');

  const csv = await t.api('GET', `/api/v1/tickets/export?format=csv&columns=number,fields.plate&q=${encodeURIComponent('京牌车抛锚')}`, { as: await t.user('supervisor') });
  assert.equal(csv.statusCode, 200, csv.body);
  assert.match(csv.body, new RegExp(`${local.number},京A·12345`), 'the export writes the value through the row\'s display');
});

test('export cells and value labels of a registered type go through its row: its `display` when it has one, else the stored value as text', () => {
  const types = new FieldTypes();
  // A row that shows plates as they are painted (the separator dot after the office letter).
  types.register({ ...licensePlate, display: (value, language) => (language === 'zh-CN' ? `${String(value).slice(0, 2)}·${String(value).slice(2)}` : String(value)) });
  const field = { type: 'license_plate', settings: {} };
  assert.equal(cellOfValue(field, '京A12345', 'zh-CN', {}, types), '京A·12345');
  assert.equal(registeredValueText('license_plate', '京A12345', 'en', types), '京A12345');
  assert.equal(cellOfValue(field, '京A12345', 'zh-CN'), '京A12345', 'without the app\'s types: the stored value');
  assert.equal(cellOfValue({ type: 'fleet', settings: {} }, ['京A12345', '沪B67890'], 'zh-CN', {}, types), '京A12345、沪B67890', 'a row without display: a list joined as text');
  assert.equal(cellOfValue({ type: 'money', settings: {} }, '12.50', 'zh-CN', {}, types), 12.5, 'built-in types keep their own cells');
});
