import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { assertProblem, createTestApp, type ApiResponse, type TestApp } from '../../app/test-app.js';
import { slaPolicies, slaTicketTimers } from './schema.js';

/**
 * SLA policy conditions over the field registry: custom fields (`fields.<key>`) and built-in ones
 * with the condition language's operators, validated against the registry, chosen on create and
 * chosen again when a custom value changes; a policy stored in the old shape keeps its meaning.
 */
let t: TestApp;
let categories: { hardware: string; printers: string };
before(async () => {
  t = await createTestApp();
  const fields = [
    { key: 'urgency', label: { 'zh-CN': '紧急程度', en: 'Urgency' }, type: 'select', filterable: true, options: ['high', 'medium', 'low'].map((value, i) => ({ value, label: { 'zh-CN': ['高', '中', '低'][i]!, en: value } })) },
    { key: 'products', label: { 'zh-CN': '产品', en: 'Products' }, type: 'multiselect', filterable: true, options: ['printer', 'scanner'].map((value) => ({ value, label: { 'zh-CN': value, en: value } })) },
    { key: 'model', label: { 'zh-CN': '产品线', en: 'Product line' }, type: 'cascader', filterable: true, options: [{ value: 'printers', label: { 'zh-CN': '打印机', en: 'Printers' }, children: [{ value: 'p100', label: { 'zh-CN': 'P100', en: 'P100' } }] }] },
    { key: 'onsite', label: { 'zh-CN': '上门服务', en: 'On site' }, type: 'checkbox', filterable: true },
    { key: 'units', label: { 'zh-CN': '台数', en: 'Units' }, type: 'number', filterable: true },
    { key: 'notes', label: { 'zh-CN': '备注', en: 'Notes' }, type: 'text' },
  ];
  for (const field of fields) {
    const res = await t.api('POST', '/api/v1/ticket-fields', { body: field });
    assert.equal(res.statusCode, 201, res.body);
  }
  const form = { sections: [{ key: 'main', label: { 'zh-CN': '投诉', en: 'Complaint' }, fields: fields.map(({ key }) => ({ key })) }] };
  const type = await t.api('POST', '/api/v1/ticket-types', { body: { key: 'complaint', label: { 'zh-CN': '投诉', en: 'Complaint' }, form } });
  assert.equal(type.statusCode, 201, type.body);
  const hardware = await t.api('POST', '/api/v1/categories', { body: { nameZh: '硬件', nameEn: 'Hardware' } });
  assert.equal(hardware.statusCode, 201, hardware.body);
  const printers = await t.api('POST', '/api/v1/categories', { body: { nameZh: '打印机', nameEn: 'Printers', parentId: hardware.json().id } });
  assert.equal(printers.statusCode, 201, printers.body);
  categories = { hardware: hardware.json().id, printers: printers.json().id };
});
after(() => t.close());

const targets = { urgent: { resolutionMinutes: 60 }, high: { resolutionMinutes: 60 }, normal: { resolutionMinutes: 60 }, low: { resolutionMinutes: 60 } };

async function createPolicy(nameZh: string, all: unknown[]): Promise<string> {
  const res = await t.api('POST', '/api/v1/sla/policies', { body: { nameZh, position: 0, conditions: { all }, targets } });
  assert.equal(res.statusCode, 201, res.body);
  return res.json().id;
}

/** The policy the ticket's timers count under (null: no SLA). */
async function policyOf(ticketId: string): Promise<string | null> {
  await t.drain();
  const [row] = await t.database.db.select({ policyId: slaTicketTimers.policyId }).from(slaTicketTimers).where(eq(slaTicketTimers.ticketId, ticketId));
  return row?.policyId ?? null;
}

function errorAt(res: ApiResponse, path: string, code: string): void {
  const problem = assertProblem(res, 400, 'validation.failed');
  const error = problem.errors?.find((e) => e.path === path);
  assert.ok(error, `expected an error at ${path}: ${res.body}`);
  assert.equal(error.code, code, res.body);
  assert.notEqual(error.message, code, 'the message is in the catalogue');
}

test('the condition fields endpoint lists the registry\'s filterable fields with labels, operators and options, and the customer facts', async () => {
  const res = await t.api('GET', '/api/v1/sla/condition-fields');
  assert.equal(res.statusCode, 200, res.body);
  const byKey = new Map((res.json().items as Array<{ key: string; label: { 'zh-CN': string }; type: string; operators: string[]; options?: Array<{ value: string; label: { 'zh-CN': string } }> }>).map((f) => [f.key, f]));
  const urgency = byKey.get('fields.urgency');
  assert.ok(urgency, res.body);
  assert.equal(urgency.label['zh-CN'], '紧急程度');
  assert.deepEqual(urgency.options?.map((o) => o.label['zh-CN']), ['高', '中', '低']);
  assert.ok(urgency.operators.includes('in') && !urgency.operators.includes('changed'), 'no change operators: a policy judges the present');
  assert.deepEqual(byKey.get('fields.model')?.options?.map((o) => o.label['zh-CN']), ['打印机', '打印机 / P100'], 'a cascader\'s options at every level, with their path');
  assert.equal(byKey.get('fields.units')?.type, 'number');
  assert.equal(byKey.has('fields.notes'), false, 'not filterable: not offered');
  assert.deepEqual(byKey.get('type')?.options?.map((o) => o.value), ['complaint']);
  for (const key of ['priority', 'categoryId', 'channel', 'team', 'assignee', 'tags', 'created', 'customerTier', 'organizationId', 'contractType']) assert.ok(byKey.has(key), key);
  for (const key of ['status', 'sla_due', 'updated']) assert.equal(byKey.has(key), false, key);
  assertProblem(await t.api('GET', '/api/v1/sla/condition-fields', { as: await t.user('agent') }), 403, 'auth.forbidden');
});

test('conditions are validated against the registry: fields, operators by type, option values and value counts, each at its path', async () => {
  const post = (all: unknown[]) => t.api('POST', '/api/v1/sla/policies', { body: { nameZh: '坏条件', conditions: { all }, targets } });
  errorAt(await post([{ field: 'fields.urgency', op: 'in', values: ['high', 'urgentest'] }]), 'conditions.all.0.values.1', 'condition.unknown_option');
  errorAt(await post([{ field: 'fields.ghost', op: 'in', values: ['x'] }]), 'conditions.all.0.field', 'condition.unknown_field');
  errorAt(await post([{ field: 'fields.notes', op: 'contains', values: ['x'] }]), 'conditions.all.0.field', 'sla.policy.field_not_filterable');
  errorAt(await post([{ field: 'fields.onsite', op: 'in', values: [true] }]), 'conditions.all.0.op', 'condition.operator_not_allowed');
  errorAt(await post([{ field: 'fields.onsite', op: 'is', values: ['yes'] }]), 'conditions.all.0.values.0', 'condition.expected_boolean');
  errorAt(await post([{ field: 'fields.units', op: 'gt', values: [1, 2] }]), 'conditions.all.0.values', 'sla.policy.one_value');
  errorAt(await post([{ field: 'fields.units', op: 'between', values: [5, 'many'] }]), 'conditions.all.0.values.1', 'condition.expected_number');
  errorAt(await post([{ field: 'fields.units', op: 'is_empty', values: [1] }]), 'conditions.all.0.values', 'condition.value_not_allowed');
  errorAt(await post([{ field: 'fields.model', op: 'in', values: ['p100', 'p999'] }]), 'conditions.all.0.values.1', 'condition.unknown_option');
  errorAt(await post([{ field: 'type', op: 'is', values: ['nosuchtype'] }]), 'conditions.all.0.values.0', 'condition.unknown_option');
  errorAt(await post([{ field: 'status', op: 'in', values: ['open'] }]), 'conditions.all.0.field', 'condition.unknown_field');
  errorAt(await post([{ field: 'priority', op: 'in', values: ['high', 'p0'] }]), 'conditions.all.0.values.1', 'sla.policy.unknown_priority');
  errorAt(await post([{ field: 'team', op: 'is', values: ['not-a-uuid'] }]), 'conditions.all.0.values.0', 'condition.expected_id');
  const good = await t.api('POST', '/api/v1/sla/policies', { body: { nameZh: '好条件', active: false, targets, conditions: { all: [
    { field: 'fields.products', op: 'contains', values: ['printer'] },
    { field: 'fields.model', op: 'in', values: ['printers'] },
    { field: 'fields.onsite', op: 'is', values: [true] },
    { field: 'fields.units', op: 'between', values: [2, 10] },
    { field: 'tags', op: 'in', values: ['vip'] },
    { field: 'organizationId', op: 'is_empty', values: [] },
  ] } } });
  assert.equal(good.statusCode, 201, good.body);
  assert.equal(good.json().conditions.all[3].op, 'between');
  assert.equal((await t.api('DELETE', `/api/v1/sla/policies/${good.json().id}`)).statusCode, 204);
});

test('a ticket of type 投诉 with 紧急程度 = 高 gets the policy conditioned on them; changing 紧急程度 chooses again', async () => {
  const urgentComplaints = await createPolicy('紧急投诉', [{ field: 'type', op: 'is', values: ['complaint'] }, { field: 'fields.urgency', op: 'in', values: ['high'] }]);
  const bigOrders = await createPolicy('多台上门', [{ field: 'fields.units', op: 'gte', values: [5] }, { field: 'fields.onsite', op: 'is', values: [true] }]);
  const high = await t.createTicket<{ id: string; version: number }>({ subject: '打印机漏墨', type: 'complaint', fields: { urgency: 'high' } });
  assert.equal(await policyOf(high.id), urgentComplaints);
  const low = await t.createTicket<{ id: string }>({ subject: '打印机有异响', type: 'complaint', fields: { urgency: 'low' } });
  assert.notEqual(await policyOf(low.id), urgentComplaints, 'urgency low: not that policy');
  const untyped = await t.createTicket<{ id: string }>({ subject: '普通咨询', fields: {} });
  assert.notEqual(await policyOf(untyped.id), urgentComplaints, 'no type: not that policy');

  const patch = async (id: string, body: Record<string, unknown>) => {
    const current = (await t.api('GET', `/api/v1/tickets/${id}`)).json();
    const res = await t.api('PATCH', `/api/v1/tickets/${id}`, { body, ifMatch: current.version });
    assert.equal(res.statusCode, 200, res.body);
  };
  await patch(high.id, { fields: { urgency: 'medium' } });
  assert.notEqual(await policyOf(high.id), urgentComplaints, 'a custom value change chooses the policy again');
  await patch(high.id, { fields: { units: 8, onsite: true } });
  assert.equal(await policyOf(high.id), bigOrders, 'number and checkbox conditions');
  await patch(high.id, { fields: { urgency: 'high' } });
  assert.equal(await policyOf(high.id), bigOrders, 'both match: the first by position (the later created, inserted at 0) wins');
  await patch(high.id, { fields: { onsite: false } });
  assert.equal(await policyOf(high.id), urgentComplaints);
  for (const id of [urgentComplaints, bigOrders]) assert.equal((await t.api('DELETE', `/api/v1/sla/policies/${id}`)).statusCode, 204);
});

test('a policy stored in the old shape (in / not_in over categoryId, priority) reads, saves and chooses as before', async () => {
  const id = uuidv7();
  const conditions = { all: [{ field: 'categoryId', op: 'in', values: [categories.hardware] }, { field: 'priority', op: 'not_in', values: ['low'] }] } as const;
  // Written as the SLA module wrote policies before conditions read the registry.
  await t.database.transaction(async (tx) => {
    await tx.execute(sql`update sla_policies set position = position + 1`);
    await tx.insert(slaPolicies).values({ id, nameZh: '硬件（旧）', nameEn: 'Hardware (old)', position: 0, active: true, conditions: { all: conditions.all.map((c) => ({ ...c, values: [...c.values] })) }, targets, calendarId: null, pauseStatuses: ['pending'], warningPercent: null, escalation: [] });
  });
  const read = await t.api('GET', `/api/v1/sla/policies/${id}`);
  assert.equal(read.statusCode, 200, read.body);
  assert.deepEqual(read.json().conditions, conditions);
  const resaved = await t.api('PATCH', `/api/v1/sla/policies/${id}`, { body: { nameEn: 'Hardware', conditions: read.json().conditions }, ifMatch: `"${read.json().version}"` });
  assert.equal(resaved.statusCode, 200, resaved.body);

  const printer = await t.createTicket<{ id: string }>({ subject: '打印机卡纸', categoryId: categories.printers, priority: 'high' });
  assert.equal(await policyOf(printer.id), id, 'a category counts with its ancestors');
  const lowPrinter = await t.createTicket<{ id: string }>({ subject: '打印机卡纸', categoryId: categories.printers, priority: 'low' });
  assert.notEqual(await policyOf(lowPrinter.id), id, 'not_in still excludes');
  const uncategorised = await t.createTicket<{ id: string }>({ subject: '无分类', priority: 'high' });
  assert.notEqual(await policyOf(uncategorised.id), id);
  assert.equal((await t.api('DELETE', `/api/v1/sla/policies/${id}`)).statusCode, 204);
});
