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
