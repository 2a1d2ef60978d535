import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../test-app.js';

/** What the server shows to anyone: metrics only with a token or on their own address; docs under the console's CSP; HSTS on HTTPS installs. */
let plain: TestApp;
let secured: TestApp;
const metricsToken = 'metrics-token-0123456789';

before(async () => {
  plain = await createTestApp();
  secured = await createTestApp({ OPENCSM_COOKIE_SECURE: 'true', OPENCSM_METRICS_TOKEN: metricsToken });
});
after(async () => {
  await plain.close();
  await secured.close();
});

test('without OPENCSM_METRICS_TOKEN, /metrics on the public port is a 404, with or without a guessed token', async () => {
  assert.equal((await plain.server.inject({ method: 'GET', url: '/metrics' })).statusCode, 404);
  assert.equal((await plain.server.inject({ method: 'GET', url: '/metrics', headers: { authorization: 'Bearer anything-at-all-here' } })).statusCode, 404);
});

test('with OPENCSM_METRICS_TOKEN, /metrics needs that bearer token: 401 without or with a wrong one, 200 with it', async () => {
  const none = await secured.server.inject({ method: 'GET', url: '/metrics' });
  assert.equal(none.statusCode, 401);
  assert.match(String(none.headers['www-authenticate']), /^Bearer/);
  assert.doesNotMatch(none.body, /opencsm_/);
  assert.equal((await secured.server.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${metricsToken}x` } })).statusCode, 401);
  // An agent's session or API token is not the metrics token.
  assert.equal((await secured.server.inject({ method: 'GET', url: '/metrics', headers: secured.admin.headers })).statusCode, 401);
  await secured.server.inject({ method: 'GET', url: '/api/v1/me', headers: secured.admin.headers });
  const ok = await secured.server.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${metricsToken}` } });
  assert.equal(ok.statusCode, 200);
  assert.match(ok.body, /opencsm_http_request_duration_seconds_bucket\{.*route="\/api\/v1\/me"/);
  assert.match(ok.body, /opencsm_jobs\{state="dead"\} \d+/);
});

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

test('with OPENCSM_METRICS_LISTEN, metrics are served on that address, and the public port still answers 404', async () => {
  const port = await freePort();
  const t = await createTestApp({ OPENCSM_METRICS_LISTEN: `127.0.0.1:${port}` });
  try {
    await t.server.listen({ port: 0, host: '127.0.0.1' });
    const publicPort = (t.server.addresses()[0] as { port: number }).port;
    assert.equal((await fetch(`http://127.0.0.1:${publicPort}/metrics`)).status, 404);
    const res = await fetch(`http://127.0.0.1:${port}/metrics`);
    assert.equal(res.status, 200);
    assert.match(await res.text(), /opencsm_jobs\{state="pending"\} \d+/);
    assert.equal((await fetch(`http://127.0.0.1:${port}/api/v1/me`)).status, 404, 'only metrics on the metrics address');
  } finally {
    await t.close();
  }
  await assert.rejects(fetch(`http://127.0.0.1:${port}/metrics`), 'the metrics address closes with the server');
});

test('/api/docs carries the console’s CSP and refuses framing', async () => {
  for (const url of ['/api/docs/', '/api/docs/static/swagger-ui-bundle.js', '/api/docs/static/swagger-initializer.js']) {
    const res = await plain.server.inject({ method: 'GET', url });
    assert.equal(res.statusCode, 200, `${url}: ${res.statusCode}`);
    const csp = String(res.headers['content-security-policy']);
    assert.match(csp, /frame-ancestors 'none'/, url);
    assert.match(csp, /script-src 'self'(;|$)/, `${url}: no inline or remote scripts`);
    assert.match(csp, /default-src 'self'/, url);
    assert.equal(res.headers['x-frame-options'], 'DENY', url);
  }
});

test('HSTS on every response when OPENCSM_COOKIE_SECURE=true, never otherwise', async () => {
  for (const url of ['/healthz', '/api/v1/me', '/api/docs/', '/no-such-page', '/api/v1/nothing']) {
    const res = await secured.server.inject({ method: 'GET', url });
    assert.equal(res.headers['strict-transport-security'], 'max-age=31536000; includeSubDomains', url);
    assert.equal((await plain.server.inject({ method: 'GET', url })).headers['strict-transport-security'], undefined, url);
  }
  const login = await secured.server.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'nobody@example.cn', password: 'x' } });
  assert.equal(login.statusCode, 401);
  assert.equal(login.headers['strict-transport-security'], 'max-age=31536000; includeSubDomains', 'errors too');
});
