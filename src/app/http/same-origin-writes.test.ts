import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { startSmtpSink, type SmtpSink } from '../../modules/portal/test-smtp-sink.js';
import { createTestApp, type TestApp } from '../test-app.js';

/**
 * CSRF: a page on a sibling origin (same site, so SameSite=Lax cookies go along) posted a portal
 * message and logged an agent out. Cookie-authenticated writes now need our own origin.
 */
let t: TestApp;
let smtp: SmtpSink;
let ticketId: string;
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const publicUrl = 'https://service.example.cn';
const sibling = { origin: 'https://www.example.cn', 'sec-fetch-site': 'same-site' };

async function portalCookie(email: string): Promise<string> {
  const mark = smtp.mails.length;
  await t.server.inject({ method: 'POST', url: '/api/v1/portal/login-codes', payload: { email } });
  const code = await smtp.waitForCode(email, { after: mark });
  const res = await t.server.inject({ method: 'POST', url: '/api/v1/portal/sessions', payload: { email, code } });
  assert.equal(res.statusCode, 200, res.body);
  return res.cookies.find((c) => c.name === 'opencsm_portal')!.value;
}

async function agentCookie(email: string): Promise<string> {
  const res = await t.server.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: 'password-123' } });
  assert.equal(res.statusCode, 200, res.body);
  return res.cookies.find((c) => c.name === 'opencsm_session')!.value;
}

function assertCrossSiteRefused(res: LightMyRequestResponse) {
  assert.equal(res.statusCode, 403, res.body);
  assert.match(String(res.headers['content-type']), /application\/problem\+json/);
  assert.equal((res.json() as Json).code, 'request.cross_site');
}

const portalMessage = (cookie: string, headers: Record<string, string>, body = '还是不制冷') =>
  t.server.inject({ method: 'POST', url: `/api/v1/portal/tickets/${ticketId}/messages`, cookies: { opencsm_portal: cookie }, headers, payload: { body } });
const agentMessages = async () => ((await t.server.inject({ method: 'GET', url: `/api/v1/tickets/${ticketId}/timeline`, headers: t.admin.headers })).json() as Json);

before(async () => {
  smtp = await startSmtpSink();
  t = await createTestApp({ OPENCSM_SMTP_URL: smtp.url, OPENCSM_PUBLIC_URL: publicUrl, OPENCSM_PORTAL_FRAME_ANCESTORS: 'https://www.example.cn' });
  const created = await t.server.inject({ method: 'POST', url: '/api/v1/tickets', headers: t.admin.headers, payload: { subject: '空调不制冷', description: '外机不转', channel: 'web', requester: { email: 'li@customer.cn', name: '李先生' } } });
  assert.equal(created.statusCode, 201, created.body);
  ticketId = (created.json() as Json).id;
});
after(async () => {
  await t.close();
  await smtp.close();
});

test('a portal message posted from a sibling origin is refused with 403, in the caller’s language, and not stored', async () => {
  const cookie = await portalCookie('li@customer.cn');
  const before = JSON.stringify(await agentMessages());
  const res = await portalMessage(cookie, { ...sibling, 'accept-language': 'en' }, '攻击者的消息');
  assertCrossSiteRefused(res);
  assert.match((res.json() as Json).title, /Cross-site request refused/);
  assertCrossSiteRefused(await portalMessage(cookie, { origin: 'https://www.example.cn' }, '攻击者的消息'));
  assertCrossSiteRefused(await portalMessage(cookie, { 'sec-fetch-site': 'cross-site' }, '攻击者的消息'));
  assertCrossSiteRefused(await portalMessage(cookie, { origin: 'null' }, '攻击者的消息'));
  assertCrossSiteRefused(await portalMessage(cookie, {}, '攻击者的消息'));
  assert.equal(JSON.stringify(await agentMessages()), before, 'nothing reached the ticket');
});

test('the same portal message from our own origin works: Sec-Fetch-Site same-origin, the request’s own Origin, or OPENCSM_PUBLIC_URL', async () => {
  const cookie = await portalCookie('li@customer.cn');
  assert.equal((await portalMessage(cookie, { 'sec-fetch-site': 'same-origin', origin: 'http://localhost' }, '第一条')).statusCode, 201);
  assert.equal((await portalMessage(cookie, { origin: 'http://localhost' }, '第二条')).statusCode, 201, 'Origin equal to the Host we were reached at');
  assert.equal((await portalMessage(cookie, { origin: publicUrl }, '第三条')).statusCode, 201, 'behind a proxy: the configured public URL');
});

test('an agent’s logout posted from a sibling origin is refused and the session lives on; from our origin it works', async () => {
  const cookie = await agentCookie(t.admin.email);
  assertCrossSiteRefused(await t.server.inject({ method: 'POST', url: '/api/v1/auth/logout', cookies: { opencsm_session: cookie }, headers: sibling }));
  assert.equal((await t.server.inject({ method: 'GET', url: '/api/v1/me', cookies: { opencsm_session: cookie } })).statusCode, 200, 'still signed in');
  const out = await t.server.inject({ method: 'POST', url: '/api/v1/auth/logout', cookies: { opencsm_session: cookie }, headers: { 'sec-fetch-site': 'same-origin' } });
  assert.equal(out.statusCode, 204);
  assert.equal((await t.server.inject({ method: 'GET', url: '/api/v1/me', cookies: { opencsm_session: cookie } })).statusCode, 401);
});

test('a portal logout from a sibling origin is refused too', async () => {
  const cookie = await portalCookie('li@customer.cn');
  assertCrossSiteRefused(await t.server.inject({ method: 'POST', url: '/api/v1/portal/logout', cookies: { opencsm_portal: cookie }, headers: sibling }));
  assert.equal((await t.server.inject({ method: 'GET', url: '/api/v1/portal/me', cookies: { opencsm_portal: cookie } })).statusCode, 200);
});

test('agent writes with a session cookie need our origin; reads do not', async () => {
  const cookie = await agentCookie(t.admin.email);
  const patch = (headers: Record<string, string>) => t.server.inject({ method: 'PATCH', url: '/api/v1/me', cookies: { opencsm_session: cookie }, headers, payload: { name: '管理员' } });
  assertCrossSiteRefused(await patch(sibling));
  assertCrossSiteRefused(await patch({}));
  assert.equal((await patch({ 'sec-fetch-site': 'same-origin' })).statusCode, 200);
  assert.equal((await t.server.inject({ method: 'GET', url: '/api/v1/tickets', cookies: { opencsm_session: cookie }, headers: sibling })).statusCode, 200, 'a cross-site read changes nothing');
});

test('a bearer API token is exempt: no other site can attach it', async () => {
  const res = await t.server.inject({ method: 'POST', url: `/api/v1/tickets/${ticketId}/messages`, headers: { ...t.admin.headers, ...sibling }, payload: { body: '已安排师傅上门' } });
  assert.equal(res.statusCode, 201, res.body);
});

test('the public web form still takes submissions from the site that frames it, even when a portal cookie rides along', async () => {
  const cookie = await portalCookie('li@customer.cn');
  const res = await t.server.inject({
    method: 'POST', url: '/api/v1/portal/forms/tickets', remoteAddress: '203.0.113.9',
    cookies: { opencsm_portal: cookie }, headers: { origin: 'https://www.example.cn', 'sec-fetch-site': 'same-site' },
    payload: { name: '赵女士', phone: '13800138000', description: '空调外机噪音很大' },
  });
  assert.equal(res.statusCode, 201, res.body);
});
