import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { assertProblem, createTestApp, type ApiResponse, type TestApp } from '../../app/test-app.js';
import { complaintFields, complaintForm, complaintType } from '../forms/test-environmental-complaint.js';
import { multipartBody } from './test-multipart.js';

/** Customers choose a ticket type and fill its portal form; the server judges it as the customer's form. */
let t: TestApp;
let ip = 0;
before(async () => {
  t = await createTestApp();
  for (const field of complaintFields) assert.equal((await t.api('POST', '/api/v1/ticket-fields', { body: field })).statusCode, 201);
  assert.equal((await t.api('POST', '/api/v1/ticket-fields', { body: { key: 'inspector_note', label: { 'zh-CN': '稽查备注' }, type: 'text' } })).statusCode, 201);
  const staffForm = { ...complaintForm, sections: [{ ...complaintForm.sections[0]!, fields: [...complaintForm.sections[0]!.fields, { key: 'inspector_note' }] }] };
  assert.equal((await t.api('POST', '/api/v1/ticket-types', { body: { ...complaintType, form: staffForm } })).statusCode, 201);
  assert.equal((await t.api('POST', '/api/v1/ticket-types', { body: { key: 'internal', label: { 'zh-CN': '内部工单' }, form: { sections: [] } } })).statusCode, 201);
});
after(() => t.close());

const submit = (body: Record<string, unknown>) => t.api('POST', '/api/v1/portal/forms/tickets', { as: null, body: { name: '周先生', phone: '13900139000', description: '工厂夜间排放废水', ...body }, remoteAddress: `198.51.100.${++ip}` });
const nanshan = ['44', '4403', '440305'];

function fieldIssue(res: ApiResponse, path: string, code: string) {
  const problem = assertProblem(res, 400, 'validation.failed');
  assert.ok(problem.errors?.some((e) => e.path === path && e.code === code), `${code} at ${path}: ${res.body}`);
}

describe('the portal form of a ticket type', () => {
  test('only types with a portal form are offered; the form holds only customer-visible fields and their rules', async () => {
    const types = await t.api('GET', '/api/v1/portal/ticket-types', { as: null });
    assert.equal(types.statusCode, 200, types.body);
    assert.deepEqual(types.data.items.map((i: { key: string }) => i.key), ['env_complaint']);
    const form = await t.api('GET', '/api/v1/portal/ticket-types/env_complaint/form', { as: null });
    assert.equal(form.statusCode, 200, form.body);
    assert.deepEqual(form.data.fields.map((f: { key: string }) => f.key), ['pollution_type', 'location', 'needs_survey', 'survey_at']);
    assert.deepEqual(form.data.form.sections, [], 'the staff sections stay unseen');
    assert.equal(form.data.form.rules.length, 1);
    assert.equal((await t.api('GET', '/api/v1/portal/ticket-types/env_complaint/form', { as: null, headers: { 'if-none-match': String(form.headers.etag) } })).statusCode, 304);
    assertProblem(await t.api('GET', '/api/v1/portal/ticket-types/internal/form', { as: null }), 404, 'forms.type.not_on_portal');
  });

  test('a customer\'s submission is judged as the customer\'s form: the required-when rule holds, staff fields are refused', async () => {
    fieldIssue(await submit({ type: 'env_complaint', fields: { pollution_type: 'water', location: nanshan, needs_survey: true } }), 'fields.survey_at', 'form.required');
    fieldIssue(await submit({ type: 'env_complaint', fields: { pollution_type: 'water', inspector_note: '我来写' } }), 'fields.inspector_note', 'form.unknown_field');
    fieldIssue(await submit({ type: 'internal' }), 'type', 'forms.type.not_on_portal');
    fieldIssue(await submit({ fields: { pollution_type: 'water' } }), 'fields.pollution_type', 'form.unknown_field');

    const ok = await submit({ type: 'env_complaint', fields: { pollution_type: 'water', location: nanshan, needs_survey: true, survey_at: '2026-12-10T14:00:00+08:00' } });
    assert.equal(ok.statusCode, 201, ok.body);
    const ticket = await t.api('GET', `/api/v1/tickets/${ok.data.number}`);
    assert.equal(ticket.data.type.key, 'env_complaint');
    assert.equal(ticket.data.channel, 'web');
    assert.deepEqual(ticket.data.fields, { pollution_type: 'water', location: nanshan, needs_survey: true, survey_at: '2026-12-10T06:00:00.000Z' });
  });

  test('a multipart submission carries the values as one JSON field', async () => {
    const { payload, headers } = multipartBody({ name: '钱女士', email: 'qian@example.test', description: '噪音', type: 'env_complaint', fields: JSON.stringify({ pollution_type: 'noise' }) }, []);
    const res = await t.server.inject({ method: 'POST', url: '/api/v1/portal/forms/tickets', payload, headers, remoteAddress: '198.51.100.200' });
    assert.equal(res.statusCode, 201, res.body);
    const bad = multipartBody({ name: '钱女士', email: 'qian@example.test', description: '噪音', type: 'env_complaint', fields: '{not json' }, []);
    const refused = await t.server.inject({ method: 'POST', url: '/api/v1/portal/forms/tickets', payload: bad.payload, headers: bad.headers, remoteAddress: '198.51.100.201' });
    assert.equal(refused.statusCode, 400, refused.body);
    assert.equal(refused.json().errors[0].path, 'fields');
  });
});
