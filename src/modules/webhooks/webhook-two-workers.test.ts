import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { pino } from 'pino';
import { createApp, type App } from '../../app/create-app.js';
import { createTestApp, type TestApp } from '../../app/test-app.js';
import type { Database } from '../../db/database.js';
import { openPostgres } from '../../db/postgres.js';
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver-kit.js';

/**
 * Two workers share the due deliveries: a second app on the same database (on PostgreSQL with its
 * own pool, as a second process has) runs its worker at the same time as the first; every event is
 * delivered exactly once, in one attempt, whichever worker claimed it.
 */
let t: TestApp;
let other: App;
let otherDatabase: Database;
let receiver: WebhookReceiver;

before(async () => {
  t = await createTestApp();
  const url = 'url' in t.database && typeof t.database.url === 'string' ? t.database.url : undefined;
  otherDatabase = url ? await openPostgres(url, 5) : t.database;
  other = await createApp(t.config, otherDatabase, { log: pino({ level: 'silent' }) });
  receiver = await startWebhookReceiver();
});
after(async () => {
  await receiver.close();
  await other.worker.stop();
  await other.server.close();
  if (otherDatabase !== t.database) await otherDatabase.close();
  await t.close();
});

test('40 tickets, two workers at once: each delivered exactly once', async () => {
  const created = await t.api('POST', '/api/v1/webhooks', { body: { url: receiver.url, eventTypes: ['ticket.created'] } });
  assert.equal(created.statusCode, 201, created.body);
  const numbers = new Set<string>();
  for (let i = 0; i < 40; i++) numbers.add((await t.createTicket({ subject: `并发 ${i}` })).number);
  await Promise.all([t.drain(), other.worker.runUntilIdle()]);
  await t.drain();
  const ids = receiver.received.map((r) => String(r.headers['webhook-id']));
  assert.equal(ids.length, 40, 'no event sent twice, none lost');
  assert.equal(new Set(ids).size, 40);
  assert.deepEqual(new Set(receiver.received.map((r) => JSON.parse(r.body).data.number as string)), numbers);
  const log = await t.api('GET', `/api/v1/webhooks/${created.data.endpoint.id}/deliveries`, { query: { limit: 100 } });
  assert.ok(log.data.items.every((d: { status: string; attempts: number }) => d.status === 'delivered' && d.attempts === 1));
});
