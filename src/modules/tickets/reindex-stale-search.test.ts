import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../app/test-app.js';
import { queryRows } from '../../db/database.js';

/**
 * An upgrade changes the segmenter: documents written by the old one (no character positions)
 * must not stay unfindable until someone remembers a manual reindex. The worker rebuilds them.
 */
let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

const found = async (q: string) => (await t.api('GET', '/api/v1/tickets', { query: { q, limit: 50 } })).data.items.map((i: { id: string }) => i.id);

test('documents of an older segmenter are rebuilt by the worker, and then found by phrase', async () => {
  const ticket = await t.createTicket({ subject: '外卖等了40分钟还没到', description: '用app点的' });
  await t.drain();
  assert.deepEqual(await found('40分钟'), [ticket.id]);

  // As an upgraded installation has them: an old-style document, marked as written by segmenter 1.
  await t.database.transaction((tx) => tx.execute(sql`update ticket_search set segmenter = 1, document = to_tsvector('simple', '外卖') where ticket_id = ${ticket.id}`));
  assert.deepEqual(await found('40分钟'), [], 'the old document does not answer the phrase');

  await t.drain();
  assert.deepEqual(await found('40分钟'), [ticket.id]);
  assert.deepEqual(await found('app'), [ticket.id]);
  const [row] = await queryRows<{ segmenter: number }>(t.database.db, sql`select segmenter from ticket_search where ticket_id = ${ticket.id}`);
  assert.equal(row!.segmenter, 2);
});
