import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { assertProblem, createTestApp, type TestApp } from '../../app/test-app.js';
import { listAggregateEvents } from '../../jobs/events.js';
import { csv, dryRun, run, upload, type Json } from './import-test-helpers.js';

/**
 * Issue 21, contacts and organisations: a GBK file with 电话 written every way, duplicates in the
 * file and against existing contacts, each dedup rule, honest counts, value maps onto a select
 * field, dates, and an 18-digit id kept exact.
 */
let t: TestApp;
before(async () => {
  t = await createTestApp();
  const option = (value: string, zh: string) => ({ value, label: { 'zh-CN': zh, en: '' } });
  for (const field of [
    { key: 'industry', label: { 'zh-CN': '客户行业', en: 'Industry' }, type: 'select', options: [option('retail', '零售'), option('energy', '能源')] },
    { key: 'id_number', label: { 'zh-CN': '身份证号', en: 'ID number' }, type: 'text' },
    { key: 'signed_on', label: { 'zh-CN': '签约日期', en: 'Signed on' }, type: 'date' },
  ]) assert.equal((await t.api('POST', '/api/v1/contact-fields', { body: field })).statusCode, 201);
  assert.equal((await t.api('POST', '/api/v1/organizations', { body: { name: '青海盐湖公司' } })).statusCode, 201);
});
after(() => t.close());

const contactByPhone = async (phone: string): Promise<Json> => {
  const res = await t.api('GET', '/api/v1/contacts/lookup', { query: { phone } });
  return res.statusCode === 200 ? res.data : null;
};

describe('a GBK CSV of contacts', () => {
  let job: Json;
  const rows = [
    ['2024 客户名单'],
    [],
    ['姓名', '电话', '邮箱', '公司', '身份证号', '签约日期', '客户行业'],
    ['张三', '+86 138 0013 8000', 'ZhangSan@Example.COM', '青海盐湖公司', '630102199001010012', '2024年3月5日', '零售'],
    ['李四', '139-0013-9000', '', '', '000123456789012345', '45356', '能源'],
    ['王五', '１３７００１３７０００', '', '', '', '2024/3/5', ''],
    ['赵六', '0971-6123456', '', '', '', '2024-03-05', ''],
    ['张三（重复）', '13800138000', '', '', '', '', ''],
    ['坏号码', '12345abc', '', '', '', '', ''],
    ['坏日期', '13600136000', '', '', '', '2024年13月5日', ''],
    ['无公司', '13500135000', '', '不存在公司', '', '', ''],
  ];

  test('is read as GB18030, its header found under the title, columns mapped by name', async () => {
    job = await upload(t, '客户.csv', csv(rows, 'gbk'));
    assert.equal(job.encoding, 'gb18030');
    assert.equal(job.headerRow, 3);
    assert.deepEqual(job.mapping.map((m: Json) => m.target), ['name', 'phone', 'email', 'organisation', 'fields.id_number', 'fields.signed_on', 'fields.industry']);
    assert.equal(job.samples[0][0], '张三');
  });

  test('a value map turns the column\'s words into the select field\'s options', async () => {
    const res = await t.api('PATCH', `/api/v1/imports/${job.id}`, { body: { valueMaps: { 'fields.industry': { 零售: 'retail', 能源: 'energy' } }, dedupRule: 'create' } });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.data.settingsVersion, 2);
  });

  test('the dry run counts what the run then commits, rejected rows with row numbers and reasons', async () => {
    const report = await dryRun(t, job.id);
    assert.deepEqual(report.counts, { created: 4, updated: 0, skipped: 0, rejected: 4 });
    assert.deepEqual(report.rejected.map((r: Json) => [r.row, r.reason]), [
      [8, 'imports.reject.duplicate_in_file'],
      [9, 'imports.reject.invalid_phone'],
      [10, 'imports.reject.invalid_date'],
      [11, 'imports.reject.unknown_organisation'],
    ]);
    assert.match(report.rejected[1].message, /12345abc/);
    assert.equal(await contactByPhone('13800138000'), null, 'a dry run writes nothing');
    const done = await run(t, job.id);
    assert.deepEqual(done.counts, report.counts);
  });

  test('phones are E.164, emails lower-cased, ids and dates exact', async () => {
    const zhang = await contactByPhone('13800138000');
    assert.equal(zhang.name, '张三');
    assert.equal(zhang.email, 'zhangsan@example.com');
    assert.equal(zhang.organization.name, '青海盐湖公司');
    const detail = (await t.api('GET', `/api/v1/contacts/${zhang.id}`)).data;
    assert.deepEqual(detail.fields, { id_number: '630102199001010012', signed_on: '2024-03-05', industry: 'retail' });
    const li = (await t.api('GET', `/api/v1/contacts/${(await contactByPhone('+86 139 0013 9000')).id}`)).data;
    assert.equal(li.fields.id_number, '000123456789012345');
    assert.equal(li.fields.signed_on, '2024-03-05', 'Excel serial 45356');
    assert.equal((await contactByPhone('13700137000')).name, '王五', 'full-width digits');
    assert.equal((await contactByPhone('+8609716123456')).name, '赵六');
  });

  test('every change is caused by its batch, so rules and notifications leave it alone', async () => {
    const zhang = await contactByPhone('13800138000');
    const [created] = await listAggregateEvents(t.database.db, 'contact', [zhang.id]);
    const detail = (await t.api('GET', `/api/v1/imports/${job.id}`)).data;
    assert.equal(created!.cause, `import:${detail.batches[0].id}`);
  });

  test('the rejected rows download as Excel, formulas defused', async () => {
    const res = await t.server.inject({ method: 'GET', url: `/api/v1/imports/${job.id}/rejected.xlsx`, headers: t.admin.headers });
    assert.equal(res.statusCode, 200);
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    assert.equal(sheet.rowCount, 5);
    assert.equal(sheet.getRow(3).getCell(1).value, 9);
    assert.match(String(sheet.getRow(3).getCell(2).value), /不是有效的电话号码/);
  });
});

describe('dedup rules against existing contacts', () => {
  const file = (name: string) => csv([['姓名', '手机号', '邮箱', '备注'], [name, '13800138000', 'new@example.com', '新备注']], 'utf-8-bom');

  test('skip leaves the contact; create rejects the duplicate; merge fills only what is empty; update overwrites', async () => {
    const outcome = async (rule: string, name: string) => {
      const job = await upload(t, 'dup.csv', file(name));
      assert.equal(job.encoding, 'utf-8');
      await t.api('PATCH', `/api/v1/imports/${job.id}`, { body: { dedupRule: rule } });
      const report = await dryRun(t, job.id);
      const done = await run(t, job.id);
      assert.deepEqual(done.counts, report.counts, rule);
      return done.counts;
    };
    assert.deepEqual(await outcome('skip', '张三丰'), { created: 0, updated: 0, skipped: 1, rejected: 0 });
    assert.deepEqual(await outcome('create', '张三丰'), { created: 0, updated: 0, skipped: 0, rejected: 1 });
    assert.deepEqual(await outcome('merge', '张三丰'), { created: 0, updated: 1, skipped: 0, rejected: 0 });
    let zhang = (await t.api('GET', `/api/v1/contacts/${(await contactByPhone('13800138000')).id}`)).data;
    assert.equal(zhang.name, '张三', 'merge keeps the existing name');
    assert.equal(zhang.notes, '新备注', 'merge fills the empty notes');
    assert.ok(zhang.identities.some((i: Json) => i.value === 'new@example.com'), 'merge adds the new identity');
    assert.deepEqual(await outcome('update', '张三丰'), { created: 0, updated: 1, skipped: 0, rejected: 0 });
    zhang = (await t.api('GET', `/api/v1/contacts/${zhang.id}`)).data;
    assert.equal(zhang.name, '张三丰');
  });

  test('a row matching two different contacts is rejected, not guessed', async () => {
    const job = await upload(t, 'two.csv', csv([['姓名', '电话', '邮箱'], ['谁', '13900139000', 'new@example.com']]));
    await t.api('PATCH', `/api/v1/imports/${job.id}`, { body: { dedupRule: 'update' } });
    const report = await dryRun(t, job.id);
    assert.deepEqual(report.rejected.map((r: Json) => r.reason), ['imports.reject.ambiguous_match']);
  });
});

describe('organisations, templates and bad input', () => {
  test('organisations by name: a template maps the next file the same way', async () => {
    const saved = await t.api('POST', '/api/v1/import-templates', { body: { name: '老系统公司', entity: 'organisations', columns: { 单位全称: 'name', 代码: 'externalId' }, dedupRule: 'skip' } });
    assert.equal(saved.statusCode, 201, saved.body);
    const job = await upload(t, 'orgs.csv', csv([['单位全称', '代码'], ['青海盐湖公司', 'A1'], ['西宁新能源', 'A2'], ['西宁新能源', 'A2']]), { entity: 'organisations', template: '老系统公司' });
    assert.deepEqual(job.mapping.map((m: Json) => m.target), ['name', 'externalId']);
    const done = await run(t, job.id);
    assert.deepEqual(done.counts, { created: 1, updated: 0, skipped: 2, rejected: 0 });
  });

  test('problems name the field', async () => {
    const job = await upload(t, 'x.csv', csv([['姓名'], ['甲']]));
    const problem = assertProblem(await t.api('PATCH', `/api/v1/imports/${job.id}`, { body: { mapping: [{ column: 0, target: 'fields.nope' }] } }), 400, 'validation.failed');
    assert.deepEqual(problem.errors?.map((e) => [e.path, e.code]), [['mapping.0.target', 'imports.unknown_target']]);
    const body = (await import('./import-test-helpers.js')).multipart('a.txt', Buffer.from('x'));
    const res = await t.server.inject({ method: 'POST', url: '/api/v1/imports?entity=contacts', headers: { ...t.admin.headers, ...body.headers }, payload: body.payload });
    assert.deepEqual(assertProblem(res, 400, 'validation.failed').errors?.map((e) => e.path), ['file']);
    const agent = await t.user('agent');
    assert.equal((await t.api('GET', '/api/v1/imports', { as: agent })).statusCode, 403);
  });
});
