import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../app/test-app.js';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

test('creates a ticket and finds it by Chinese search', async () => {
  const res = await t.server.inject({ method: 'POST', url: '/api/v1/tickets', headers: t.admin.headers, payload: { subject: '客户反映打印机无法连接网络', description: 'x' } });
  assert.equal(res.statusCode, 201, res.body);
  await t.drain();
  const found = await t.server.inject({ method: 'GET', url: `/api/v1/tickets?q=${encodeURIComponent('网络')}`, headers: t.admin.headers });
  assert.equal(found.statusCode, 200, found.body);
  assert.equal(found.json().items.length, 1);
});

test('forged cursors are a 400 naming cursor, never a database error', async () => {
  const forge = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const id = '0190a0a0-0000-7000-8000-000000000000';
  for (const cursor of [
    forge({ u: '2026-11-23T00:00:00.000Z', i: '-'.repeat(36) }),
    forge({ u: '1', i: id }),
    forge({ u: 'May 5', i: id }),
    forge({ u: '+275760-09-13T00:00:00.000Z', i: id }),
    'not base64 json',
  ]) {
    const res = await t.server.inject({ method: 'GET', url: `/api/v1/tickets?cursor=${encodeURIComponent(cursor)}`, headers: t.admin.headers });
    assert.equal(res.statusCode, 400, cursor);
    assert.equal(res.json().errors[0].path, 'cursor');
  }
  for (const r of [1e300, 1e-300, -1]) {
    const res = await t.server.inject({ method: 'GET', url: `/api/v1/tickets?q=x&cursor=${forge({ r, i: id })}`, headers: t.admin.headers });
    assert.equal(res.statusCode, 400, String(r));
  }
});
