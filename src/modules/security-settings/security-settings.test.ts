import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../app/test-app.js';

/** 设置 › 安全: the outbound allowlist an admin edits (config entries shown beside it, read-only). */
let t: TestApp;
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

before(async () => {
  t = await createTestApp({ OPENCSM_OUTBOUND_ALLOW: '10.0.0.0/8, mail.corp.local' });
});
after(() => t.close());

const put = (body: Json, headers: Record<string, string>) => t.server.inject({ method: 'PUT', url: '/api/v1/settings/security', headers, payload: body });

test('an admin reads the settings: nothing saved yet, the config entries shown apart', async () => {
  const res = await t.server.inject({ method: 'GET', url: '/api/v1/settings/security', headers: t.admin.headers });
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual({ ...(res.json() as Json), updatedAt: null }, { outboundAllow: [], outboundAllowFromConfig: ['10.0.0.0/8', 'mail.corp.local'], version: 0, updatedAt: null });
  assert.equal(res.headers.etag, '"0"');
});

test('saving needs If-Match; bad entries are named; a stale version is 412; entries are normalised', async () => {
  assert.equal((await put({ outboundAllow: ['192.168.1.0/24'] }, t.admin.headers)).statusCode, 428);
  const bad = await put({ outboundAllow: ['192.168.1.0/24', 'http://evil', '10.0.0.0/33'] }, { ...t.admin.headers, 'if-match': '"0"' });
  assert.equal(bad.statusCode, 400);
  assert.deepEqual((bad.json() as Json).errors.map((e: Json) => [e.path, e.code]), [['outboundAllow.1', 'outbound.allow_entry_invalid']]);
  const saved = await put({ outboundAllow: [' 192.168.1.0/24 ', 'Exchange.Corp.Local', '192.168.1.0/24'] }, { ...t.admin.headers, 'if-match': '"0"' });
  assert.equal(saved.statusCode, 200, saved.body);
  assert.deepEqual((saved.json() as Json).outboundAllow, ['192.168.1.0/24', 'exchange.corp.local']);
  assert.equal((saved.json() as Json).version, 1);
  assert.equal((await put({ outboundAllow: [] }, { ...t.admin.headers, 'if-match': '"0"' })).statusCode, 412);
});

test('only admins (admin.security) may read or change them', async () => {
  for (const role of ['supervisor', 'agent'] as const) {
    const user = await t.user(role);
    assert.equal((await t.server.inject({ method: 'GET', url: '/api/v1/settings/security', headers: user.headers })).statusCode, 403);
    assert.equal((await put({ outboundAllow: ['127.0.0.1'] }, { ...user.headers, 'if-match': '"1"' })).statusCode, 403);
  }
  assert.equal((await t.server.inject({ method: 'GET', url: '/api/v1/settings/security' })).statusCode, 401);
});
