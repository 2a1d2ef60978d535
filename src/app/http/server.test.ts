import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { pino } from 'pino';
import { enqueueJob } from '../../jobs/queue.js';
import { createTestApp, type TestApp } from '../test-app.js';
import { newAppContext } from '../create-app.js';
import type { AppModule } from '../context.js';
import { buildServer } from './server.js';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

test('OpenAPI 3.1 is generated from the route schemas', async () => {
  const res = await t.api('GET', '/api/openapi.json', { as: null });
  assert.equal(res.statusCode, 200);
  const doc = res.json();
  assert.equal(doc.openapi, '3.1.0');
  for (const path of ['/api/v1/tickets', '/api/v1/tickets/{id}', '/api/v1/auth/login', '/api/v1/tokens', '/api/v1/users', '/api/v1/categories', '/api/v1/priorities']) {
    assert.ok(doc.paths[path], `missing ${path}`);
  }
  assert.ok(doc.paths['/api/v1/tickets'].post.requestBody);
  assert.ok(doc.components.schemas.Ticket, 'named response schemas are shared components');
});

test('the root serves the web console (or says how to build it), and unknown API paths stay 404 problems', async () => {
  const root = await t.api('GET', '/', { as: null });
  assert.ok([200, 503].includes(root.statusCode), `status ${root.statusCode}`);
  assert.match(root.headers['content-type'] as string, /text\/html/);
  const api = await t.api('GET', '/api/v1/no-such-thing', { as: null });
  assert.equal(api.statusCode, 404);
  assert.match(api.headers['content-type'] as string, /application\/problem\+json/);
});

test('the API docs page is served', async () => {
  const res = await t.api('GET', '/api/docs/', { as: null });
  assert.equal(res.statusCode, 200);
  assert.match(res.headers['content-type'] as string, /text\/html/);
});

test('health and readiness are public; metrics are not (see exposure.test.ts)', async () => {
  assert.deepEqual((await t.api('GET', '/healthz', { as: null })).json(), { status: 'ok' });
  const ready = await t.api('GET', '/readyz', { as: null });
  assert.equal(ready.statusCode, 200);
  assert.equal(ready.json().engine, t.database.engine);
  assert.equal((await t.api('GET', '/metrics', { as: null })).statusCode, 404, 'no metrics token configured: no /metrics');
});

test('errors are RFC 9457 problem+json, localised by Accept-Language', async () => {
  const missing = await t.api('GET', '/api/v1/nothing-here', { as: null });
  assert.equal(missing.statusCode, 404);
  assert.match(missing.headers['content-type'] as string, /^application\/problem\+json/);
  assert.deepEqual(
    missing.json(),
    { type: 'urn:opencsm:problem:route.not_found', title: '接口不存在', status: 404, code: 'route.not_found', instance: '/api/v1/nothing-here' },
  );

  const malformed = await t.api('POST', '/api/v1/tickets', { as: null, headers: { ...t.admin.headers, 'content-type': 'application/json', 'accept-language': 'en' }, body: '{"subject": ' });
  assert.equal(malformed.statusCode, 400);
  assert.equal(malformed.json().code, 'request.malformed_json');
  assert.equal(malformed.json().title, 'The request body is not valid JSON');

  const wrongType = await t.api('POST', '/api/v1/tickets', { as: null, headers: { ...t.admin.headers, 'content-type': 'text/plain' }, body: 'hello' });
  assert.equal(wrongType.statusCode, 415);
  assert.equal(wrongType.json().code, 'request.unsupported_media_type');

  const invalid = await t.api('POST', '/api/v1/tickets', { body: { subject: '', extra: 1 } });
  assert.equal(invalid.statusCode, 400);
  assert.equal(invalid.json().code, 'validation.failed');
  assert.equal(invalid.json().title, '请求参数有误');
  assert.ok(invalid.json().errors.some((e: { path: string; message: string }) => e.path === 'subject' && e.message.includes('最小')));
});

test('no credentials → 401; a bad bearer token → 401 with its own code', async () => {
  const anonymous = await t.api('GET', '/api/v1/tickets', { as: null });
  assert.equal(anonymous.statusCode, 401);
  assert.equal(anonymous.json().code, 'auth.unauthenticated');
  const bad = await t.api('GET', '/api/v1/tickets', { as: null, headers: { authorization: 'Bearer ocsm_not-a-real-token' } });
  assert.equal(bad.statusCode, 401);
  assert.equal(bad.json().code, 'auth.token_invalid');
  const malformed = await t.api('GET', '/api/v1/tickets', { as: null, headers: { authorization: 'Basic abc' } });
  assert.equal(malformed.statusCode, 401);
});

test('the server refuses to start with a route that declares no permission', async () => {
  const careless: AppModule = {
    name: 'careless',
    registerRoutes(app) {
      app.get('/api/v1/careless', async () => ({ ok: true }));
    },
  };
  const context = newAppContext(t.config, t.database, pino({ level: 'silent' }));
  const server = await buildServer(context, [careless]);
  await assert.rejects(async () => server.ready(), /Routes without a permission.*GET \/api\/v1\/careless/);
});

test('operators list dead jobs and retry them', async () => {
  await t.database.transaction((tx) => enqueueJob(tx, { type: 'probe.never_handled', maxAttempts: 1 }));
  await t.drain();
  const list = await t.api('GET', '/api/v1/admin/jobs?state=dead');
  assert.equal(list.statusCode, 200);
  const dead = list.json().items.find((j: { type: string }) => j.type === 'probe.never_handled');
  assert.ok(dead);
  assert.match(dead.lastError, /No handler registered/);

  const retried = await t.api('POST', `/api/v1/admin/jobs/${dead.id}/retry`);
  assert.equal(retried.statusCode, 200);
  assert.equal(retried.json().state, 'pending');
  const again = await t.api('POST', `/api/v1/admin/jobs/${dead.id}/retry`);
  assert.equal(again.statusCode, 409);
  assert.equal(again.json().code, 'job.not_dead');
  await t.database.transaction((tx) => tx.execute(sql`delete from jobs where type = 'probe.never_handled'`));
});

test('retrying a dead job works while a newer pending job with the same key waits', async () => {
  await t.database.transaction((tx) => enqueueJob(tx, { type: 'probe.keyed', dedupeKey: 'probe:1', maxAttempts: 1 }));
  await t.drain();
  await t.database.transaction((tx) => enqueueJob(tx, { type: 'probe.keyed', dedupeKey: 'probe:1', runAt: new Date(Date.now() + 3_600_000) }));
  const [dead] = (await t.api('GET', '/api/v1/admin/jobs?state=dead')).json().items.filter((j: { type: string }) => j.type === 'probe.keyed');
  const retried = await t.api('POST', `/api/v1/admin/jobs/${dead.id}/retry`);
  assert.equal(retried.statusCode, 200, retried.body);
  assert.equal(retried.json().state, 'pending');
  await t.database.transaction((tx) => tx.execute(sql`delete from jobs where type = 'probe.keyed'`));
});

test('each unknown field is reported under its own path', async () => {
  const res = await t.api('POST', '/api/v1/tickets', { body: { subject: 'x', severity: 1, requester: { email: 'a@b.cn', wechat: 'x' } } });
  assert.equal(res.statusCode, 400);
  const paths = res.json().errors.map((e: { path: string }) => e.path).sort();
  assert.deepEqual(paths, ['requester.wechat', 'severity']);
});

test('a NUL character anywhere in the input is a 400 naming the field, never a 500', async () => {
  const body = await t.api('POST', '/api/v1/tickets', { body: { subject: 'ok', description: 'bad\u0000text', tags: ['a\u0000'] } });
  assert.equal(body.statusCode, 400);
  assert.deepEqual(body.json().errors.map((e: { path: string }) => e.path).sort(), ['description', 'tags.0']);
  assert.equal(body.json().errors[0].code, 'validation.nul_character');
  const query = await t.api('GET', '/api/v1/users?q=%00');
  assert.equal(query.statusCode, 400);
  assert.equal(query.json().errors[0].path, 'q');
  const param = await t.api('DELETE', '/api/v1/priorities/%00');
  assert.equal(param.statusCode, 400);
  assert.equal(param.json().errors[0].path, 'key');
});
