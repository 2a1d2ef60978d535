import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { createTestApp, type TestApp, type TestUser } from '../../../app/test-app.js';
import { assertProblem } from '../../../app/test-client.js';
import { queryRows } from '../../../db/database.js';

/** GET /api/v1/tickets/export: a view's tickets as a file a supervisor opens in Excel. */
let t: TestApp;
let supervisor: TestUser;
let agent: TestUser;
const numbers: Record<string, string> = {};

before(async () => {
  t = await createTestApp({ OPENCSM_EXPORT_MAX_ROWS: '3' });
  supervisor = await t.user('supervisor', { name: '王主管' });
  agent = await t.user('agent', { name: '李客服' });
  const make = async (key: string, body: Record<string, unknown>) => {
    numbers[key] = (await t.createTicket<{ number: string }>(body)).number;
  };
  await make('printer', { subject: '打印机卡纸, 第 3 次 "报修"', assigneeId: agent.id, requester: { name: '张三', phone: '138 0013 8000' }, tags: ['vip'] });
  await make('formula', { subject: '=HYPERLINK("http://evil.example","点我")', requester: { name: '李四', email: 'li4@example.cn' } });
  await make('aircon', { subject: '空调不制冷', priority: 'urgent' });
  await make('water', { subject: '漏水' });
  await t.drain(); // the search index
});
after(() => t.close());

const get = (query: string, as: TestUser = supervisor) => t.api('GET', `/api/v1/tickets/export?${query}`, { as });

/** The CSV without its byte order mark, as rows of cells (our fixtures need only simple quoting). */
function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), (i += 1);
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), (i += 1);
    else cell += c;
  }
  return rows;
}

describe('CSV', () => {
  test('UTF-8 with a byte order mark, a Chinese header, names not ids, quoting and formulas defused', async () => {
    const res = await get('format=csv&columns=number,subject,status,assignee,requester,requesterPhone,tags&sort=number');
    assert.equal(res.statusCode, 200, res.body);
    assert.match(String(res.headers['content-type']), /^text\/csv; charset=utf-8/);
    assert.match(String(res.headers['content-disposition']), /^attachment; filename="tickets-\d{8}-\d{4}\.csv"; filename\*=UTF-8''%E5%B7%A5%E5%8D%95-/);
    assert.deepEqual([...res.rawPayload.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'the BOM makes Excel read UTF-8');
    const [header, ...rows] = csvRows(res.rawPayload.subarray(3).toString('utf8'));
    assert.deepEqual(header, ['工单号', '标题', '状态', '处理人', '客户', '客户电话', '标签']);
    assert.equal(rows.length, 3, 'OPENCSM_EXPORT_MAX_ROWS=3 stops the fourth');
    const byNumber = new Map(rows.map((r) => [r[0], r]));
    assert.deepEqual(byNumber.get(numbers.printer), [numbers.printer, '打印机卡纸, 第 3 次 "报修"', '处理中', '李客服', '张三', '138 0013 8000', 'vip']);
    assert.equal(byNumber.get(numbers.formula)![1], `'=HYPERLINK("http://evil.example","点我")`, 'a formula is written as text');
    assert.equal(byNumber.get(numbers.formula)![2], '新建');
  });

  test('the same filters as the list: a search exports only its matches', async () => {
    const res = await get('format=csv&columns=subject&q=空调');
    assert.deepEqual(csvRows(res.rawPayload.subarray(3).toString('utf8')), [['标题'], ['空调不制冷']]);
  });

  test('headers and labels follow the caller\'s language', async () => {
    const res = await t.api('GET', '/api/v1/tickets/export?format=csv&columns=subject,status,priority&q=空调', { as: supervisor, headers: { 'accept-language': 'en' } });
    assert.deepEqual(csvRows(res.rawPayload.subarray(3).toString('utf8')), [['Subject', 'Status', 'Priority'], ['空调不制冷', 'New', 'Urgent']]);
  });
});

test('Excel: real dates in the installation\'s time zone, bold header, the sheet named in Chinese', async () => {
  const res = await get('format=xlsx&columns=number,subject,createdAt&q=漏水');
  assert.equal(res.statusCode, 200, res.body);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(res.rawPayload).buffer);
  const sheet = workbook.getWorksheet('工单')!;
  assert.deepEqual((sheet.getRow(1).values as unknown[]).slice(1), ['工单号', '标题', '创建时间']);
  assert.equal(sheet.getRow(1).font?.bold, true);
  const [created] = await queryRows<{ at: string }>(t.database.db, sql`select to_char(created_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') as at from tickets where number = ${numbers.water!}`);
  const cell = sheet.getRow(2).getCell(3).value;
  assert.ok(cell instanceof Date);
  assert.equal(cell.toISOString().slice(0, 16).replace('T', ' '), created!.at, 'the wall-clock time in Asia/Shanghai');
  assert.equal(sheet.getRow(2).getCell(2).value, '漏水');
});

test('each export is on the audit record with who, what and how many', async () => {
  await get('format=csv&columns=number&q=空调');
  const [event] = await queryRows<{ actor_id: string; cause: string; payload: { rows: number; columns: string[]; filter: { q: string } } }>(
    t.database.db,
    sql`select actor_id, cause, payload from domain_events where type = 'tickets.exported' order by id desc limit 1`,
  );
  assert.equal(event!.actor_id, supervisor.id);
  assert.equal(event!.cause, 'agent');
  assert.equal(event!.payload.rows, 1);
  assert.deepEqual(event!.payload.columns, ['number']);
  assert.equal(event!.payload.filter.q, '空调');
});

test('customer data leaves the system only for roles allowed to export, and unknown columns are named', async () => {
  assertProblem(await get('format=csv', agent), 403, 'auth.forbidden');
  const problem = assertProblem(await get('format=csv&columns=number,password'), 400, 'validation.failed');
  assert.deepEqual(problem.errors?.map((e) => [e.path, e.code]), [['columns', 'ticket.export.unknown_column']]);
  assertProblem(await get('format=pdf'), 400, 'validation.failed');
});

test('custom fields export as columns by their labels, and filter like the list', async () => {
  const label = (zh: string, en: string) => ({ 'zh-CN': zh, en });
  const post = (url: string, body: unknown) => t.api('POST', url, { body });
  assert.equal((await post('/api/v1/ticket-fields', { key: 'pollution_type', label: label('污染类型', 'Pollution type'), type: 'select', filterable: true, options: [{ value: 'noise', label: label('噪音', 'Noise') }, { value: 'wastewater', label: label('废水', 'Wastewater') }] })).statusCode, 201);
  assert.equal((await post('/api/v1/ticket-fields', { key: 'location', label: label('发生地点', 'Location'), type: 'cascader', settings: { optionSource: 'china-regions', levels: 3 } })).statusCode, 201);
  assert.equal((await post('/api/v1/ticket-fields', { key: 'fine', label: label('罚款', 'Fine'), type: 'money', readRoles: ['admin'] })).statusCode, 201);
  await t.drain(); // the filterable field's index
  const water = await t.createTicket<{ number: string }>({ subject: '河道排污', fields: { pollution_type: 'wastewater', location: ['44', '4403', '440305'], fine: '5000' } });
  await t.createTicket({ subject: '工地夜间施工', fields: { pollution_type: 'noise' } });
  const res = await get('format=csv&columns=number,fields.pollution_type,fields.location&fields.pollution_type=wastewater');
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual(csvRows(res.rawPayload.subarray(3).toString('utf8')), [['工单号', '污染类型', '发生地点'], [water.number, '废水', '广东省 / 深圳市 / 南山区']]);
  // A field the caller's role may not read is not a column they can ask for.
  const problem = assertProblem(await get('format=csv&columns=number,fields.fine'), 400, 'validation.failed');
  assert.equal(problem.errors?.[0]?.path, 'columns');
  const admin = await t.api('GET', '/api/v1/tickets/export?format=csv&columns=fields.fine&fields.pollution_type=wastewater', { headers: { 'accept-language': 'en' } });
  assert.deepEqual(csvRows(admin.rawPayload.subarray(3).toString('utf8')), [['Fine'], ['5000']]);
});
