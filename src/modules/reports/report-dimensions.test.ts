import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { ManualClock } from '../../app/clock.js';
import { assertProblem, createTestApp, type TestApp, type TestUser } from '../../app/test-app.js';
import { applyReportEvents } from './report-events.js';
import { EventScript } from './report-test-kit.js';

/**
 * What the report builder's console needs beyond the saved-report API: the dimensions it may
 * group and filter by (named, with the values a filter may pick), a two-dimension cell drilled
 * to exactly its tickets (`thenBy`/`thenGroup`), and a time bucket's own range on its rows.
 */
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const clock = new ManualClock('2026-11-01T10:00:00+08:00');
let t: TestApp;
let lead: TestUser;
let team: string;
const tickets: Record<string, string> = {};
const october = { from: '2026-10-01T00:00:00+08:00', to: '2026-11-01T00:00:00+08:00' };

before(async () => {
  t = await createTestApp({}, { clock });
  lead = await t.user('supervisor', { name: '主管' });
  team = await t.team('一组', [lead.id]);
  const field = await t.api('POST', '/api/v1/ticket-fields', { body: { key: 'product_line', label: { 'zh-CN': '产品线', en: 'Product line' }, type: 'select', options: [{ value: 'router', label: { 'zh-CN': '路由器', en: 'Router' } }, { value: 'camera', label: { 'zh-CN': '摄像头', en: 'Camera' } }] } });
  assert.equal(field.statusCode, 201, field.body);
  const text = await t.api('POST', '/api/v1/ticket-fields', { body: { key: 'serial', label: { 'zh-CN': '序列号', en: 'Serial' }, type: 'text' } });
  assert.equal(text.statusCode, 201, text.body);
  // Real tickets (a drill-down shows only tickets that exist and may be seen), their facts in October.
  const s = new EventScript();
  const cases: Array<[string, string, string, string]> = [
    ['email-router', 'email', 'router', '2026-10-03T10:00:00+08:00'], ['email-camera', 'email', 'camera', '2026-10-04T10:00:00+08:00'],
    ['web-router-1', 'web', 'router', '2026-10-12T10:00:00+08:00'], ['web-router-2', 'web', 'router', '2026-10-13T10:00:00+08:00'],
  ];
  for (const [name, channel, product, at] of cases) {
    const ticket = await t.createTicket({ subject: name, teamId: team });
    tickets[name] = ticket.id;
    s.created(ticket.id, at, { teamId: team, assigneeId: null, channel, fields: { product_line: product } });
  }
  await t.database.db.execute(sql`delete from report_facts`);
  await applyReportEvents(t.database, s.events, 'Asia/Shanghai');
});
after(() => t.close());

test('the dimensions: built-ins, select custom fields (not text ones) and time buckets, named in the reader\'s language with their values', async () => {
  const zh = await t.api('GET', '/api/v1/reports/dimensions', { as: lead });
  assert.equal(zh.statusCode, 200, zh.body);
  const byKey = new Map<string, Json>(zh.data.items.map((d: Json) => [d.key, d]));
  assert.deepEqual([...byKey.keys()], ['team', 'agent', 'channel', 'type', 'category', 'priority', 'field:product_line', 'time:day', 'time:week', 'time:month']);
  assert.deepEqual(byKey.get('field:product_line'), { key: 'field:product_line', name: '产品线', filterField: 'fields.product_line', options: [{ value: 'router', label: '路由器' }, { value: 'camera', label: '摄像头' }] });
  assert.ok(byKey.get('team')!.options.some((o: Json) => o.value === team && o.label === '一组'));
  assert.ok(byKey.get('channel')!.options.some((o: Json) => o.value === 'email' && o.label === '邮件'));
  assert.deepEqual(byKey.get('time:week'), { key: 'time:week', name: '周（周一起）', filterField: null, options: null });
  const en = await t.api('GET', '/api/v1/reports/dimensions', { as: lead, headers: { 'accept-language': 'en' } });
  const product = en.data.items.find((d: Json) => d.key === 'field:product_line');
  assert.equal(product.name, 'Product line');
  assert.deepEqual(product.options.map((o: Json) => o.label), ['Router', 'Camera']);
  // Every filterField is one the builder's filter accepts.
  for (const d of zh.data.items.filter((x: Json) => x.filterField && x.options.length)) {
    const res = await t.api('POST', '/api/v1/reports/query', { as: lead, body: { definition: { measure: 'volume', range: october, filter: { field: d.filterField, op: 'in', value: [d.options[0].value] } } } });
    assert.equal(res.statusCode, 200, `${d.key}: ${res.body}`);
  }
  assertProblem(await t.api('GET', '/api/v1/reports/dimensions', { as: null }), 401, 'auth.unauthenticated');
});

test('a two-dimension cell drills to exactly its tickets; a second group needs its dimension', async () => {
  const drill = (query: Record<string, string>) => t.api('GET', '/api/v1/reports/drill', { as: lead, query: { ...october, measure: 'created', ...query } });
  const cell = await drill({ groupBy: 'channel', group: 'web', thenBy: 'field:product_line', thenGroup: 'router' });
  assert.equal(cell.statusCode, 200, cell.body);
  assert.deepEqual(new Set(cell.data.tickets.map((x: Json) => x.id)), new Set([tickets['web-router-1'], tickets['web-router-2']]));
  const row = await drill({ groupBy: 'field:product_line', group: 'router' });
  assert.equal(row.data.total, 3);
  const lone = await drill({ groupBy: 'channel', group: 'web', thenGroup: 'router' });
  assert.equal(assertProblem(lone, 400, 'validation.failed').errors?.[0]?.path, 'thenBy');
});

test('time-bucket rows carry their own range, which drills to the tickets of that bucket', async () => {
  const res = await t.api('POST', '/api/v1/reports/query', { as: lead, body: { definition: { measure: 'volume', dimensions: ['time:week'], range: october } } });
  assert.equal(res.statusCode, 200, res.body);
  const week = res.data.rows.find((r: Json) => r.keys[0] === '2026-10-12');
  assert.deepEqual(week.span, { from: '2026-10-11T16:00:00.000Z', to: '2026-10-18T16:00:00.000Z' });
  assert.equal(week.value, 2);
  const drill = await t.api('GET', '/api/v1/reports/drill', { as: lead, query: { ...week.span, measure: 'created' } });
  assert.deepEqual(new Set(drill.data.tickets.map((x: Json) => x.id)), new Set([tickets['web-router-1'], tickets['web-router-2']]));
  const plain = await t.api('POST', '/api/v1/reports/query', { as: lead, body: { definition: { measure: 'volume', dimensions: ['channel'], range: october } } });
  assert.ok(plain.data.rows.every((r: Json) => !('span' in r)));
});
