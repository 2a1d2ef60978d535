import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../app/test-app.js';
import { runImport } from './run-import.js';
import { csv, upload, type Json } from './import-test-helpers.js';

/**
 * Rollback (issue 21 §2): a batch is undone after a later batch committed — what it created goes,
 * what it updated is restored from its before-image — except a contact a person edited since,
 * which is listed and left as they made it. Run with batches of 2 rows to get several batches.
 */
let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

const phone = (n: number) => `1380013${String(8000 + n).padStart(4, '0')}`;
const lookup = async (n: number): Promise<Json> => {
  const res = await t.api('GET', '/api/v1/contacts/lookup', { query: { phone: phone(n) } });
  return res.statusCode === 200 ? res.data : null;
};

test('rollback of the first batch after a later one, refusing the row an agent edited', async () => {
  // An existing contact the import will update (row 2, first batch).
  const existing = await t.api('POST', '/api/v1/contacts', { body: { name: '老客户', notes: '原备注', identities: [{ kind: 'phone', value: phone(1) }] } });
  assert.equal(existing.statusCode, 201, existing.body);
  const rows = [['姓名', '电话', '备注'], ['老客户', phone(1), '导入备注'], ['新客户二', phone(2), ''], ['新客户三', phone(3), ''], ['新客户四', phone(4), ''], ['新客户五', phone(5), '']];
  const job = await upload(t, 'batches.csv', csv(rows));
  await t.api('PATCH', `/api/v1/imports/${job.id}`, { body: { dedupRule: 'update' } });
  assert.equal((await t.api('POST', `/api/v1/imports/${job.id}/run`)).statusCode, 202);
  const deps = { database: t.database, fieldTypes: t.context.fieldTypes, dataDir: t.config.OPENCSM_DATA_DIR };
  const done = await runImport(deps, job.id, { batchSize: 2 });
  assert.deepEqual(done.counts, { created: 4, updated: 1, skipped: 0, rejected: 0 });
  const batches = (await t.api('GET', `/api/v1/imports/${job.id}`)).data.batches;
  assert.equal(batches.length, 3);
  assert.equal((await lookup(1)).id, existing.data.id);
  assert.equal((await t.api('GET', `/api/v1/contacts/${existing.data.id}`)).data.notes, '导入备注');

  // An agent edits 新客户二 (created by the first batch) after the import.
  const edited = await lookup(2);
  assert.equal((await t.api('PATCH', `/api/v1/contacts/${edited.id}`, { body: { notes: '客服补充' } })).statusCode, 200);

  const res = await t.api('POST', `/api/v1/imports/${job.id}/rollback`, { body: { batchId: batches[0].id } });
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual(res.data.batches[0].refused, [{ row: 3, entityId: edited.id, reason: 'changed' }]);
  assert.equal(res.data.batches[0].restored, 1);
  assert.equal((await t.api('GET', `/api/v1/contacts/${existing.data.id}`)).data.notes, '原备注', 'restored from its before-image');
  assert.equal((await t.api('GET', `/api/v1/contacts/${edited.id}`)).data.notes, '客服补充', 'the edit is kept');
  assert.ok(await lookup(3), 'the later batches are untouched');
  assert.ok(await lookup(5));

  // A ticket from 新客户四 (row 5, in the second batch) keeps that contact: it is in use.
  const asker = await lookup(4);
  await t.createTicket({ subject: '导入后来电', requester: { phone: phone(4) } });
  // Rolling back the rest removes exactly what they created, except the contact in use.
  const rest = await t.api('POST', `/api/v1/imports/${job.id}/rollback`, { body: {} });
  assert.deepEqual(rest.data.batches.map((b: Json) => b.removed), [1, 1]);
  assert.deepEqual(rest.data.batches.flatMap((b: Json) => b.refused), [{ row: 5, entityId: asker.id, reason: 'in_use' }]);
  for (const n of [3, 5]) assert.equal(await lookup(n), null);
  assert.equal((await lookup(4)).id, asker.id);
  assert.ok(await lookup(1));
  const again = await t.api('POST', `/api/v1/imports/${job.id}/rollback`, { body: { batchId: batches[0].id } });
  assert.equal(again.statusCode, 409);
});
