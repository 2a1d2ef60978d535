import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { assertProblem, createTestApp, type ApiResponse, type TestApp, type TestUser } from '../../app/test-app.js';
import { complaintFields, complaintForm, complaintType } from './test-environmental-complaint.js';

/** Ticket types: created by a supervisor, forms published as immutable versions, checked against the registry; the form endpoint's ETag. */
let t: TestApp;
let supervisor: TestUser;
before(async () => {
  t = await createTestApp();
  supervisor = await t.user('supervisor');
  for (const field of complaintFields) assert.equal((await t.api('POST', '/api/v1/ticket-fields', { as: supervisor, body: field })).statusCode, 201);
});
after(() => t.close());

function issueAt(res: ApiResponse, path: string, code: string) {
  const problem = assertProblem(res, 400, 'validation.failed');
  assert.ok(problem.errors?.some((e) => e.path === path && e.code === code), `${code} at ${path}: ${res.body}`);
}

describe('ticket types', () => {
  test('a supervisor creates 环保投诉 with its form: version 1 is published at once', async () => {
    const res = await t.api('POST', '/api/v1/ticket-types', { as: supervisor, body: { ...complaintType, defaultPriority: 'high', form: complaintForm } });
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.data.currentVersion, 1);
    assert.equal(res.data.defaultPriority, 'high');
    const listed = await t.api('GET', '/api/v1/ticket-types', { as: await t.user('field_engineer') });
    assert.deepEqual(listed.data.items.map((x: { key: string }) => x.key), ['env_complaint']);
    const form = await t.api('GET', '/api/v1/ticket-types/env_complaint/form');
    assert.equal(form.statusCode, 200, form.body);
    assert.deepEqual(form.data.type, { key: 'env_complaint', label: complaintType.label, version: 1 });
    assert.deepEqual(form.data.fields.map((f: { key: string }) => f.key), ['pollution_type', 'location', 'needs_survey', 'survey_at']);
    assert.equal(form.data.form.rules[0].id, 'survey_time_when_needed');
  });

  test('a form is checked against the registry; every problem names its path and nothing is published', async () => {
    const publish = (form: unknown) => t.api('POST', '/api/v1/ticket-types/env_complaint/versions', { as: supervisor, body: { form } });
    const section = (fields: unknown[]) => ({ ...complaintForm, sections: [{ ...complaintForm.sections[0], fields }] });
    issueAt(await publish(section([{ key: 'no_such_field' }])), 'form.sections.0.fields.0.key', 'form.unknown_field');
    issueAt(await publish({ ...complaintForm, rules: [{ ...complaintForm.rules[0], when: { field: 'pollution_type', op: 'is', value: 'smell' } }] }), 'form.rules.0.when.value', 'condition.unknown_option');
    issueAt(await publish({ ...complaintForm, rules: [{ ...complaintForm.rules[0], when: { field: 'priority', op: 'is', value: 'no-such-priority' } }] }), 'form.rules.0.when.value', 'condition.unknown_option');
    issueAt(await publish({ ...section([{ key: 'pollution_type' }]), portal: { enabled: false, fields: [] } }), 'form.rules.0.then.0.field', 'form.rule_field_not_on_form');
    const secret = await t.api('POST', '/api/v1/ticket-fields', { body: { key: 'internal_note', label: { 'zh-CN': '内部备注' }, type: 'text' } });
    assert.equal(secret.statusCode, 201);
    issueAt(await publish({ ...complaintForm, portal: { enabled: true, fields: [{ key: 'internal_note' }] } }), 'form.portal.fields.0.key', 'form.not_customer_visible');
    assert.equal((await t.api('DELETE', '/api/v1/ticket-fields/internal_note', { query: { archive: 'true' } })).statusCode, 200);
    issueAt(await publish(section([...complaintForm.sections[0]!.fields, { key: 'internal_note' }])), 'form.sections.0.fields.4.key', 'form.unknown_field');
    assert.equal((await t.api('GET', '/api/v1/ticket-types/env_complaint')).data.currentVersion, 1);
  });

  test('publishing makes a new immutable version; the old one still reads as it was', async () => {
    const v2 = { ...complaintForm, sections: [{ ...complaintForm.sections[0]!, fields: complaintForm.sections[0]!.fields.slice(0, 3) }], rules: [], portal: { enabled: false, fields: [] } };
    const res = await t.api('POST', '/api/v1/ticket-types/env_complaint/versions', { as: supervisor, body: { form: v2 } });
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.data.version, 2);
    const one = await t.api('GET', '/api/v1/ticket-types/env_complaint/versions/1');
    assert.equal(one.data.form.rules.length, 1);
    assert.equal(one.data.form.sections[0].fields.length, 4);
    assert.equal((await t.api('GET', '/api/v1/ticket-types/env_complaint')).data.currentVersion, 2);
    assertProblem(await t.api('GET', '/api/v1/ticket-types/env_complaint/versions/9'), 404, 'forms.type.version_not_found');
    // Back to the acceptance form for the tests that follow.
    assert.equal((await t.api('POST', '/api/v1/ticket-types/env_complaint/versions', { as: supervisor, body: { form: complaintForm } })).data.version, 3);
  });

  test('the form endpoint has a strong ETag: 304 while nothing changed, a new one after any registry change', async () => {
    const first = await t.api('GET', '/api/v1/ticket-types/env_complaint/form');
    const etag = String(first.headers.etag);
    assert.match(etag, /^"forms-\d+"$/);
    const cached = await t.api('GET', '/api/v1/ticket-types/env_complaint/form', { headers: { 'if-none-match': etag } });
    assert.equal(cached.statusCode, 304);
    const field = (await t.api('GET', '/api/v1/ticket-fields/pollution_type')).data;
    assert.equal((await t.api('PATCH', '/api/v1/ticket-fields/pollution_type', { body: { help: { 'zh-CN': '选最主要的一种' } }, ifMatch: field.version })).statusCode, 200);
    const changed = await t.api('GET', '/api/v1/ticket-types/env_complaint/form', { headers: { 'if-none-match': etag } });
    assert.equal(changed.statusCode, 200);
    assert.notEqual(changed.headers.etag, etag);
    assert.equal(changed.data.fields[0].help['zh-CN'], '选最主要的一种');
  });

  test('PATCH needs If-Match; agents may read types but not create, change or publish them', async () => {
    const type = (await t.api('GET', '/api/v1/ticket-types/env_complaint')).data;
    assertProblem(await t.api('PATCH', '/api/v1/ticket-types/env_complaint', { body: { active: false } }), 428, 'forms.type.if_match_required');
    const res = await t.api('PATCH', '/api/v1/ticket-types/env_complaint', { body: { label: { 'zh-CN': '环境投诉', en: 'Environment' } }, ifMatch: type.version });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.data.label['zh-CN'], '环境投诉');
    assertProblem(await t.api('PATCH', '/api/v1/ticket-types/env_complaint', { body: { active: false }, ifMatch: type.version }), 412, 'forms.type.version_mismatch');
    const agent = await t.user('agent');
    assertProblem(await t.api('POST', '/api/v1/ticket-types', { as: agent, body: { key: 'x', label: { 'zh-CN': 'x' } } }), 403, 'auth.forbidden');
    assertProblem(await t.api('POST', '/api/v1/ticket-types/env_complaint/versions', { as: agent, body: { form: complaintForm } }), 403, 'auth.forbidden');
    assert.equal((await t.api('GET', '/api/v1/ticket-types/env_complaint/form', { as: agent })).statusCode, 200);
    assertProblem(await t.api('POST', '/api/v1/ticket-types', { body: { ...complaintType } }), 400, 'validation.failed');
  });
});
