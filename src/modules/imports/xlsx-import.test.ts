import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../app/test-app.js';
import { dryRun, run, upload, type Json } from './import-test-helpers.js';

/**
 * An .xlsx read with exceljs' streaming reader: a header under merged group cells, numbers typed
 * as numbers (a phone is fine, an 18-digit id Excel already rounded is reported), text ids with
 * leading zeros kept, a date cell read as its calendar day.
 */
let t: TestApp;
before(async () => {
  t = await createTestApp();
  assert.equal((await t.api('POST', '/api/v1/contact-fields', { body: { key: 'joined_on', label: { 'zh-CN': '入会日期', en: 'Joined on' }, type: 'date' } })).statusCode, 201);
});
after(() => t.close());

async function workbook(): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('客户');
  sheet.addRow(['基本信息', '', '联系方式', '', '']);
  sheet.mergeCells('A1:B1');
  sheet.mergeCells('C1:E1');
  sheet.addRow(['姓名', '入会日期', '手机', '邮箱', '外部编号']);
  sheet.addRow(['钱七', new Date(Date.UTC(2024, 2, 5)), 13800138000, 'QIAN@example.com', '001234']);
  sheet.addRow([]);
  sheet.addRow(['孙八', 45356, 13900139000, '', 123456789012345678]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

test('a merged group row over the header, numbers kept exact or reported', async () => {
  const job = await upload(t, '客户.xlsx', await workbook());
  assert.equal(job.headerRow, 2);
  assert.deepEqual(job.mapping.map((m: Json) => m.target), ['name', 'fields.joined_on', 'phone', 'email', 'externalId']);
  const report = await dryRun(t, job.id);
  assert.deepEqual(report.counts, { created: 1, updated: 0, skipped: 0, rejected: 1 });
  assert.equal(report.rejected[0].row, 5, 'the blank row keeps the numbering');
  assert.equal(report.rejected[0].reason, 'imports.reject.precision_lost');
  const done = await run(t, job.id);
  assert.deepEqual(done.counts, report.counts);
  const qian = (await t.api('GET', '/api/v1/contacts/lookup', { query: { phone: '13800138000' } })).data;
  const detail = (await t.api('GET', `/api/v1/contacts/${qian.id}`)).data;
  assert.equal(detail.fields.joined_on, '2024-03-05');
  assert.equal(qian.email, 'qian@example.com');
  // The text id with its leading zeros finds the same contact again.
  const again = await upload(t, '客户.xlsx', await workbook());
  await t.api('PATCH', `/api/v1/imports/${again.id}`, { body: { mapping: [{ column: 2, target: null }, { column: 3, target: null }], dedupRule: 'create' } });
  const second = await dryRun(t, again.id);
  assert.equal(second.rejected[0].reason, 'imports.reject.duplicate_existing');
  assert.equal(second.rejected[0].row, 3);
});
