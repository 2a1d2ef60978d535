import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { ManualClock } from '../../app/clock.js';
import { assertProblem, createTestApp, type TestApp, type TestUser } from '../../app/test-app.js';
import { computeKpisFromFacts } from './kpis-from-facts.js';
import { applyReportEvents } from './report-events.js';
import { EventScript } from './report-test-kit.js';

/**
 * 自定义报表 over HTTP: saved reports' CRUD, sharing with roles and who may change them, the audit
 * record, two-dimension results on a hand-made set equal to the facts path's reference (and to
 * numbers worked out by hand), a time bucket from the rollups, comparison, and a filter on what
 * is not a dimension refused with a 400 naming it.
 */
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const clock = new ManualClock('2026-11-01T10:00:00+08:00');
let t: TestApp;
let lead: TestUser;
let agent: TestUser;
let otherLead: TestUser;
let team: string;
const tz = 'Asia/Shanghai';
const october = { from: '2026-10-01T00:00:00+08:00', to: '2026-11-01T00:00:00+08:00' };

before(async () => {
  t = await createTestApp({}, { clock });
  lead = await t.user('supervisor', { name: '主管' });
  agent = await t.user('agent', { name: '客服' });
  otherLead = await t.user('supervisor', { name: '另一主管' });
  team = await t.team('一组', [lead.id, agent.id]);
  const field = await t.api('POST', '/api/v1/ticket-fields', { body: { key: 'product_line', label: { 'zh-CN': '产品线', en: 'Product line' }, type: 'select', options: [{ value: 'router', label: { 'zh-CN': '路由器', en: 'Router' } }, { value: 'camera', label: { 'zh-CN': '摄像头', en: 'Camera' } }] } });
  assert.equal(field.statusCode, 201, field.body);
  // CSAT answers by channel × product line (hand-made): email/router 5, 4, 2 → 2 of 3; email/camera 3 → 0 of 1;
  // web/router 4 → 1 of 1; web/camera 5, 5 → 2 of 2; one ticket of no product line on web: 1 → 0 of 1.
  const s = new EventScript();
  const answers: Array<[string, string | null, number, string]> = [
    ['email', 'router', 5, '2026-10-03T10:00:00+08:00'], ['email', 'router', 4, '2026-10-03T11:30:00+08:00'], ['email', 'router', 2, '2026-10-10T09:00:00+08:00'],
    ['email', 'camera', 3, '2026-10-10T12:00:00+08:00'], ['web', 'router', 4, '2026-10-12T15:00:00+08:00'],
    ['web', 'camera', 5, '2026-10-20T09:00:00+08:00'], ['web', 'camera', 5, '2026-10-21T09:00:00+08:00'], ['web', null, 1, '2026-10-22T09:00:00+08:00'],
  ];
  answers.forEach(([channel, product, score, at], i) => {
    const id = `00000000-0000-4000-8000-00000000000${i}`;
    const created = new Date(Date.parse(at) - 3_600_000).toISOString();
    s.created(id, created, { teamId: team, assigneeId: agent.id, channel, ...(product && { fields: { product_line: product } }) });
    s.survey('csat', id, at, { teamId: team, handlerId: agent.id, score, channel });
  });
  // A September answer for the comparison: email/router 1.
  s.created('00000000-0000-4000-8000-000000000099', '2026-09-20T09:00:00+08:00', { teamId: team, assigneeId: agent.id, channel: 'email', fields: { product_line: 'router' } });
  s.survey('csat', '00000000-0000-4000-8000-000000000099', '2026-09-20T10:00:00+08:00', { teamId: team, handlerId: agent.id, score: 1 });
  await t.database.db.execute(sql`delete from report_facts`);
  await applyReportEvents(t.database, s.events, tz);
});
after(() => t.close());

const csatBy = (dimensions: string[], extra: Json = {}) => ({ measure: 'csat', dimensions, range: october, ...extra });
const query = async (definition: Json, as?: TestUser) => t.api('POST', '/api/v1/reports/query', { body: { definition }, ...(as && { as }) });
const cells = (rows: Json[]) => Object.fromEntries(rows.map((r) => [r.labels.join(' / '), [r.value, r.count]]));

describe('results', () => {
  test('CSAT by channel × 产品线: the numbers worked out by hand, labelled by name', async () => {
    const res = await query(csatBy(['channel', 'field:product_line']));
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.data.dimensionNames, ['渠道', '产品线']);
    assert.equal(res.data.unit, 'percent');
    assert.deepEqual(cells(res.data.rows), {
      '邮件 / 摄像头': [0, 1], '邮件 / 路由器': [66.7, 3], '网页 / 未设置': [0, 1], '网页 / 摄像头': [100, 2], '网页 / 路由器': [100, 1],
    });
  });

  test('two dimensions equal the facts path\'s reference: one dimension grouped, the other as a filter', async () => {
    const res = await query(csatBy(['field:product_line', 'channel']));
    for (const channel of ['email', 'web']) {
      const reference = await computeKpisFromFacts(t.database.db, { from: new Date(october.from), to: new Date(october.to), now: clock.now(), groupBy: 'field:product_line', scope: sql`f.channel = ${channel}` });
      for (const g of reference) {
        const row = res.data.rows.find((r: Json) => r.keys[0] === g.group && r.keys[1] === channel);
        assert.ok(row, `${g.group} × ${channel}`);
        assert.equal(row.value, Math.round(g.csat.score! * 1000) / 10);
        assert.equal(row.count, g.csat.answers);
      }
    }
  });

  test('a time bucket reads per period (rollups), with the previous period compared by position', async () => {
    const res = await query(csatBy(['time:week'], { comparison: 'previous' }));
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.data.rows[0].keys[0], '2026-09-28'); // the week of 1 October starts on Monday 28 September, cut to the range
    const byWeek = Object.fromEntries(res.data.rows.map((r: Json) => [r.keys[0], [r.value, r.count]]));
    assert.deepEqual(byWeek['2026-09-28'], [100, 2]);
    assert.deepEqual(byWeek['2026-10-05'], [0, 2]);
    assert.deepEqual(byWeek['2026-10-12'], [100, 1]);
    assert.deepEqual(byWeek['2026-10-19'], [66.7, 3]);
    assert.equal(res.data.previous.from, '2026-08-30T16:00:00.000Z');
    // September's one answer (1 star, on the 20th) falls in the previous range's third week (from 14 September).
    assert.equal(res.data.rows[2].previous, 0);
    assert.equal(res.data.rows[3].previous, null);
  });

  test('a filter on dimension values narrows the numbers; anything else is a 400 naming it', async () => {
    const res = await query(csatBy(['channel'], { filter: { all: [{ field: 'fields.product_line', op: 'is', value: 'router' }] } }));
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(cells(res.data.rows), { 邮件: [66.7, 3], 网页: [100, 1] });
    const bad = await query(csatBy(['channel'], { filter: { all: [{ field: 'status', op: 'is', value: 'open' }] } }));
    const problem = assertProblem(bad, 400, 'validation.failed');
    assert.equal(problem.errors?.[0]?.path, 'definition.filter.all.0.field');
    assert.match(JSON.stringify(problem), /status/);
    const badOption = await query(csatBy(['channel'], { filter: { field: 'fields.product_line', op: 'is', value: 'toaster' } }));
    assert.equal(assertProblem(badOption, 400, 'validation.failed').errors?.[0]?.path, 'definition.filter.value');
    const twice = await query(csatBy(['channel', 'channel']));
    assert.equal(assertProblem(twice, 400, 'validation.failed').errors?.[0]?.path, 'definition.dimensions.1');
    const tooMany = await query({ measure: 'volume', dimensions: ['time:day'], range: { from: '2026-01-01T00:00:00+08:00', to: '2026-06-01T00:00:00+08:00' } });
    assert.equal(assertProblem(tooMany, 400, 'validation.failed').errors?.[0]?.path, 'definition.dimensions');
  });

  test('an agent outside the team sees none of these numbers (their scope)', async () => {
    const outsider = await t.user('agent', { name: '外组客服' });
    const res = await query(csatBy(['channel']), outsider);
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.data.rows, []);
  });
});

describe('saved reports', () => {
  test('create, list (empty first), read, change, pin, share with roles, delete — each audited', async () => {
    const empty = await t.api('GET', '/api/v1/reports/saved', { as: lead });
    assert.deepEqual(empty.data, { items: [], nextCursor: null });
    const created = await t.api('POST', '/api/v1/reports/saved', { as: lead, body: { name: '产品线满意度', definition: csatBy(['field:product_line']) } });
    assert.equal(created.statusCode, 201, created.body);
    const id = created.data.id;
    assert.equal(created.data.owner.name, '主管');
    assert.deepEqual(created.data.abilities, { edit: true });
    // Not shared: the agent and another supervisor do not see it.
    assert.equal((await t.api('GET', `/api/v1/reports/saved/${id}`, { as: agent })).statusCode, 404);
    assert.equal((await t.api('GET', '/api/v1/reports/saved', { as: otherLead })).data.items.length, 0);
    const shared = await t.api('PATCH', `/api/v1/reports/saved/${id}`, { as: lead, body: { sharedRoles: ['agent'], pinned: true } });
    assert.equal(shared.statusCode, 200, shared.body);
    assert.equal(shared.data.version, 2);
    const seen = await t.api('GET', `/api/v1/reports/saved/${id}`, { as: agent });
    assert.equal(seen.statusCode, 200);
    assert.deepEqual(seen.data.abilities, { edit: false });
    assertProblem(await t.api('PATCH', `/api/v1/reports/saved/${id}`, { as: agent, body: { name: '改名' } }), 403, 'report.saved_not_yours');
    assertProblem(await t.api('DELETE', `/api/v1/reports/saved/${id}`, { as: agent }), 403, 'report.saved_not_yours');
    const pinned = await t.api('GET', '/api/v1/reports/saved?pinned=true', { as: agent });
    assert.deepEqual(pinned.data.items.map((r: Json) => r.id), [id]);
    const result = await t.api('GET', `/api/v1/reports/saved/${id}/result`, { as: lead });
    assert.deepEqual(cells(result.data.rows), { 未设置: [0, 1], 摄像头: [66.7, 3], 路由器: [75, 4] });
    // The export holds the screen's numbers under the dimensions' names (never ids), audited.
    const file = await t.api('GET', `/api/v1/reports/saved/${id}/export?format=xlsx`, { as: lead });
    assert.equal(file.statusCode, 200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    workbook.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    assert.deepEqual(rows[0], ['产品线', '满意度（4–5 星占比） (百分比)', '样本数']);
    assert.deepEqual(rows.slice(1), result.data.rows.map((r: Json) => [...r.labels, r.value, r.count]));
    const exported = await t.database.db.execute(sql`select payload->>'report' as report from domain_events where type = 'report.exported' and actor_id = ${lead.id}`);
    assert.deepEqual(exported.rows.map((r) => r.report), ['saved']);
    // Admins may change anyone's report.
    assert.equal((await t.api('PATCH', `/api/v1/reports/saved/${id}`, { body: { name: '产品线满意度（季度）' } })).statusCode, 200);
    assert.equal((await t.api('DELETE', `/api/v1/reports/saved/${id}`, { as: lead })).statusCode, 204);
    assert.equal((await t.api('GET', `/api/v1/reports/saved/${id}`, { as: lead })).statusCode, 404);
    const audit = await t.database.db.execute(sql`select payload->>'change' as change, actor_id from domain_events where type = 'saved_report.changed' and aggregate_id = ${id} order by id`);
    assert.deepEqual(audit.rows.map((r) => r.change), ['created', 'updated', 'updated', 'deleted']);
  });

  test('a saved report with a bad filter is refused when saved; a page of reports has a next cursor', async () => {
    const bad = await t.api('POST', '/api/v1/reports/saved', { as: lead, body: { name: '坏', definition: csatBy([], { filter: { field: 'subject', op: 'contains', value: 'x' } }) } });
    assert.equal(assertProblem(bad, 400, 'validation.failed').errors?.[0]?.path, 'definition.filter.field');
    for (const n of [1, 2, 3]) assert.equal((await t.api('POST', '/api/v1/reports/saved', { as: otherLead, body: { name: `报表 ${n}`, definition: csatBy([]) } })).statusCode, 201);
    const first = await t.api('GET', '/api/v1/reports/saved?limit=2', { as: otherLead });
    assert.deepEqual(first.data.items.map((r: Json) => r.name), ['报表 3', '报表 2']);
    const second = await t.api('GET', `/api/v1/reports/saved?limit=2&cursor=${first.data.nextCursor}`, { as: otherLead });
    assert.deepEqual(second.data.items.map((r: Json) => r.name), ['报表 1']);
    assert.equal(second.data.nextCursor, null);
  });
});
