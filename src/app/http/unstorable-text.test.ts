import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { startSmtpSink, type SmtpSink } from '../../modules/portal/test-smtp-sink.js';
import { createTestApp, type TestApp } from '../test-app.js';

/**
 * Lone UTF-16 surrogates are valid JSON escapes but not encodable text: PostgreSQL refused them and
 * these routes answered 500. The edge now answers 400 naming the field, on either engine.
 */
let t: TestApp;
let smtp: SmtpSink;
let ticketId: string;
let portalCookie: string;
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const high = '\ud800';
const low = '\udfff';

function assertNamesField(res: LightMyRequestResponse, path: string, code = 'validation.lone_surrogate') {
  assert.equal(res.statusCode, 400, `${res.statusCode} ${res.body}`);
  assert.match(String(res.headers['content-type']), /application\/problem\+json/);
  const problem = res.json() as Json;
  assert.equal(problem.code, 'validation.failed');
  const error = (problem.errors as Json[]).find((e) => e.path === path);
  assert.ok(error, `no error for ${JSON.stringify(path)} in ${res.body}`);
  assert.equal(error.code, code);
}

/** The JSON text itself carries the escape, as a client would send it. */
function rawJson(value: unknown): string {
  return JSON.stringify(value);
}

before(async () => {
  smtp = await startSmtpSink();
  t = await createTestApp({ OPENCSM_SMTP_URL: smtp.url });
  const created = await t.server.inject({ method: 'POST', url: '/api/v1/tickets', headers: t.admin.headers, payload: { subject: '空调不制冷', description: '外机不转', channel: 'email', requester: { email: 'li@customer.cn', name: '李先生' } } });
  assert.equal(created.statusCode, 201, created.body);
  ticketId = (created.json() as Json).id;
  const mark = smtp.mails.length;
  await t.server.inject({ method: 'POST', url: '/api/v1/portal/login-codes', payload: { email: 'li@customer.cn' } });
  const code = await smtp.waitForCode('li@customer.cn', { after: mark });
  const session = await t.server.inject({ method: 'POST', url: '/api/v1/portal/sessions', payload: { email: 'li@customer.cn', code } });
  assert.equal(session.statusCode, 200, session.body);
  portalCookie = session.cookies.find((c) => c.name === 'opencsm_portal')!.value;
});
after(async () => {
  await t.close();
  await smtp.close();
});

const json = { 'content-type': 'application/json' };

test('creating a ticket with a lone high surrogate in the subject is a 400 naming subject', async () => {
  assertNamesField(await t.server.inject({ method: 'POST', url: '/api/v1/tickets', headers: { ...t.admin.headers, ...json }, payload: rawJson({ subject: `报修${high}`, description: 'x' }) }), 'subject');
});

test('updating a ticket with a lone low surrogate is a 400 naming the field', async () => {
  assertNamesField(await t.server.inject({ method: 'PATCH', url: `/api/v1/tickets/${ticketId}`, headers: { ...t.admin.headers, ...json, 'if-match': '"1"' }, payload: rawJson({ subject: `${low}改` }) }), 'subject');
});

test('an agent message with a lone surrogate is a 400 naming body', async () => {
  assertNamesField(await t.server.inject({ method: 'POST', url: `/api/v1/tickets/${ticketId}/messages`, headers: { ...t.admin.headers, ...json }, payload: rawJson({ body: `您好${high}` }) }), 'body');
});

test('a contact with a lone surrogate in a nested array is a 400 naming the element', async () => {
  assertNamesField(
    await t.server.inject({ method: 'POST', url: '/api/v1/contacts', headers: { ...t.admin.headers, ...json }, payload: rawJson({ name: '王女士', identities: [{ kind: 'email', value: 'wang@example.cn' }, { kind: 'phone', value: `138${low}` }] }) }),
    'identities.1.value',
  );
});

test('an organisation named with a lone surrogate is a 400', async () => {
  assertNamesField(await t.server.inject({ method: 'POST', url: '/api/v1/organizations', headers: { ...t.admin.headers, ...json }, payload: rawJson({ name: `华东${high}公司` }) }), 'name');
});

test('a customer portal message with a lone surrogate is a 400 naming body', async () => {
  const res = await t.server.inject({
    method: 'POST', url: `/api/v1/portal/tickets/${ticketId}/messages`,
    cookies: { opencsm_portal: portalCookie }, headers: { ...json, 'sec-fetch-site': 'same-origin' },
    payload: rawJson({ body: `还是不行${low}` }),
  });
  assertNamesField(res, 'body');
});

test('the public web form with a lone surrogate is a 400 naming description', async () => {
  assertNamesField(await t.server.inject({ method: 'POST', url: '/api/v1/portal/forms/tickets', headers: json, remoteAddress: '203.0.113.77', payload: rawJson({ name: '赵女士', phone: '13800138000', description: `噪音${high}` }) }), 'description');
});

test('a profile name with a lone surrogate is a 400', async () => {
  assertNamesField(await t.server.inject({ method: 'PATCH', url: '/api/v1/me', headers: { ...t.admin.headers, ...json }, payload: rawJson({ name: `管理员${low}` }) }), 'name');
});

test('a lone surrogate in a key, and deep in nested arrays, is named by its path', async () => {
  const res = await t.server.inject({ method: 'POST', url: '/api/v1/tickets', headers: { ...t.admin.headers, ...json }, payload: rawJson({ subject: 'ok', tags: ['a', `b${high}`], [`x${low}`]: 1, deep: [[['fine', high]]] }) });
  assertNamesField(res, 'tags.1');
  assertNamesField(res, `x${low}`);
  assertNamesField(res, 'deep.0.0.1');
});

test('a surrogate percent-encoded in the query (invalid UTF-8 bytes) is read as text, never a 500', async () => {
  // A URL carries bytes, so a lone surrogate cannot arrive as one: its CESU-8 bytes decode to text.
  const res = await t.server.inject({ method: 'GET', url: '/api/v1/tickets?q=%ED%A0%80', headers: t.admin.headers });
  assert.equal(res.statusCode, 200, res.body);
});

test('a valid surrogate pair (emoji, rare CJK extension B) is stored and read back intact', async () => {
  const subject = '报修 😀 𠀋';
  const res = await t.server.inject({ method: 'POST', url: '/api/v1/tickets', headers: t.admin.headers, payload: { subject, description: '𠀋' } });
  assert.equal(res.statusCode, 201, res.body);
  assert.equal((res.json() as Json).subject, subject);
});
