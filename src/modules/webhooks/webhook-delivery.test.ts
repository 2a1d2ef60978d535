import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import { ManualClock } from '../../app/clock.js';
import { assertProblem, createTestApp, type TestApp } from '../../app/test-app.js';
import { queryRows } from '../../db/database.js';
import { claimDueDeliveries, sendClaimed } from './attempt-delivery.js';
import { recordOutcomes } from './record-outcome.js';
import { queueWebhookCall } from './index.js';
import { webhookSecretBox } from './secrets.js';
import { startWebhookReceiver, type ReceivedWebhook, type WebhookReceiver } from './webhook-receiver-kit.js';

/**
 * Deliveries to real HTTP receivers on loopback (allowlisted by the test config), their signatures
 * checked with the `standardwebhooks` package: retries on the backoff schedule with a ManualClock,
 * 410, replay, rotation, a crash between send and record, the test event, a rule's call.
 */
const clock = new ManualClock(new Date());
let t: TestApp;
let receiver: WebhookReceiver;

before(async () => {
  t = await createTestApp({}, { clock });
  receiver = await startWebhookReceiver();
});
after(async () => {
  await receiver.close();
  await t.close();
});

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function endpoint(body: Json = {}): Promise<{ id: string; secret: string }> {
  const res = await t.api('POST', '/api/v1/webhooks', { body: { url: receiver.url, eventTypes: ['ticket.created'], ...body } });
  assert.equal(res.statusCode, 201, res.body);
  return { id: res.data.endpoint.id, secret: res.data.secret };
}

/** The signature the independent implementation computes for `secret` is among those sent (any timestamp). */
function signedWith(secret: string, got: ReceivedWebhook): boolean {
  const id = String(got.headers['webhook-id']);
  const timestamp = new Date(Number(got.headers['webhook-timestamp']) * 1000);
  const expected = new Webhook(secret).sign(id, timestamp, got.body);
  return String(got.headers['webhook-signature']).split(' ').includes(expected);
}

const deliveriesOf = async (endpointId: string) => (await t.api('GET', `/api/v1/webhooks/${endpointId}/deliveries`)).data.items as Json[];
const disable = async (id: string) => {
  const { version } = (await t.api('GET', `/api/v1/webhooks/${id}`)).data;
  await t.api('PATCH', `/api/v1/webhooks/${id}`, { body: { enabled: false }, ifMatch: version });
};

test('a ticket.created is delivered once, signed per Standard Webhooks, with a thin documented body', async () => {
  const hook = await endpoint({ headers: { 'X-Api-Key': 'k-123' } });
  const ticket = await t.createTicket({ subject: '打印机卡纸' });
  await t.drain();
  assert.equal(receiver.received.length, 1);
  const got = receiver.received[0]!;
  const parsed = new Webhook(hook.secret).verify(got.body, { 'webhook-id': String(got.headers['webhook-id']), 'webhook-timestamp': String(got.headers['webhook-timestamp']), 'webhook-signature': String(got.headers['webhook-signature']) }) as Json;
  assert.equal(parsed.type, 'ticket.created');
  assert.deepEqual(Object.keys(parsed.data).sort(), ['assigneeId', 'channel', 'number', 'priority', 'teamId', 'ticketId', 'ticketType']);
  assert.equal(parsed.data.ticketId, ticket.id);
  assert.equal(parsed.data.number, ticket.number);
  assert.ok(!got.body.includes('打印机卡纸'), 'no ticket text in the body');
  assert.equal(got.headers['x-api-key'], 'k-123');
  assert.equal(got.headers['content-type'], 'application/json');
  assert.match(String(got.headers['webhook-id']), /^msg_[0-9a-f]{32}$/);

  const [delivery] = await deliveriesOf(hook.id);
  assert.deepEqual([delivery!.status, delivery!.attempts, delivery!.lastResponseStatus, delivery!.messageId, delivery!.cause], ['delivered', 1, 200, got.headers['webhook-id'], 'agent']);
  const detail = (await t.api('GET', `/api/v1/webhooks/${hook.id}/deliveries/${delivery!.id}`)).data;
  assert.equal(detail.body, got.body);
  assert.equal(detail.attemptLog.length, 1);
  assert.deepEqual([detail.attemptLog[0].responseStatus, detail.attemptLog[0].responseBody, detail.attemptLog[0].succeeded], [200, 'ok', true]);
  assert.equal(detail.attemptLog[0].requestHeaders['X-Api-Key'], '••••••', 'custom header values are masked in the log');
  assert.equal(detail.attemptLog[0].requestHeaders['webhook-id'], got.headers['webhook-id']);

  await t.drain();
  assert.equal(receiver.received.length, 1, 'nothing is sent twice');
  await disable(hook.id);
  receiver.reset();
});

test('a 500 is retried on the backoff schedule under the same webhook-id until it succeeds', async () => {
  const hook = await endpoint();
  receiver.answer(500, 503);
  await t.createTicket();
  await t.drain();
  assert.equal(receiver.received.length, 1);
  let [delivery] = await deliveriesOf(hook.id);
  assert.equal(delivery!.status, 'pending');
  const firstRetry = new Date(delivery!.nextAttemptAt).getTime() - clock.now().getTime();
  assert.ok(firstRetry >= 24_000 && firstRetry <= 36_000, `first retry after 30 s ± 20 %: ${firstRetry}`);

  clock.advanceMinutes(0.3); // 18 s: not yet due
  await t.drain();
  assert.equal(receiver.received.length, 1);
  clock.set(new Date(delivery!.nextAttemptAt));
  await t.drain();
  assert.equal(receiver.received.length, 2);
  [delivery] = await deliveriesOf(hook.id);
  const secondRetry = new Date(delivery!.nextAttemptAt).getTime() - clock.now().getTime();
  assert.ok(secondRetry >= 48_000 && secondRetry <= 72_000, `second retry after 60 s ± 20 %: ${secondRetry}`);
  clock.set(new Date(delivery!.nextAttemptAt));
  await t.drain();
  assert.equal(receiver.received.length, 3);
  [delivery] = await deliveriesOf(hook.id);
  assert.deepEqual([delivery!.status, delivery!.attempts], ['delivered', 3]);
  assert.equal(new Set(receiver.received.map((r) => r.headers['webhook-id'])).size, 1, 'one webhook-id for every attempt');
  assert.equal(new Set(receiver.received.map((r) => r.body)).size, 1, 'the same body bytes');
  assert.ok(receiver.received.every((r) => signedWith(hook.secret, r)));
  const log = (await t.api('GET', `/api/v1/webhooks/${hook.id}/deliveries/${delivery!.id}`)).data.attemptLog as Json[];
  assert.deepEqual(log.map((a) => [a.number, a.responseStatus, a.succeeded]), [[1, 500, false], [2, 503, false], [3, 200, true]]);
  assert.equal((await t.api('GET', `/api/v1/webhooks/${hook.id}`)).data.failingSince, null, 'a success ends the failure streak');
  await disable(hook.id);
  receiver.reset();
});

test('three days of failed attempts: the delivery gives up, and the endpoint is disabled with an event', async () => {
  const hook = await endpoint();
  receiver.answer(...Array<number>(40).fill(500));
  await t.createTicket();
  await t.drain();
  for (let round = 0; round < 30; round++) {
    const [delivery] = await deliveriesOf(hook.id);
    if (delivery!.status !== 'pending') break;
    clock.set(new Date(delivery!.nextAttemptAt));
    await t.drain();
  }
  const [given] = await deliveriesOf(hook.id);
  assert.equal(given!.status, 'failed');
  assert.ok(given!.attempts >= 14 && given!.attempts <= 18, `about 16 attempts: ${given!.attempts}`);
  const failing = (await t.api('GET', `/api/v1/webhooks/${hook.id}`)).data;
  assert.equal(failing.enabled, true, 'one delivery stays within its own three days');
  assert.ok(failing.failingSince);

  // The next event's first attempt, three days after the streak began (the last retry's time depends on the jitter).
  clock.set(new Date(new Date(failing.failingSince).getTime() + 72 * 3_600_000));
  await t.createTicket();
  await t.drain();
  const after3Days = (await t.api('GET', `/api/v1/webhooks/${hook.id}`)).data;
  assert.deepEqual([after3Days.enabled, after3Days.disabledReason], [false, 'failing']);
  const [event] = await queryRows<{ payload: Json; cause: string }>(t.database.db, sql`select payload, cause from domain_events where type = 'webhook.endpoint_disabled' and aggregate_id = ${hook.id}`);
  assert.equal(event!.payload.reason, 'failing');
  assert.equal(event!.cause, 'system');
  receiver.reset();
});

test('a 410 disables the endpoint at once; its delivery is not retried and nothing more is sent', async () => {
  const hook = await endpoint();
  receiver.answer(410);
  await t.createTicket();
  await t.drain();
  const gone = (await t.api('GET', `/api/v1/webhooks/${hook.id}`)).data;
  assert.deepEqual([gone.enabled, gone.disabledReason], [false, 'gone']);
  const [delivery] = await deliveriesOf(hook.id);
  assert.deepEqual([delivery!.status, delivery!.lastResponseStatus, delivery!.nextAttemptAt], ['failed', 410, null]);
  const [event] = await queryRows<{ reason: string }>(t.database.db, sql`select payload->>'reason' as reason from domain_events where type = 'webhook.endpoint_disabled' and aggregate_id = ${hook.id}`);
  assert.equal(event!.reason, 'gone');
  const notices = (await t.api('GET', '/api/v1/notifications', { query: { unread: 1 } })).data.items as Json[];
  const notice = notices.find((n) => n.kind === 'admin_notice' && n.title.includes(new URL(receiver.url).host));
  assert.ok(notice, `the admins hear that the endpoint was disabled: ${JSON.stringify(notices)}`);
  assert.match(notice.title, /410/);
  await t.createTicket();
  await t.drain();
  assert.equal(receiver.received.length, 1);
  assert.equal((await deliveriesOf(hook.id)).length, 1, 'a disabled endpoint gets no new deliveries');
  receiver.reset();
});

test('replay sends a delivery again: a new attempt under the same webhook-id', async () => {
  const hook = await endpoint();
  await t.createTicket();
  await t.drain();
  const [delivery] = await deliveriesOf(hook.id);
  receiver.answer(502);
  const failed = await t.api('POST', `/api/v1/webhooks/${hook.id}/deliveries/${delivery!.id}/replay`);
  assert.equal(failed.statusCode, 200, failed.body);
  assert.deepEqual([failed.data.status, failed.data.attemptLog.length, failed.data.attemptLog[1].manual, failed.data.attemptLog[1].responseStatus], ['failed', 2, true, 502]);
  const replayed = await t.api('POST', `/api/v1/webhooks/${hook.id}/deliveries/${delivery!.id}/replay`);
  assert.deepEqual([replayed.data.status, replayed.data.attempts], ['delivered', 3]);
  assert.equal(receiver.received.length, 3);
  assert.equal(new Set(receiver.received.map((r) => r.headers['webhook-id'])).size, 1);
  assert.ok(receiver.received.every((r) => signedWith(hook.secret, r)));
  await t.drain();
  assert.equal(receiver.received.length, 3, 'a failed replay of a finished delivery schedules no retry');
  assertProblem(await t.api('POST', `/api/v1/webhooks/${hook.id}/deliveries/0193a8a0-0000-7000-8000-000000000001/replay`), 404, 'webhook.delivery_not_found');
  const events = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from domain_events where type = 'webhook.delivery_replayed' and aggregate_id = ${hook.id}`);
  assert.equal(events[0]!.n, 2);
  await disable(hook.id);
  receiver.reset();
});

test('rotation: both secrets sign until the old one expires, then only the new one', async () => {
  const hook = await endpoint();
  const rotated = await t.api('POST', `/api/v1/webhooks/${hook.id}/rotate-secret`, { body: { previousValidHours: 24 } });
  assert.equal(rotated.statusCode, 200, rotated.body);
  const fresh = rotated.data.secret as string;
  assert.notEqual(fresh, hook.secret);
  assert.equal(rotated.data.endpoint.secrets.length, 2);
  await t.createTicket();
  await t.drain();
  const both = receiver.received[0]!;
  assert.equal(String(both.headers['webhook-signature']).split(' ').length, 2);
  assert.ok(signedWith(fresh, both) && signedWith(hook.secret, both), 'either secret verifies');

  clock.advanceMinutes(25 * 60);
  await t.createTicket();
  await t.drain();
  const one = receiver.received[1]!;
  assert.equal(String(one.headers['webhook-signature']).split(' ').length, 1);
  assert.ok(signedWith(fresh, one));
  assert.ok(!signedWith(hook.secret, one), 'the old secret no longer verifies');
  assert.equal((await t.api('GET', `/api/v1/webhooks/${hook.id}`)).data.secrets.length, 1);
  await disable(hook.id);
  receiver.reset();
});

test('a crash between send and record loses nothing: the claim runs out and the delivery is sent again under its id', async () => {
  const hook = await endpoint();
  const deliveryId = await t.database.transaction((tx) => queueWebhookCall(tx, { endpointId: hook.id, eventType: 'rule.vip_escalated', payload: { ticketId: 'x' }, cause: 'rule:0193a8a0-0000-7000-8000-0000000000aa', at: clock.now() }));
  const deps = { database: t.database, clock, config: t.config, box: webhookSecretBox(t.config) };
  const claimed = await claimDueDeliveries(deps);
  assert.deepEqual(claimed.map((c) => c.delivery.id), [deliveryId]);
  const outcome = await sendClaimed(deps, claimed[0]!);
  assert.equal(outcome.succeeded, true);
  // The process dies here: the outcome is never recorded.
  assert.equal(receiver.received.length, 1);
  await t.drain();
  assert.equal(receiver.received.length, 1, 'another worker leaves a claimed delivery alone while the claim lasts');
  clock.advanceMinutes(1.1);
  await t.drain();
  assert.equal(receiver.received.length, 2, 'sent again once the claim ran out');
  assert.equal(receiver.received[0]!.headers['webhook-id'], receiver.received[1]!.headers['webhook-id'], 'receivers dedupe by webhook-id');
  const detail = (await t.api('GET', `/api/v1/webhooks/${hook.id}/deliveries/${deliveryId}`)).data;
  assert.deepEqual([detail.status, detail.attempts, detail.attemptLog.length, detail.cause, detail.eventType], ['delivered', 2, 1, 'rule:0193a8a0-0000-7000-8000-0000000000aa', 'rule.vip_escalated']);
  assert.ok(receiver.received.every((r) => signedWith(hook.secret, r)));
  await disable(hook.id);
  receiver.reset();
});

test("a rule's webhook call is queued in its transaction: nothing when it rolls back, and a 400 naming the field when too large", async () => {
  const hook = await endpoint();
  await assert.rejects(
    t.database.transaction(async (tx) => {
      await queueWebhookCall(tx, { endpointId: hook.id, eventType: 'rule.fired', payload: {}, cause: 'rule:r1', at: clock.now() });
      throw new Error("the rule's transaction fails");
    }),
  );
  await t.drain();
  assert.equal(receiver.received.length, 0);
  await assert.rejects(
    t.database.transaction((tx) => queueWebhookCall(tx, { endpointId: hook.id, eventType: 'rule.fired', payload: { text: 'x'.repeat(21_000) }, cause: 'rule:r1' })),
    (error: Json) => error.errors?.[0]?.path === 'payload' && error.errors[0].code === 'webhook.payload_too_large',
  );
  await disable(hook.id);
});

test('send test event: one signed webhook.test attempted at once; the log pages and filters by status', async () => {
  const hook = await endpoint();
  const ok = await t.api('POST', `/api/v1/webhooks/${hook.id}/test`);
  assert.equal(ok.statusCode, 200, ok.body);
  assert.deepEqual([ok.data.eventType, ok.data.status, ok.data.attemptLog[0].responseStatus], ['webhook.test', 'delivered', 200]);
  assert.ok(signedWith(hook.secret, receiver.received[0]!));
  assert.equal(JSON.parse(receiver.received[0]!.body).type, 'webhook.test');
  receiver.answer(500);
  const bad = await t.api('POST', `/api/v1/webhooks/${hook.id}/test`);
  assert.deepEqual([bad.data.status, bad.data.attemptLog[0].responseStatus, bad.data.attemptLog[0].responseBody], ['failed', 500, 'failed with 500']);
  await t.drain();
  assert.equal(receiver.received.length, 2, 'a test is not retried');
  await t.api('POST', `/api/v1/webhooks/${hook.id}/test`);

  const first = await t.api('GET', `/api/v1/webhooks/${hook.id}/deliveries`, { query: { limit: 2 } });
  assert.equal(first.data.items.length, 2);
  assert.ok(first.data.nextCursor);
  const second = await t.api('GET', `/api/v1/webhooks/${hook.id}/deliveries`, { query: { limit: 2, cursor: first.data.nextCursor } });
  assert.equal(second.data.items.length, 1);
  assert.equal(second.data.nextCursor, null);
  assert.equal(second.data.items[0].id, ok.data.id, 'newest first: the first test is last');
  const failedOnly = await t.api('GET', `/api/v1/webhooks/${hook.id}/deliveries`, { query: { status: 'failed' } });
  assert.deepEqual(failedOnly.data.items.map((d: Json) => d.id), [bad.data.id]);
  assert.equal(assertProblem(await t.api('GET', `/api/v1/webhooks/${hook.id}/deliveries`, { query: { cursor: 'nonsense' } }), 400, 'validation.failed').errors?.[0]?.path, 'cursor');
  assert.equal(assertProblem(await t.api('GET', `/api/v1/webhooks/${hook.id}/deliveries`, { query: { status: 'lost' } }), 400, 'validation.failed').errors?.[0]?.path, 'status');
  await disable(hook.id);
  receiver.reset();
});

test('an internal address that is not allowlisted is refused at save and at send', async () => {
  const strict = await createTestApp({ OPENCSM_OUTBOUND_ALLOW: '' }, { clock });
  try {
    const refused = await strict.api('POST', '/api/v1/webhooks', { body: { url: receiver.url.replace('http:', 'https:'), eventTypes: ['ticket.created'] } });
    assert.deepEqual(assertProblem(refused, 400, 'validation.failed').errors?.map((e) => [e.path, e.code]), [['url', 'outbound.address_refused']]);
    assert.equal(assertProblem(await strict.api('POST', '/api/v1/webhooks', { body: { url: receiver.url, eventTypes: ['ticket.created'] } }), 400, 'validation.failed').errors?.[0]?.code, 'webhook.url_http_not_allowed');

    // An admin allowlists the receiver, saves the endpoint, then takes the entry back: the send is refused.
    assert.equal((await strict.api('PUT', '/api/v1/settings/security', { body: { outboundAllow: ['127.0.0.1'] }, ifMatch: 0 })).statusCode, 200);
    const created = await strict.api('POST', '/api/v1/webhooks', { body: { url: receiver.url, eventTypes: ['ticket.created'] } });
    assert.equal(created.statusCode, 201, created.body);
    assert.equal((await strict.api('PUT', '/api/v1/settings/security', { body: { outboundAllow: [] }, ifMatch: 1 })).statusCode, 200);
    await strict.createTicket();
    await strict.drain();
    assert.equal(receiver.received.length, 0, 'nothing reached the loopback receiver');
    const [delivery] = (await strict.api('GET', `/api/v1/webhooks/${created.data.endpoint.id}/deliveries`)).data.items;
    assert.deepEqual([delivery.status, delivery.lastError, delivery.lastResponseStatus], ['pending', 'outbound.address_refused', null]);
  } finally {
    await strict.close();
  }
});

test('a repeated delivery job makes no second delivery (one row per endpoint and event)', async () => {
  const hook = await endpoint({ eventTypes: ['ticket.updated'] });
  const ticket = await t.createTicket();
  await t.api('PATCH', `/api/v1/tickets/${ticket.id}`, { body: { priority: 'high' }, ifMatch: ticket.version });
  await t.drain();
  const [eventRow] = await queryRows<{ id: string }>(t.database.db, sql`select id::text from domain_events where type = 'ticket.updated' and aggregate_id = ${ticket.id}`);
  // The relay's job for that event, made again (a job retried after its handler's commit).
  await t.database.transaction((tx) => tx.execute(sql`insert into jobs (id, type, payload, run_at, max_attempts, event_id) values (gen_random_uuid(), 'webhooks.queue', '{}'::jsonb, now(), 8, ${eventRow!.id}::bigint)`));
  await t.drain();
  const deliveries = await deliveriesOf(hook.id);
  assert.equal(deliveries.length, 1);
  assert.equal(receiver.received.length, 1);
  const body = JSON.parse(receiver.received[0]!.body);
  assert.deepEqual([body.type, body.data.ticketId, body.data.number, body.data.fields, body.data.changes.priority.to], ['ticket.updated', ticket.id, ticket.number, ['priority'], 'high']);
  await disable(hook.id);
  receiver.reset();
});

test('an endpoint deleted while its delivery was out: the outcome is dropped, nothing fails', async () => {
  const hook = await endpoint();
  await t.database.transaction((tx) => queueWebhookCall(tx, { endpointId: hook.id, eventType: 'rule.fired', payload: {}, cause: 'rule:r2', at: clock.now() }));
  const deps = { database: t.database, clock, config: t.config, box: webhookSecretBox(t.config) };
  const [claimed] = await claimDueDeliveries(deps);
  const outcome = await sendClaimed(deps, claimed!);
  assert.equal((await t.api('DELETE', `/api/v1/webhooks/${hook.id}`, { ifMatch: 1 })).statusCode, 204);
  await recordOutcomes(deps, [{ claimed: claimed!, outcome }]);
  const left = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from webhook_attempts a join webhook_deliveries d on d.id = a.delivery_id where d.endpoint_id = ${hook.id}`);
  assert.equal(left[0]!.n, 0);
  receiver.reset();
});

test("a disabled endpoint's pending deliveries wait without a due time, and go out when it is enabled again", async () => {
  const hook = await endpoint();
  receiver.answer(500);
  await t.createTicket();
  await t.drain();
  const [pending] = await deliveriesOf(hook.id);
  assert.equal(pending!.status, 'pending');
  await disable(hook.id);
  const [parked] = await queryRows<{ next: Date | null }>(t.database.db, sql`select next_attempt_at as next from webhook_deliveries where id = ${pending!.id}`);
  assert.equal(parked!.next, null, 'out of the due index');
  clock.advanceMinutes(10);
  await t.drain();
  assert.equal(receiver.received.length, 1, 'nothing sent while disabled');
  const { version } = (await t.api('GET', `/api/v1/webhooks/${hook.id}`)).data;
  await t.api('PATCH', `/api/v1/webhooks/${hook.id}`, { body: { enabled: true }, ifMatch: version });
  await t.drain();
  assert.equal(receiver.received.length, 2);
  const [sent] = await deliveriesOf(hook.id);
  assert.deepEqual([sent!.status, sent!.attempts], ['delivered', 2]);
  await disable(hook.id);
  receiver.reset();
});

test('redirects are not followed, and a receiver that does not answer in time is a failed attempt', async () => {
  const hook = await endpoint();
  const deps = { database: t.database, clock, config: t.config, box: webhookSecretBox(t.config), timeoutMs: 300 };
  receiver.answer(302, 0);
  for (const expected of [{ status: 302, error: 'HTTP 302' }, { status: null, error: 'no answer within 0.3 s' }]) {
    await t.database.transaction((tx) => queueWebhookCall(tx, { endpointId: hook.id, eventType: 'rule.fired', payload: {}, cause: 'rule:r3', at: clock.now() }));
    const [claimed] = await claimDueDeliveries(deps);
    const outcome = await sendClaimed(deps, claimed!);
    assert.deepEqual([outcome.succeeded, outcome.status, outcome.error], [false, expected.status, expected.error]);
    await recordOutcomes(deps, [{ claimed: claimed!, outcome }]);
  }
  assert.deepEqual(receiver.received.map((r) => r.path), ['/hooks', '/hooks'], 'the redirect target was never asked');
  await disable(hook.id);
  receiver.reset();
});
