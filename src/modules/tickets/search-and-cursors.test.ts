import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../app/test-app.js';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

test('creates a ticket and finds it by Chinese search', async () => {
  const res = await t.api('POST', '/api/v1/tickets', { body: { subject: '客户反映打印机无法连接网络', description: 'x' } });
  assert.equal(res.statusCode, 201, res.body);
  await t.drain();
  const found = await t.api('GET', `/api/v1/tickets?q=${encodeURIComponent('网络')}`);
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
    const res = await t.api('GET', `/api/v1/tickets?cursor=${encodeURIComponent(cursor)}`);
    assert.equal(res.statusCode, 400, cursor);
    assert.equal(res.json().errors[0].path, 'cursor');
  }
  for (const r of [1e300, 1e-300, -1]) {
    const res = await t.api('GET', `/api/v1/tickets?q=x&cursor=${forge({ r, i: id })}`);
    assert.equal(res.statusCode, 400, String(r));
  }
});

test('a ticket with megabytes of pasted logs is indexed (capped) and does not block others', async () => {
  const { randomBytes } = await import('node:crypto');
  const big = (await t.api('POST', '/api/v1/tickets', { body: { subject: '巨大日志工单', description: '见回复' } })).json();
  for (let i = 0; i < 6; i++) {
    const words = Array.from({ length: 11_000 }, () => randomBytes(4).toString('hex')).join(' ');
    const res = await t.api('POST', `/api/v1/tickets/${big.id}/messages`, { body: { body: words, internal: true } });
    assert.equal(res.statusCode, 201);
  }
  const neighbour = (await t.api('POST', '/api/v1/tickets', { body: { subject: '扫描仪卡纸', description: '' } })).json();
  await t.drain();
  for (const [q, id] of [['巨大日志', big.id], ['扫描仪', neighbour.id]]) {
    const found = await t.api('GET', `/api/v1/tickets?q=${encodeURIComponent(q)}`);
    assert.deepEqual(found.json().items.map((x: { id: string }) => x.id), [id], q);
  }
});
