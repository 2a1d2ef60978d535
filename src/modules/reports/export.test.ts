import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { queryRows } from '../../db/database.js';
import { assertProblem, createTestApp, type TestApp, type TestUser } from '../../app/test-app.js';
import { applyReportEvents } from './report-events.js';
import { EventScript } from './report-test-kit.js';

/**
 * 导出 Excel / CSV: the KPI export's cells are the API's numbers (the file opened with exceljs),
 * the CSV starts with a byte order mark, the drill-down's export lists its tickets, a subject that
 * a spreadsheet would run as a formula is defused, every export is audited and permission-checked.
 */
let t: TestApp;
let agent: TestUser;
let lead: TestUser;
let teamId: string;
const ids: string[] = [];
const range = 'from=2026-10-01T00:00:00%2B08:00&to=2026-11-01T00:00:00%2B08:00';

before(async () => {
  t = await createTestApp();
  agent = await t.user('agent', { name: '客服' });
  lead = await t.user('supervisor', { name: '主管' });
  teamId = await t.team('一组', [agent.id, lead.id]);
  for (const subject of ['发票开错了', '=HYPERLINK("http://x.example","点我")']) {
    ids.push((await t.createTicket<{ id: string }>({ subject, channel: 'email', requester: { name: '客户', email: `${randomUUID()}@example.cn` }, teamId })).id);
  }
  await t.drain();
  await t.database.transaction(async (tx) => {
    await tx.execute(sql`delete from report_facts`);
    await tx.execute(sql`delete from report_tickets`);
    await tx.execute(sql`delete from report_rollups`);
  });
  const s = new EventScript();
  s.created(ids[0]!, '2026-10-12T09:00:00+08:00', { teamId, assigneeId: agent.id, channel: 'email' });
  s.agentReply(ids[0]!, '2026-10-12T09:20:00+08:00', agent.id);
  s.status(ids[0]!, '2026-10-12T11:00:00+08:00', 'open', 'resolved');
  s.created(ids[1]!, '2026-10-12T09:30:00+08:00', { teamId, assigneeId: agent.id, channel: 'web' });
  s.agentReply(ids[1]!, '2026-10-12T10:30:00+08:00', agent.id);
  s.survey('csat', ids[0]!, '2026-10-13T12:00:00+08:00', { teamId, handlerId: agent.id, score: 5 });
  await applyReportEvents(t.database, s.events, 'Asia/Shanghai');
});
after(() => t.close());

async function workbookOf(payload: Buffer): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(payload).buffer);
  const sheet = workbook.worksheets[0]!;
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe('the KPI export', () => {
  test('Excel by channel: Chinese headers, one row per group whose cells equal the API\'s numbers', async () => {
    const api = await t.api('GET', `/api/v1/reports/kpis?${range}&groupBy=channel`);
    const res = await t.api('GET', `/api/v1/reports/kpis/export?${range}&groupBy=channel&format=xlsx`);
    assert.equal(res.statusCode, 200, res.body);
    assert.match(String(res.headers['content-type']), /spreadsheetml/);
    const [header, ...rows] = await workbookOf(res.rawPayload);
    assert.deepEqual(header!.slice(0, 4), ['分组', '进线量', '积压', '首次响应中位数（工作时间，秒）']);
    const groups = api.data.groups as Array<Record<string, any>>; // eslint-disable-line @typescript-eslint/no-explicit-any
    assert.equal(rows.length, groups.length);
    for (const [i, g] of groups.entries()) {
      const row = rows[i]!;
      assert.equal(row[0], g.group);
      assert.equal(row[1], g.volume);
      assert.equal(row[2], g.backlog);
      assert.equal(row[3] ?? null, g.firstResponseTime.business.median);
      assert.equal(row[14] ?? null, g.csat.score);
    }
    const email = rows.find((r) => r[0] === 'email')!;
    assert.equal(email[1], 1);
    assert.equal(email[3], 1200); // 20 minutes to the first reply
    assert.equal(email[14], 1); // one answer, 5 stars
  });

  test('CSV in English: a byte order mark, then the same numbers', async () => {
    const res = await t.api('GET', `/api/v1/reports/kpis/export?${range}&format=csv`, { headers: { 'accept-language': 'en' } });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual([...res.rawPayload.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const [header, row] = res.rawPayload.subarray(3).toString('utf8').trim().split('\r\n').map((line) => line.split(','));
    assert.deepEqual(header!.slice(0, 3), ['Group', 'Volume', 'Backlog']);
    assert.deepEqual(row!.slice(0, 3), ['', '2', '1']);
  });

  test('each export is audited with its query; bad input is a 400 naming the field', async () => {
    const [event] = await queryRows<{ payload: { report: string; format: string; rows: number; query: Record<string, string> } }>(t.database.db,
      sql`select payload from domain_events where type = 'report.exported' order by id desc limit 1`);
    assert.deepEqual({ ...event!.payload, query: undefined }, { report: 'kpis', format: 'csv', rows: 1, query: undefined });
    assert.equal(event!.payload.query.from, '2026-09-30T16:00:00.000Z');
    const bad = await t.api('GET', `/api/v1/reports/kpis/export?${range}&format=pdf`);
    assert.equal(assertProblem(bad, 400, 'validation.failed').errors?.[0]?.path, 'format');
  });
});

describe('the drill-down export', () => {
  test('the tickets of a heatmap cell, the formula-looking subject defused; agents may not export tickets', async () => {
    const res = await t.api('GET', `/api/v1/reports/drill/export?${range}&weekday=0&hour=9`, { as: lead });
    assert.equal(res.statusCode, 200, res.body);
    const [header, ...rows] = await workbookOf(res.rawPayload);
    assert.deepEqual(header, ['工单号', '主题', '工单 ID']);
    assert.deepEqual(new Set(rows.map((r) => r[2])), new Set(ids));
    assert.ok(rows.some((r) => r[1] === `'=HYPERLINK("http://x.example","点我")`));
    assertProblem(await t.api('GET', `/api/v1/reports/drill/export?${range}&weekday=0&hour=9`, { as: agent }), 403, 'auth.forbidden');
  });
});
