import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/database.js';
import { assertProblem, createTestApp, type TestApp } from '../../app/test-app.js';
import { subscribedTypesOf } from './subscribed-types.js';

/** 设置 › Webhook's API: endpoints, validation naming the field, secrets in once and never out, permissions, audit. */
let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

const receiverUrl = 'http://127.0.0.1:9/hooks';
const create = (body: Record<string, unknown>) => t.api('POST', '/api/v1/webhooks', { body: { url: receiverUrl, eventTypes: ['ticket.created'], ...body } });

test('an admin creates an endpoint: the secret is answered once (whsec_ and 32 random bytes), then only its id', async () => {
  const res = await create({ description: 'ERP', eventTypes: ['ticket.created', 'ticket.updated', 'ticket.created'], headers: { 'X-Api-Key': 'erp-key-123' } });
  assert.equal(res.statusCode, 201, res.body);
  const { endpoint, secret } = res.data;
  assert.match(secret, /^whsec_[A-Za-z0-9+/]+=*$/);
  assert.equal(Buffer.from(secret.slice(6), 'base64').length, 32);
  assert.deepEqual(endpoint.eventTypes, ['ticket.created', 'ticket.updated']);
  assert.deepEqual(endpoint.headerNames, ['X-Api-Key']);
  assert.equal(endpoint.secrets.length, 1);
  assert.equal(endpoint.enabled, true);

  const read = await t.api('GET', `/api/v1/webhooks/${endpoint.id}`);
  assert.equal(read.statusCode, 200);
  assert.equal(read.headers.etag, '"1"');
  assert.ok(!read.body.includes(secret.slice(6)) && !read.body.includes('erp-key-123'), 'neither the secret nor a header value is answered');
  const list = await t.api('GET', '/api/v1/webhooks');
  assert.ok(list.data.items.some((e: { id: string }) => e.id === endpoint.id));
  assert.ok(!list.body.includes('erp-key-123'));

  // At rest: sealed, never plain.
  const [row] = await queryRows<{ text: string }>(t.database.db, sql`select row_to_json(e)::text as text from webhook_endpoints e where id = ${endpoint.id}`);
  assert.ok(!row!.text.includes(secret.slice(6)) && !row!.text.includes(secret), 'the secret is not stored plain');
  assert.ok(!row!.text.includes('erp-key-123'), 'header values are not stored plain');
  const events = await queryRows<{ type: string; payload: string }>(t.database.db, sql`select type, payload::text from domain_events where aggregate_id = ${endpoint.id}`);
  assert.deepEqual(events.map((e) => e.type), ['webhook.endpoint_created']);
  assert.ok(!events[0]!.payload.includes('erp-key-123') && !events[0]!.payload.includes(secret.slice(6)));
});

test('bad input is a 400 naming the field', async () => {
  const cases: Array<[Record<string, unknown>, string, string]> = [
    [{ url: 'ftp://example.com/x' }, 'url', 'webhook.url_invalid'],
    [{ url: 'not a url' }, 'url', 'webhook.url_invalid'],
    [{ url: 'https://user:pw@example.com/x' }, 'url', 'webhook.url_credentials'],
    [{ url: 'http://example.com/hooks' }, 'url', 'webhook.url_http_not_allowed'],
    [{ url: 'https://127.0.0.2:8443/hooks' }, 'url', 'outbound.address_refused'],
    [{ url: 'https://169.254.169.254/latest' }, 'url', 'outbound.address_refused'],
    [{ url: 'https://[::ffff:10.0.0.1]/x' }, 'url', 'outbound.address_refused'],
    [{ eventTypes: ['ticket.created', 'ticket.exploded'] }, 'eventTypes.1', 'webhook.event_type_unknown'],
    [{ headers: { 'webhook-signature': 'v1,forged' } }, 'headers.webhook-signature', 'webhook.header_reserved'],
    [{ headers: { Host: 'evil' } }, 'headers.Host', 'webhook.header_reserved'],
    [{ headers: { 'X-Bad': 'a\r\nInjected: 1' } }, 'headers.X-Bad', 'webhook.header_value_invalid'],
    [{ headers: { 'bad name': 'x' } }, 'headers.bad name', 'webhook.header_name_invalid'],
  ];
  for (const [body, path, code] of cases) {
    const res = await create(body);
    const problem = assertProblem(res, 400, 'validation.failed', JSON.stringify(body));
    assert.deepEqual(problem.errors?.map((e) => [e.path, e.code]), [[path, code]], JSON.stringify(body));
  }
  const missing = await t.api('POST', '/api/v1/webhooks', { body: { url: receiverUrl, eventTypes: [] } });
  assert.equal(assertProblem(missing, 400, 'validation.failed').errors?.[0]?.path, 'eventTypes');
});

test('changes need If-Match; disabling and enabling, headers replaced; each change audited', async () => {
  const { endpoint } = (await create({})).data;
  assertProblem(await t.api('PATCH', `/api/v1/webhooks/${endpoint.id}`, { body: { enabled: false } }), 428, 'webhook.if_match_required');
  const off = await t.api('PATCH', `/api/v1/webhooks/${endpoint.id}`, { body: { enabled: false, description: '暂停', headers: { 'X-Token': 'b' } }, ifMatch: 1 });
  assert.equal(off.statusCode, 200, off.body);
  assert.deepEqual([off.data.enabled, off.data.disabledReason, off.data.description, off.data.headerNames, off.data.version], [false, 'admin', '暂停', ['X-Token'], 2]);
  assertProblem(await t.api('PATCH', `/api/v1/webhooks/${endpoint.id}`, { body: { enabled: true }, ifMatch: 1 }), 412, 'webhook.version_mismatch');
  const on = await t.api('PATCH', `/api/v1/webhooks/${endpoint.id}`, { body: { enabled: true, eventTypes: ['sla.breached'] }, ifMatch: 2 });
  assert.deepEqual([on.data.enabled, on.data.disabledReason, on.data.eventTypes], [true, null, ['sla.breached']]);
  const events = await queryRows<{ type: string; fields: string }>(t.database.db, sql`select type, payload->>'fields' as fields from domain_events where aggregate_id = ${endpoint.id} order by id`);
  assert.deepEqual(events.map((e) => [e.type, e.fields]), [
    ['webhook.endpoint_created', null],
    ['webhook.endpoint_updated', '["description", "headers", "enabled"]'],
    ['webhook.endpoint_updated', '["eventTypes", "enabled"]'],
  ]);
  assert.equal((await t.api('DELETE', `/api/v1/webhooks/${endpoint.id}`, { ifMatch: 3 })).statusCode, 204);
  assertProblem(await t.api('GET', `/api/v1/webhooks/${endpoint.id}`), 404, 'webhook.not_found');
});

test('the event catalogue lists the typed events with their data fields', async () => {
  const res = await t.api('GET', '/api/v1/webhooks/event-types');
  assert.equal(res.statusCode, 200);
  const types = res.data.items.map((i: { type: string }) => i.type);
  assert.deepEqual(types, ['ticket.created', 'ticket.updated', 'ticket.message_added', 'contact.created', 'contact.updated', 'sla.warning', 'sla.breached', 'survey.answered']);
  assert.ok(res.data.items.every((i: { labels: Record<string, string>; fields: string[] }) => /[\u4e00-\u9fff]/.test(i.labels['zh-CN'] ?? '') && i.labels.en && i.fields.length > 0));
});

test('only admins (webhooks.manage) reach the API', async () => {
  const { endpoint } = (await create({})).data;
  for (const role of ['supervisor', 'agent'] as const) {
    const user = await t.user(role);
    for (const [method, url] of [['GET', '/api/v1/webhooks'], ['GET', `/api/v1/webhooks/${endpoint.id}/deliveries`], ['POST', `/api/v1/webhooks/${endpoint.id}/test`]] as const) {
      assertProblem(await t.api(method, url, { as: user }), 403, 'auth.forbidden', `${role} ${url}`);
    }
    assertProblem(await t.api('POST', '/api/v1/webhooks', { as: user, body: { url: receiverUrl, eventTypes: ['ticket.created'] } }), 403, 'auth.forbidden');
  }
  assert.equal((await t.api('GET', '/api/v1/webhooks', { as: null })).statusCode, 401);
});

test('a ticket event makes no delivery job while no enabled endpoint listens to its type (the per-ticket budget)', async () => {
  for (const { id, version } of (await t.api('GET', '/api/v1/webhooks')).data.items) await t.api('DELETE', `/api/v1/webhooks/${id}`, { ifMatch: version });
  await t.drain();
  const accepts = t.context.jobs.subscribersOf('ticket.created').find((s) => s.jobType === 'webhooks.queue')?.accepts;
  assert.ok(accepts, 'the delivery job follows ticket.created with a filter');
  const envelope = { eventId: 1, type: 'ticket.created', version: 1, aggregateType: 'ticket', aggregateId: '0193a8a0-0000-7000-8000-000000000001', cause: 'agent', actorId: t.admin.id, contactId: null, occurredAt: new Date().toISOString(), payload: { number: '1', teamId: null, assigneeId: null, priority: 'normal', channel: 'api' } };
  assert.equal(accepts(envelope), false, 'no endpoint: no job');
  const { endpoint } = (await create({ eventTypes: ['ticket.created'] })).data;
  assert.equal(accepts(envelope), true, 'an enabled endpoint listens: a job');
  assert.equal(subscribedTypesOf(t.database.db).wants('ticket.updated'), false);
  await t.api('PATCH', `/api/v1/webhooks/${endpoint.id}`, { body: { enabled: false }, ifMatch: 1 });
  assert.equal(accepts(envelope), false, 'disabled: no job again');
});
