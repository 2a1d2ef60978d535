import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { assertProblem, createTestApp, type ApiResponse, type TestApp, type TestUser } from '../../app/test-app.js';

/**
 * Custom fields on contacts and organisations (issue 14 §3, §7): the same engine as ticket fields
 * judges every write (stored forms, 400 at fields.<key>), read roles hide values, merges keep the
 * survivor's values and take the rest, history names each change, erasure clears them.
 */
let t: TestApp;
let supervisor: TestUser;
let agent: TestUser;
before(async () => {
  t = await createTestApp();
  supervisor = await t.user('supervisor', { name: '主管 周' });
  agent = await t.user('agent');
  const option = (value: string, zh: string, children?: unknown[]) => ({ value, label: { 'zh-CN': zh, en: '' }, ...(children && { children }) });
  const fields = [
    { key: 'industry', label: { 'zh-CN': '客户行业', en: 'Industry' }, type: 'select', filterable: true, options: [option('manufacturing', '制造业'), option('retail', '零售'), option('energy', '能源')] },
    { key: 'annual_budget', label: { 'zh-CN': '年度预算', en: 'Annual budget' }, type: 'money' },
    { key: 'backup_phone', label: { 'zh-CN': '备用电话', en: 'Backup phone' }, type: 'phone' },
    { key: 'product', label: { 'zh-CN': '产品线', en: 'Product' }, type: 'cascader', filterable: true, options: [option('printer', '打印机', [option('p100', 'P100'), option('p200', 'P200')])] },
    { key: 'credit_note', label: { 'zh-CN': '信用备注', en: 'Credit note' }, type: 'text', readRoles: ['admin', 'supervisor'], writeRoles: ['admin'] },
  ];
  for (const field of fields) assert.equal((await t.api('POST', '/api/v1/contact-fields', { body: field })).statusCode, 201);
  const orgField = { key: 'source', label: { 'zh-CN': '客户来源', en: 'Source' }, type: 'select', options: [option('expo', '展会'), option('referral', '转介绍')] };
  assert.equal((await t.api('POST', '/api/v1/organisation-fields', { body: orgField })).statusCode, 201);
});
after(() => t.close());

type Contact = { id: string; version: number; fields: Record<string, unknown> };
type HistoryEntry = { type: string; payload: Record<string, unknown> };

function ok<T>(res: ApiResponse, status = 200): T {
  assert.equal(res.statusCode, status, res.body);
  return res.data as T;
}

function fieldError(res: ApiResponse, path: string, code?: string) {
  const problem = assertProblem(res, 400, 'validation.failed');
  const error = problem.errors?.find((e) => e.path === path);
  assert.ok(error, `an error at ${path}: ${res.body}`);
  if (code) assert.equal(error.code, code, res.body);
}

const newContact = async (name: string, fields?: Record<string, unknown>) => ok<Contact>(await t.api('POST', '/api/v1/contacts', { body: { name, ...(fields && { fields }) } }), 201);
const history = async (id: string, as?: TestUser) => ok<{ items: HistoryEntry[] }>(await t.api('GET', `/api/v1/contacts/${id}/history`, { ...(as && { as }) })).items;

describe('contact custom fields', () => {
  test('a create stores each value in the engine\'s one form: money with two decimals, phones E.164, cascader paths, selects by option', async () => {
    const contact = await newContact('林芳', { industry: 'manufacturing', annual_budget: '1280.5', backup_phone: '138 0013 8000', product: ['printer', 'p200'] });
    assert.deepEqual(contact.fields, { industry: 'manufacturing', annual_budget: '1280.50', backup_phone: '+8613800138000', product: ['printer', 'p200'] });
    const read = ok<Contact>(await t.api('GET', `/api/v1/contacts/${contact.id}`));
    assert.deepEqual(read.fields, contact.fields);
    const view = ok<{ contact: Contact }>(await t.api('GET', `/api/v1/contacts/${contact.id}/360`));
    assert.deepEqual(view.contact.fields, contact.fields, 'the customer 360 shows them');
  });

  test('a bad value, an unknown key and a field the role may not write are 400s at fields.<key>; nothing is written', async () => {
    fieldError(await t.api('POST', '/api/v1/contacts', { body: { name: '坏值', fields: { industry: 'farming' } } }), 'fields.industry');
    fieldError(await t.api('POST', '/api/v1/contacts', { body: { name: '坏值', fields: { annual_budget: '12.345' } } }), 'fields.annual_budget');
    fieldError(await t.api('POST', '/api/v1/contacts', { body: { name: '坏值', fields: { backup_phone: '12' } } }), 'fields.backup_phone');
    fieldError(await t.api('POST', '/api/v1/contacts', { body: { name: '坏值', fields: { product: ['printer', 'p999'] } } }), 'fields.product');
    fieldError(await t.api('POST', '/api/v1/contacts', { body: { name: '坏值', fields: { colour: 'red' } } }), 'fields.colour', 'form.unknown_field');
    fieldError(await t.api('POST', '/api/v1/contacts', { body: { name: '坏值', fields: { credit_note: '月结' } }, as: supervisor }), 'fields.credit_note', 'form.not_writable');
    const listed = ok<{ items: Array<{ name: string }> }>(await t.api('GET', '/api/v1/contacts', { query: { q: '坏值' } }));
    assert.equal(listed.items.length, 0, 'no refused contact was stored');

    const contact = await newContact('王强', { industry: 'retail' });
    fieldError(await t.api('PATCH', `/api/v1/contacts/${contact.id}`, { body: { name: '王强强', fields: { industry: 'farming' } } }), 'fields.industry');
    const after = ok<Contact & { name: string }>(await t.api('GET', `/api/v1/contacts/${contact.id}`));
    assert.equal(after.name, '王强', 'the refused update changed nothing');
    assert.equal(after.version, contact.version);
  });

  test('an update changes only the keys sent, null clears one, and the history reads each change by key', async () => {
    const contact = await newContact('赵敏', { industry: 'manufacturing', annual_budget: '500' });
    const updated = ok<Contact>(await t.api('PATCH', `/api/v1/contacts/${contact.id}`, { body: { fields: { industry: 'retail', annual_budget: null } }, ifMatch: contact.version }));
    assert.deepEqual(updated.fields, { industry: 'retail' });
    assert.equal(updated.version, contact.version + 1);
    const same = ok<Contact>(await t.api('PATCH', `/api/v1/contacts/${contact.id}`, { body: { fields: { industry: 'retail' } } }));
    assert.equal(same.version, updated.version, 'an unchanged value is no change');

    const change = (await history(contact.id)).find((e) => e.type === 'contact.updated');
    assert.ok(change, 'the change is on the record');
    assert.deepEqual(change.payload.from, { 'fields.industry': 'manufacturing', 'fields.annual_budget': '500.00' });
    assert.deepEqual(change.payload.to, { 'fields.industry': 'retail', 'fields.annual_budget': null });
    const creation = (await history(contact.id)).find((e) => e.type === 'contact.created');
    assert.deepEqual(creation?.payload.fields, { 'fields.industry': 'manufacturing', 'fields.annual_budget': '500.00' });
  });

  test('a deleted option keeps its value on contacts that hold it, and is refused as a new value', async () => {
    const contact = await newContact('孙立', { industry: 'energy' });
    const field = ok<{ version: number; options: unknown[] }>(await t.api('GET', '/api/v1/contact-fields/industry'));
    const kept = (field.options as Array<{ value: string }>).filter((o) => o.value !== 'energy');
    ok(await t.api('PATCH', '/api/v1/contact-fields/industry', { body: { options: kept }, ifMatch: field.version }));
    const other = ok<Contact>(await t.api('PATCH', `/api/v1/contacts/${contact.id}`, { body: { fields: { industry: 'energy', annual_budget: '10' } } }));
    assert.deepEqual(other.fields, { industry: 'energy', annual_budget: '10.00' }, 'the old option stays; other values change');
    fieldError(await t.api('POST', '/api/v1/contacts', { body: { name: '新客户', fields: { industry: 'energy' } } }), 'fields.industry');
  });

  test('read roles: an agent does not see a field kept for supervisors, in the contact, the 360 view or the history', async () => {
    const contact = await newContact('钱多多', { industry: 'retail', credit_note: '月结 60 天' });
    assert.equal(contact.fields.credit_note, '月结 60 天');
    const asAgent = ok<Contact>(await t.api('GET', `/api/v1/contacts/${contact.id}`, { as: agent }));
    assert.deepEqual(asAgent.fields, { industry: 'retail' });
    const view = ok<{ contact: Contact }>(await t.api('GET', `/api/v1/contacts/${contact.id}/360`, { as: agent }));
    assert.deepEqual(view.contact.fields, { industry: 'retail' });
    const asSupervisor = ok<Contact>(await t.api('GET', `/api/v1/contacts/${contact.id}`, { as: supervisor }));
    assert.equal(asSupervisor.fields.credit_note, '月结 60 天');
    const created = (await history(contact.id, agent)).find((e) => e.type === 'contact.created');
    assert.deepEqual(created?.payload.fields, { 'fields.industry': 'retail' });
    // A supervisor may read it but not write it; an update of another field leaves it alone.
    const updated = ok<Contact>(await t.api('PATCH', `/api/v1/contacts/${contact.id}`, { body: { fields: { industry: 'manufacturing' } }, as: supervisor }));
    assert.deepEqual(updated.fields, { industry: 'manufacturing', credit_note: '月结 60 天' });
  });

  test('merge: the survivor keeps its values and takes the merged contact\'s where it has none, and says which', async () => {
    const source = await newContact('李雷（旧）', { industry: 'manufacturing', annual_budget: '99', backup_phone: '13900139000', credit_note: '预付' });
    const target = await newContact('李雷', { industry: 'retail' });
    const result = ok<{ survivor: Contact; fieldsTaken: string[] }>(await t.api('POST', '/api/v1/contacts/merge', { body: { sourceId: source.id, targetId: target.id }, as: supervisor }));
    assert.deepEqual(result.survivor.fields, { industry: 'retail', annual_budget: '99.00', backup_phone: '+8613900139000', credit_note: '预付' });
    assert.deepEqual(result.fieldsTaken.sort(), ['annual_budget', 'backup_phone', 'credit_note']);
    const absorbed = (await history(target.id)).find((e) => e.type === 'contact.absorbed');
    assert.deepEqual((absorbed?.payload.fieldsTaken as string[]).sort(), ['annual_budget', 'backup_phone', 'credit_note']);
    const seenByAgent = (await history(target.id, agent)).find((e) => e.type === 'contact.absorbed');
    assert.deepEqual((seenByAgent?.payload.fieldsTaken as string[]).sort(), ['annual_budget', 'backup_phone'], 'an agent is not told of a field it may not read');
  });

  test('a field some contact holds a value of is not deleted (409 with the count) until archived; an archived field takes no new values', async () => {
    const contact = await newContact('周杰', { backup_phone: '13700137000' });
    ok(await t.api('POST', '/api/v1/contact-fields', { body: { key: 'unused', label: { 'zh-CN': '未用字段' }, type: 'text' } }), 201);
    assert.equal((await t.api('DELETE', '/api/v1/contact-fields/unused')).statusCode, 204, 'a field nobody holds a value of is deleted');
    const refused = assertProblem(await t.api('DELETE', '/api/v1/contact-fields/backup_phone'), 409, 'forms.field.has_values');
    // 林芳, 李雷 (and the merged-away 李雷（旧）, whose history shows it) and 周杰 hold one.
    assert.match(String(refused.title), /4/);
    ok(await t.api('DELETE', '/api/v1/contact-fields/backup_phone', { query: { archive: 'true' } }));
    fieldError(await t.api('PATCH', `/api/v1/contacts/${contact.id}`, { body: { fields: { backup_phone: '13700137001' } } }), 'fields.backup_phone', 'form.field_archived');
    assert.equal(ok<Contact>(await t.api('GET', `/api/v1/contacts/${contact.id}`)).fields.backup_phone, '+8613700137000', 'its value is kept and shown');
  });

  test('erasure (PIPL) clears the values; the personal-data export carries every value', async () => {
    const contact = await newContact('待删除', { industry: 'retail', credit_note: '仅主管可见' });
    const exported = ok<{ contact: Contact }>(await t.api('GET', `/api/v1/contacts/${contact.id}/export`));
    assert.deepEqual(exported.contact.fields, { industry: 'retail', credit_note: '仅主管可见' });
    const erased = ok<Contact>(await t.api('POST', `/api/v1/contacts/${contact.id}/anonymize`));
    assert.deepEqual(erased.fields, {});
  });
});

describe('the contact list filters by filterable choice fields', () => {
  type Page = { items: Array<{ name: string }> };
  const names = async (query: Record<string, string>, as?: TestUser) => ok<Page>(await t.api('GET', '/api/v1/contacts', { query: { tag: '筛选测试', sort: 'name', ...query }, as: as ?? agent })).items.map((c) => c.name).sort();

  before(async () => {
    const tagged = async (name: string, fields: Record<string, unknown>) => ok(await t.api('POST', '/api/v1/contacts', { body: { name, tags: ['筛选测试'], fields } }), 201);
    await tagged('筛选 甲', { industry: 'retail', product: ['printer', 'p100'] });
    await tagged('筛选 乙', { industry: 'manufacturing', product: ['printer', 'p200'] });
    await tagged('筛选 丙', { industry: 'retail' });
    await tagged('筛选 丁', {});
  });

  test('fields.<key>=a,b keeps contacts holding one of the values; a cascader matches at any level', async () => {
    assert.deepEqual(await names({ 'fields.industry': 'retail' }), ['筛选 丙', '筛选 甲']);
    assert.deepEqual(await names({ 'fields.industry': 'retail,manufacturing' }), ['筛选 丙', '筛选 乙', '筛选 甲']);
    assert.deepEqual(await names({ 'fields.product': 'printer' }), ['筛选 乙', '筛选 甲']);
    assert.deepEqual(await names({ 'fields.product': 'p200', 'fields.industry': 'manufacturing' }), ['筛选 乙']);
    assert.deepEqual(await names({ 'fields.industry': 'retail', q: '丙' }), ['筛选 丙'], 'with a search text too');
  });

  test('a field that is not a filterable choice, or an unknown parameter, is a 400 naming it', async () => {
    fieldError(await t.api('GET', '/api/v1/contacts', { query: { 'fields.annual_budget': '10' }, as: agent }), 'fields.annual_budget', 'contact.field_not_filterable');
    fieldError(await t.api('GET', '/api/v1/contacts', { query: { 'fields.nothing': 'x' }, as: agent }), 'fields.nothing', 'contact.field_not_filterable');
    fieldError(await t.api('GET', '/api/v1/contacts', { query: { colour: 'red' }, as: agent }), 'colour', 'validation.unrecognized_keys');
    // Filtering by a field one may not read would reveal its values.
    const secret = { key: 'risk_level', label: { 'zh-CN': '风险等级' }, type: 'select', filterable: true, readRoles: ['admin', 'supervisor'], options: [{ value: 'high', label: { 'zh-CN': '高' } }] };
    ok(await t.api('POST', '/api/v1/contact-fields', { body: secret }), 201);
    fieldError(await t.api('GET', '/api/v1/contacts', { query: { 'fields.risk_level': 'high' }, as: agent }), 'fields.risk_level', 'contact.field_not_filterable');
    assert.deepEqual(await names({ 'fields.risk_level': 'high' }, supervisor), []);
  });
});

describe('organisation custom fields', () => {
  test('create, update, read and refuse at fields.<key>, with the change in the history', async () => {
    const org = ok<{ id: string; version: number; fields: Record<string, unknown> }>(await t.api('POST', '/api/v1/organizations', { body: { name: '华南制造有限公司', fields: { source: 'expo' } } }), 201);
    assert.deepEqual(org.fields, { source: 'expo' });
    fieldError(await t.api('POST', '/api/v1/organizations', { body: { name: '坏来源', fields: { source: 'tv' } } }), 'fields.source');
    fieldError(await t.api('PATCH', `/api/v1/organizations/${org.id}`, { body: { fields: { industry: 'retail' } } }), 'fields.industry', 'form.unknown_field');
    const updated = ok<{ fields: Record<string, unknown> }>(await t.api('PATCH', `/api/v1/organizations/${org.id}`, { body: { fields: { source: 'referral' } }, ifMatch: org.version }));
    assert.deepEqual(updated.fields, { source: 'referral' });
    const listed = ok<{ items: Array<{ id: string; fields: Record<string, unknown> }> }>(await t.api('GET', '/api/v1/organizations', { query: { q: '华南制造' }, as: agent }));
    assert.deepEqual(listed.items.find((o) => o.id === org.id)?.fields, { source: 'referral' });
    const view = ok<{ organization: { fields: Record<string, unknown> } }>(await t.api('GET', `/api/v1/organizations/${org.id}/360`, { as: agent }));
    assert.deepEqual(view.organization.fields, { source: 'referral' });
    const change = ok<{ items: HistoryEntry[] }>(await t.api('GET', `/api/v1/organizations/${org.id}/history`)).items.find((e) => e.type === 'organization.updated');
    assert.deepEqual(change?.payload, { from: { 'fields.source': 'expo' }, to: { 'fields.source': 'referral' } });
  });

  test('merge: the survivor takes the merged organisation\'s values where it has none', async () => {
    const source = ok<{ id: string }>(await t.api('POST', '/api/v1/organizations', { body: { name: '旧公司', fields: { source: 'referral' } } }), 201);
    const target = ok<{ id: string }>(await t.api('POST', '/api/v1/organizations', { body: { name: '新公司' } }), 201);
    const result = ok<{ survivor: { fields: Record<string, unknown> }; fieldsTaken: string[] }>(await t.api('POST', '/api/v1/organizations/merge', { body: { sourceId: source.id, targetId: target.id } }));
    assert.deepEqual(result.survivor.fields, { source: 'referral' });
    assert.deepEqual(result.fieldsTaken, ['source']);
  });
});
