import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import { ManualClock } from '../../app/clock.js';
import { assertProblem, createTestApp, type ApiResponse, type TestApp } from '../../app/test-app.js';
import { startSmtpSink, type SmtpSink } from '../portal/test-smtp-sink.js';
import { surveyLinksIn, tokenOf } from './survey-test-kit.js';

/**
 * NPS by product line (issue 17 §6): stats grouped by a select, cascader or multiselect custom
 * field of the contact or organisation, with the options' labels; the value counted is the one the
 * customer had when the survey was made (as for the tier); an unknown or non-groupable field is a
 * 400 naming `field`. Real SMTP sink, real answers through the emailed links.
 */
const clock = new ManualClock('2026-11-02T09:00:00+08:00');
let t: TestApp;
let smtp: SmtpSink;
const contacts: Record<string, { id: string; version: number }> = {};
const option = (value: string, zh: string, en: string, children?: unknown[]) => ({ value, label: { 'zh-CN': zh, en }, ...(children && { children }) });

function ok<T>(res: ApiResponse, status = 200): T {
  assert.equal(res.statusCode, status, res.body);
  return res.data as T;
}

before(async () => {
  smtp = await startSmtpSink();
  t = await createTestApp({ OPENCSM_SMTP_URL: smtp.url, OPENCSM_PUBLIC_URL: 'https://csm.example.cn', OPENCSM_SECRET_KEY: randomBytes(32).toString('hex') }, { clock });
  const fields = [
    { key: 'product_line', label: { 'zh-CN': '产品线', en: 'Product line' }, type: 'select', options: [option('washer', '洗衣机', 'Washers'), option('aircon', '空调', 'Air conditioners')] },
    { key: 'model', label: { 'zh-CN': '型号', en: 'Model' }, type: 'cascader', options: [option('washer', '洗衣机', 'Washers', [option('w10', 'W10', 'W10')]), option('aircon', '空调', 'Air conditioners', [option('a1', 'A1', 'A1')])] },
    { key: 'interests', label: { 'zh-CN': '关注', en: 'Interests' }, type: 'multiselect', options: [option('price', '价格', 'Price'), option('speed', '速度', 'Speed')] },
    { key: 'note', label: { 'zh-CN': '备注', en: 'Note' }, type: 'text' },
  ];
  for (const field of fields) ok(await t.api('POST', '/api/v1/contact-fields', { body: field }), 201);
  ok(await t.api('POST', '/api/v1/organisation-fields', { body: { key: 'region', label: { 'zh-CN': '大区', en: 'Region' }, type: 'select', options: [option('east', '华东', 'East')] } }), 201);
  const org = ok<{ id: string }>(await t.api('POST', '/api/v1/organizations', { body: { name: '华东家电城', fields: { region: 'east' } } }), 201);
  const people = [
    ['洗衣机甲', 'washer.a@example.cn', { product_line: 'washer', model: ['washer', 'w10'], interests: ['price', 'speed'], note: '老客户' }, org.id],
    ['洗衣机乙', 'washer.b@example.cn', { product_line: 'washer', interests: ['price'] }, null],
    ['空调丙', 'aircon.c@example.cn', { product_line: 'aircon', model: ['aircon', 'a1'] }, null],
    ['无产品丁', 'none.d@example.cn', {}, null],
  ] as const;
  for (const [name, email, fields, organizationId] of people) {
    contacts[email] = ok(await t.api('POST', '/api/v1/contacts', { body: { name, fields, organizationId, identities: [{ kind: 'email', value: email }] } }), 201);
  }
  // Each is asked once by hand and answers: washers 10 and 3, air conditioners 9, no product 7.
  for (const email of Object.keys(contacts)) ok(await t.api('POST', '/api/v1/surveys', { body: { kind: 'nps', contactId: contacts[email]!.id } }), 201);
  await t.drain();
  const scores: Record<string, number> = { 'washer.a@example.cn': 10, 'washer.b@example.cn': 3, 'aircon.c@example.cn': 9, 'none.d@example.cn': 7 };
  for (const [email, score] of Object.entries(scores)) {
    const token = tokenOf(surveyLinksIn(smtp, email).get(score)!);
    ok(await t.api('POST', `/api/v1/survey-links/${token}/answer`, { as: null, body: { score } }));
  }
});
after(async () => {
  await t.close();
  await smtp.close();
});

type Group = { key: string | null; label?: { 'zh-CN': string; en: string } | null; answered: number; nps: number | null; promoters: number; detractors: number };
const stats = async (field: string) => ok<{ by: string; field: string; groups: Group[] }>(await t.api('GET', '/api/v1/surveys/stats', { query: { kind: 'nps', by: 'field', field } }));
const byKey = (groups: Group[]) => Object.fromEntries(groups.map((g) => [g.key ?? '(none)', { answered: g.answered, nps: g.nps, label: g.label?.['zh-CN'] ?? null }]));

test('NPS by the contact\'s 产品线 (select): one group per option with its labels, and one for customers without a value', async () => {
  const answer = await stats('contact.product_line');
  assert.equal(answer.by, 'field');
  assert.equal(answer.field, 'contact.product_line');
  assert.deepEqual(byKey(answer.groups), {
    washer: { answered: 2, nps: 0, label: '洗衣机' },
    aircon: { answered: 1, nps: 100, label: '空调' },
    '(none)': { answered: 1, nps: 0, label: null },
  });
  assert.deepEqual(answer.groups.find((g) => g.key === 'aircon')?.label, { 'zh-CN': '空调', en: 'Air conditioners' });
});

test('a cascader counts under its first level; a multiselect under each option chosen; an organisation field through the customer\'s organisation', async () => {
  assert.deepEqual(byKey((await stats('contact.model')).groups), { washer: { answered: 1, nps: 100, label: '洗衣机' }, aircon: { answered: 1, nps: 100, label: '空调' }, '(none)': { answered: 2, nps: -50, label: null } });
  assert.deepEqual(byKey((await stats('contact.interests')).groups), { price: { answered: 2, nps: 0, label: '价格' }, speed: { answered: 1, nps: 100, label: '速度' }, '(none)': { answered: 2, nps: 50, label: null } });
  assert.deepEqual(byKey((await stats('organisation.region')).groups), { east: { answered: 1, nps: 100, label: '华东' }, '(none)': { answered: 3, nps: 0, label: null } });
});

test('the product line counted is the one the customer had when asked: changing it later moves no answer', async () => {
  const contact = contacts['washer.b@example.cn']!;
  ok(await t.api('PATCH', `/api/v1/contacts/${contact.id}`, { body: { fields: { product_line: 'aircon' } }, ifMatch: contact.version }));
  assert.deepEqual(byKey((await stats('contact.product_line')).groups).washer, { answered: 2, nps: 0, label: '洗衣机' });
});

test('the field is validated: unknown, not a choice, missing with by=field, or given with another grouping → 400 naming field', async () => {
  const problem = async (query: Record<string, string>, code: string) => {
    const res = await t.api('GET', '/api/v1/surveys/stats', { query: { kind: 'nps', ...query } });
    const body = assertProblem(res, 400, 'validation.failed');
    assert.equal(body.errors?.[0]?.path, 'field', res.body);
    assert.equal(body.errors?.[0]?.code, code, res.body);
  };
  await problem({ by: 'field', field: 'contact.no_such_field' }, 'survey.field_unknown');
  await problem({ by: 'field', field: 'ticket.product_line' }, 'survey.field_unknown');
  await problem({ by: 'field', field: 'product_line' }, 'survey.field_unknown');
  await problem({ by: 'field', field: 'contact.note' }, 'survey.field_not_groupable');
  await problem({ by: 'field' }, 'validation.required');
  await problem({ by: 'tier', field: 'contact.product_line' }, 'survey.field_needs_by_field');
  const en = await t.api('GET', '/api/v1/surveys/stats', { query: { kind: 'nps', by: 'field', field: 'contact.note' }, headers: { 'accept-language': 'en' } });
  assert.match(assertProblem(en, 400, 'validation.failed').errors?.[0]?.message ?? '', /not a select, cascader or multiselect/);
});
