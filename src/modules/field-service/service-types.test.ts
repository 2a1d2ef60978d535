import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertProblem, createTestApp, type TestApp } from '../../app/test-app.js';
import { fieldTeam, phoneReadingNear, step, xiningSite, type FieldTeam } from './test-work-orders.js';

/** Service types' custom fields and report forms, judged by the form engine; orders keep their version. */
let t: TestApp;
let team: FieldTeam;
before(async () => {
  t = await createTestApp();
  team = await fieldTeam(t, '格尔木服务站');
});
after(() => t.close());

const place = (key: string, required = false) => ({ key, width: 'half', required });
const boilerForms = {
  fields: [{ key: 'boiler_model', label: { 'zh-CN': '锅炉型号' }, type: 'select', options: [{ value: 'wall', label: { 'zh-CN': '壁挂炉' } }, { value: 'floor', label: { 'zh-CN': '落地炉' } }] }],
  form: { sections: [{ key: 'main', label: { 'zh-CN': '设备' }, fields: [place('boiler_model', true)] }] },
  reportFields: [{ key: 'pressure_bar', label: { 'zh-CN': '水压（bar）' }, type: 'number', settings: { min: 0, max: 6, decimals: 1 } }],
  reportForm: { sections: [{ key: 'readings', label: { 'zh-CN': '读数' }, fields: [place('pressure_bar', true)] }] },
};

test('an admin creates 锅炉保养 with a custom field and a report field; the forms come back prepared', async () => {
  const res = await t.api('POST', '/api/v1/service-types', { body: { key: 'boiler', name: { 'zh-CN': '锅炉保养', en: 'Boiler service' }, defaultDurationMinutes: 75, requiredSkills: ['锅炉'], checkInRadiusMeters: 300, forms: boilerForms } });
  assert.equal(res.statusCode, 201, res.body);
  assert.equal(res.data.currentVersion, 1);
  assert.deepEqual(res.data.forms.fields.map((f: { key: string }) => f.key), ['boiler_model']);
  assert.deepEqual(res.data.forms.reportFields.map((f: { key: string }) => f.key), ['pressure_bar']);
  assert.equal(assertProblem(await t.api('POST', '/api/v1/service-types', { body: { key: 'boiler', name: { 'zh-CN': '重复' } } }), 400, 'validation.failed').errors![0]!.path, 'key');
});

test('a form placing a field that does not exist, or a field of no known type, is refused with its path', async () => {
  const bad = await t.api('POST', '/api/v1/service-types/repair/versions', { body: { form: { sections: [{ key: 's', label: { 'zh-CN': '节' }, fields: [place('ghost')] }] } } });
  const problem = assertProblem(bad, 400, 'validation.failed');
  assert.ok(problem.errors!.some((e) => e.path.startsWith('forms.form.sections.0.fields.0')), bad.body);
  const unknownType = await t.api('POST', '/api/v1/service-types/repair/versions', { body: { fields: [{ key: 'x', label: { 'zh-CN': '某' }, type: 'teleport' }] } });
  assert.equal(assertProblem(unknownType, 400, 'validation.failed').errors![0]!.path, 'forms.fields.0.type');
});

test('work order values are judged by the type\'s form, the report by its report form', async () => {
  const ticket = await t.createTicket({ teamId: team.teamId, requester: { name: '韩师傅', phone: '13909790000' } }, { as: team.agent });
  const create = (fields: Record<string, unknown>) => t.api('POST', '/api/v1/work-orders', { as: team.agent, body: { ticketId: ticket.id, serviceType: 'boiler', site: xiningSite, fields } });
  assert.equal(assertProblem(await create({}), 400, 'validation.failed').errors![0]!.path, 'fields.boiler_model');
  assert.equal(assertProblem(await create({ boiler_model: 'steam' }), 400, 'validation.failed').errors![0]!.path, 'fields.boiler_model');
  assert.equal(assertProblem(await create({ colour: 'red', boiler_model: 'wall' }), 400, 'validation.failed').errors![0]!.path, 'fields.colour');
  const created = await create({ boiler_model: 'wall' });
  assert.equal(created.statusCode, 201, created.body);
  assert.deepEqual(created.data.fields, { boiler_model: 'wall' });
  assert.equal(created.data.estimatedMinutes, 75);
  assert.deepEqual(created.data.requiredSkills, ['锅炉']);

  const id = created.data.id;
  await step(t, team.supervisor, id, { type: 'dispatch', engineerId: team.engineer.id });
  await step(t, team.engineer, id, { type: 'accept' });
  await step(t, team.engineer, id, { type: 'depart', ...phoneReadingNear(xiningSite, 1000) });
  const arrived = await step(t, team.engineer, id, { type: 'arrive', ...phoneReadingNear(xiningSite, 400) });
  assert.equal(arrived.data.step.beyondRadius, true, 'this type\'s radius is 300 m');
  await step(t, team.engineer, id, { type: 'start' });
  const report = { fault: '水压低', cause: '漏水', action: '补水', fields: {} };
  assert.equal(assertProblem(await step(t, team.engineer, id, { type: 'report', report }), 400, 'validation.failed').errors![0]!.path, 'report.fields.pressure_bar');
  assert.equal(assertProblem(await step(t, team.engineer, id, { type: 'report', report: { ...report, fields: { pressure_bar: 9 } } }), 400, 'validation.failed').errors![0]!.path, 'report.fields.pressure_bar');
  const ok = await step(t, team.engineer, id, { type: 'report', report: { ...report, fields: { pressure_bar: 1.5 } } });
  assert.equal(ok.statusCode, 201, ok.body);
  assert.deepEqual(ok.data.workOrder.report.fields, { pressure_bar: 1.5 });
});

test('publishing a new version leaves older orders on theirs', async () => {
  const ticket = await t.createTicket({ teamId: team.teamId }, { as: team.agent });
  const old = await t.api('POST', '/api/v1/work-orders', { as: team.agent, body: { ticketId: ticket.id, serviceType: 'boiler', fields: { boiler_model: 'floor' } } });
  const published = await t.api('POST', '/api/v1/service-types/boiler/versions', { body: { ...boilerForms, form: { sections: [] } } });
  assert.equal(published.statusCode, 201, published.body);
  assert.equal(published.data.currentVersion, 2);
  const fresh = await t.api('POST', '/api/v1/work-orders', { as: team.agent, body: { ticketId: ticket.id, serviceType: 'boiler' } });
  assert.equal(fresh.statusCode, 201, fresh.body);
  assert.equal(fresh.data.serviceTypeVersion, 2);
  const patched = await t.api('PATCH', `/api/v1/work-orders/${old.data.id}`, { as: team.supervisor, ifMatch: old.data.version, body: { fields: { boiler_model: '' } } });
  assert.equal(assertProblem(patched, 400, 'validation.failed').errors![0]!.path, 'fields.boiler_model', 'the old order is still judged by version 1, where the model is required');
});

test('an admin edits a type with If-Match; a stale version is a 412', async () => {
  const type = (await t.api('GET', '/api/v1/service-types/inspection')).data;
  const edited = await t.api('PATCH', '/api/v1/service-types/inspection', { ifMatch: type.version, body: { checkInRadiusMeters: 800, active: false } });
  assert.equal(edited.statusCode, 200, edited.body);
  assert.equal(edited.data.checkInRadiusMeters, 800);
  assertProblem(await t.api('PATCH', '/api/v1/service-types/inspection', { ifMatch: type.version, body: { active: true } }), 412, 'field_service.service_type_version_mismatch');
  const ticket = await t.createTicket({ teamId: team.teamId }, { as: team.agent });
  assert.equal(assertProblem(await t.api('POST', '/api/v1/work-orders', { as: team.agent, body: { ticketId: ticket.id, serviceType: 'inspection' } }), 400, 'validation.failed').errors![0]!.path, 'serviceType', 'an inactive type takes no new orders');
});
