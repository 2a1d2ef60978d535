import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { pino } from 'pino';
import { createApp, type App } from '../../app/create-app.js';
import { createTestClient, type TestClient } from '../../app/test-client.js';
import { createTestApp, type TestApp } from '../../app/test-app.js';
import type { Database } from '../../db/database.js';
import { openPostgres } from '../../db/postgres.js';

/**
 * Field and form changes reach every server process within 2 s (issue 14 §6): a second app on the
 * same database — on PostgreSQL with its own connection pool, as a second process has — accepts a
 * field added through the first, and applies a form version published through the first, although
 * it had judged tickets with the older definitions just before. Polled against a deadline.
 */
let t: TestApp;
let other: App;
let otherClient: TestClient;
let otherDatabase: Database;
before(async () => {
  t = await createTestApp();
  const url = 'url' in t.database && typeof t.database.url === 'string' ? t.database.url : undefined;
  otherDatabase = url ? await openPostgres(url, 5) : t.database;
  other = await createApp(t.config, otherDatabase, { log: pino({ level: 'silent' }) });
  otherClient = createTestClient(other.server, t.admin);
});
after(async () => {
  await other.server.close();
  if (otherDatabase !== t.database) await otherDatabase.close();
  await t.close();
});

/** Repeats `attempt` until it answers true or 2 s have passed; returns how long it took. */
async function within2s(attempt: () => Promise<boolean>): Promise<number> {
  const started = performance.now();
  for (;;) {
    if (await attempt()) return performance.now() - started;
    assert.ok(performance.now() - started < 2000, 'not seen by the other process within 2 s');
  }
}

describe('two server processes on one database', () => {
  test('a field added through one is accepted by a ticket create through the other', async () => {
    const field = await t.api('POST', '/api/v1/ticket-fields', { body: { key: 'odour', label: { 'zh-CN': '气味' }, type: 'text' } });
    assert.equal(field.statusCode, 201, field.body);
    await within2s(async () => (await otherClient.api('POST', '/api/v1/tickets', { body: { subject: '异味', fields: { odour: '刺鼻' } } })).statusCode === 201);
  });

  test('a form version published through one is enforced by the other, which had just used the previous one', async () => {
    const form = (required: boolean) => ({ sections: [{ key: 'main', label: { 'zh-CN': '信息' }, fields: [{ key: 'odour', required }] }] });
    assert.equal((await t.api('POST', '/api/v1/ticket-types', { body: { key: 'smell', label: { 'zh-CN': '异味投诉' }, form: form(false) } })).statusCode, 201);
    assert.equal((await otherClient.api('POST', '/api/v1/tickets', { body: { subject: '异味', type: 'smell' } })).statusCode, 201, 'version 1 requires nothing');
    assert.equal((await t.api('POST', '/api/v1/ticket-types/smell/versions', { body: { form: form(true) } })).statusCode, 201);
    await within2s(async () => {
      const res = await otherClient.api('POST', '/api/v1/tickets', { body: { subject: '异味', type: 'smell' } });
      return res.statusCode === 400 && res.data.errors?.[0]?.path === 'fields.odour';
    });
    const etag = (await t.api('GET', '/api/v1/ticket-types/smell/form')).headers.etag;
    assert.equal((await otherClient.api('GET', '/api/v1/ticket-types/smell/form')).headers.etag, etag, 'both processes give the form the same ETag');
  });
});
