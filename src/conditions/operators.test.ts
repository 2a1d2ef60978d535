import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../db/database.js';
import { openTestDatabase } from '../db/test-database.js';
import { ConditionNotEvaluable, evaluate } from './evaluate.js';
import { matchBothWays } from './fixtures/both-ways.js';
import { createScratchTable, replaceScratchRows, scratchFields, type ScratchRow } from './fixtures/scratch-table.js';
import { compileCondition } from './sql-compile.js';
import { fieldLookup } from './types.js';
import { validateCondition } from './validate.js';

/**
 * One example per operator and field type, each judged in memory and by SQL (matchBothWays
 * fails when they differ), on a column and on a JSONB key alike. Rows 4 and 6 are empty: 4 has
 * SQL NULLs and no JSONB keys, 6 has SQL NULLs and JSONB nulls.
 */
const database = await openTestDatabase();
const db = database.db;
const u1 = '0193b3a0-0000-7000-8000-000000000001';
const u2 = '0193b3a0-0000-7000-8000-000000000002';

const base: Array<Record<string, unknown>> = [
  // 2026-03-01T16:00Z is 00:00 on 2 March in Shanghai.
  { title: '激光打印机卡纸', kind: '报修', amount: '99.90', qty: 2, due: '2026-03-01', at: '2026-03-01T16:00:00.000Z', urgent: true, labels: ['vip', '打印机'], owner: u1 },
  // 23:59:59.999 on 1 March in Shanghai, though already 1 March 15:59 UTC.
  { title: 'Printer offline', kind: '咨询', amount: '100.00', qty: 0.5, due: '2026-03-02', at: '2026-03-01T15:59:59.999Z', urgent: false, labels: ['网络'], owner: u2 },
  { title: '打印机无法连接网络', kind: '投诉', amount: '0.01', qty: 10, due: '2026-02-28', at: '2026-03-02T15:59:59.000Z', urgent: null, labels: [], owner: null },
  {},
  { title: '', kind: 'other', amount: '-5.50', qty: -1, due: '2025-12-31', at: '2026-03-02T16:00:00.000Z', urgent: false, labels: ['vip'], owner: u1 },
  {}, // row 6: JSONB nulls, set below
];

/** Each row's values twice: under the column's key and under the JSONB key's (`j_…`). */
const rows: ScratchRow[] = base.map((values, index) => {
  const mirrored: Record<string, unknown> = { ...values };
  for (const [key, value] of Object.entries(values)) mirrored[`j_${key}`] = value;
  if (index === 5) for (const key of ['title', 'kind', 'amount', 'qty', 'due', 'at', 'urgent', 'labels', 'owner']) mirrored[`j_${key}`] = null;
  return { id: index + 1, values: mirrored };
});

before(async () => {
  await createScratchTable(db);
  await replaceScratchRows(db, rows);
});
after(() => database.close());

/** Asserts the same ids for the column field and its JSONB twin. */
async function expectIds(field: string, op: string, value: unknown, expected: number[], options = {}) {
  for (const key of [field, `j_${field}`]) {
    const leaf = value === undefined ? { field: key, op } : { field: key, op, value };
    assert.deepEqual(await matchBothWays(db, leaf, rows, options), expected, `${key} ${op} ${JSON.stringify(value)}`);
  }
}

test('the JSONB rows hold what the columns hold', async () => {
  const stored = await queryRows<{ id: number; fields: Record<string, unknown> }>(db, sql`select id, fields from condition_rows where id in (4, 6) order by id`);
  assert.deepEqual(stored[0]!.fields, {}, 'row 4: no keys');
  assert.equal(stored[1]!.fields.j_title, null, 'row 6: JSON null');
});

test('text: contains and starts with on Chinese, ASCII letters in any case', async () => {
  await expectIds('title', 'contains', '打印机', [1, 3]);
  await expectIds('title', 'contains', 'printer', [2]);
  await expectIds('title', 'contains', 'PRINTER OFF', [2]);
  await expectIds('title', 'starts_with', '打印机', [3]);
  await expectIds('title', 'starts_with', '激光', [1]);
  await expectIds('title', 'contains', '%', []);
  await expectIds('title', 'is', 'printer offline', [2]);
  await expectIds('title', 'in', ['PRINTER OFFLINE', '打印机无法连接网络'], [2, 3]);
});

test('text: negations keep empty values, and the empty string is empty', async () => {
  await expectIds('title', 'is_not', 'Printer offline', [1, 3, 4, 5, 6]);
  await expectIds('title', 'not_in', ['PRINTER OFFLINE', '打印机无法连接网络'], [1, 4, 5, 6]);
  await expectIds('title', 'is_empty', undefined, [4, 5, 6]);
  await expectIds('title', 'is_not_empty', undefined, [1, 2, 3]);
  assert.deepEqual(await matchBothWays(db, { not: { field: 'title', op: 'contains', value: '打印机' } }, rows), [2, 4, 5, 6]);
});

test('select: is, is not, in, not in, empty', async () => {
  await expectIds('kind', 'is', '报修', [1]);
  await expectIds('kind', 'is_not', '报修', [2, 3, 4, 5, 6]);
  await expectIds('kind', 'in', ['咨询', '投诉'], [2, 3]);
  await expectIds('kind', 'not_in', ['咨询', '投诉'], [1, 4, 5, 6]);
  await expectIds('kind', 'is_empty', undefined, [4, 6]);
});

test('NULL semantics: not (kind is 报修) keeps rows without a kind, where plain SQL NOT would drop them', async () => {
  assert.deepEqual(await matchBothWays(db, { not: { field: 'kind', op: 'is', value: '报修' } }, rows), [2, 3, 4, 5, 6]);
  const naive = await queryRows<{ id: number }>(db, sql`select id from condition_rows where not (kind = '报修') order by id`);
  assert.deepEqual(naive.map((r) => r.id), [2, 3, 5], 'three-valued logic drops the NULLs: the trap the compiler avoids');
  assert.deepEqual(await matchBothWays(db, { not: { any: [{ field: 'qty', op: 'gt', value: 1 }, { field: 'urgent', op: 'is', value: true }] } }, rows), [2, 4, 5, 6]);
});

test('money: two decimals compared exactly, given as text or as a number', async () => {
  await expectIds('amount', 'is', '99.9', [1]);
  await expectIds('amount', 'is', 99.9, [1]);
  await expectIds('amount', 'gt', '99.90', [2]);
  await expectIds('amount', 'gte', 99.9, [1, 2]);
  await expectIds('amount', 'lt', '0.01', [5]);
  await expectIds('amount', 'lte', '0.01', [3, 5]);
  await expectIds('amount', 'between', ['0.01', '99.90'], [1, 3]);
  await expectIds('amount', 'is_empty', undefined, [4, 6]);
  assert.deepEqual(await matchBothWays(db, { not: { field: 'amount', op: 'gt', value: 0 } }, rows), [4, 5, 6]);
});

test('number: comparisons and between, fractions included', async () => {
  await expectIds('qty', 'gt', 0.5, [1, 3]);
  await expectIds('qty', 'between', [0.5, 2], [1, 2]);
  await expectIds('qty', 'is', 10, [3]);
  await expectIds('qty', 'lt', 0, [5]);
});

test('date: calendar days compare as days', async () => {
  await expectIds('due', 'is', '2026-03-01', [1]);
  await expectIds('due', 'gt', '2026-02-28', [1, 2]);
  await expectIds('due', 'between', ['2026-01-01', '2026-03-01'], [1, 3]);
  await expectIds('due', 'lt', '2026-01-01', [5]);
});

test('datetime: a date means that whole day in Asia/Shanghai, not in UTC', async () => {
  await expectIds('at', 'is', '2026-03-02', [1, 3]);
  await expectIds('at', 'is', '2026-03-02', [3, 5], { timeZone: 'UTC' });
  await expectIds('at', 'gt', '2026-03-02', [5]);
  await expectIds('at', 'lt', '2026-03-02', [2]);
  await expectIds('at', 'lte', '2026-03-01', [2]);
  await expectIds('at', 'between', ['2026-03-01', '2026-03-02'], [1, 2, 3]);
  await expectIds('at', 'gte', '2026-03-02T00:00:00+08:00', [1, 3, 5]);
  await expectIds('at', 'is', '2026-03-02T00:00:00+08:00', [1]);
  await expectIds('at', 'is_empty', undefined, [4, 6]);
});

test('boolean: true, false and unknown', async () => {
  await expectIds('urgent', 'is', true, [1]);
  await expectIds('urgent', 'is', false, [2, 5]);
  await expectIds('urgent', 'is_not', true, [2, 3, 4, 5, 6]);
  await expectIds('urgent', 'is_empty', undefined, [3, 4, 6]);
});

test('multiselect: contains all, in (any of), not in (none of), empty', async () => {
  await expectIds('labels', 'contains', ['vip'], [1, 5]);
  await expectIds('labels', 'contains', ['vip', '打印机'], [1]);
  await expectIds('labels', 'in', ['网络', '打印机'], [1, 2]);
  await expectIds('labels', 'not_in', ['vip'], [2, 3, 4, 6]);
  await expectIds('labels', 'is_empty', undefined, [3, 4, 6]);
  await expectIds('labels', 'is_not_empty', undefined, [1, 2, 5]);
});

test('user: ids in any letter case, empty', async () => {
  await expectIds('owner', 'is', u1, [1, 5]);
  await expectIds('owner', 'is', u1.toUpperCase(), [1, 5]);
  await expectIds('owner', 'in', [u2], [2]);
  await expectIds('owner', 'is_not', u1, [2, 3, 4, 6]);
  await expectIds('owner', 'is_empty', undefined, [3, 4, 6]);
});

test('groups: empty all is true, empty any is false, nesting', async () => {
  assert.deepEqual(await matchBothWays(db, { all: [] }, rows), [1, 2, 3, 4, 5, 6]);
  assert.deepEqual(await matchBothWays(db, { any: [] }, rows), []);
  const nested = {
    any: [
      { all: [{ field: 'kind', op: 'is', value: '报修' }, { field: 'urgent', op: 'is', value: true }] },
      { not: { field: 'j_title', op: 'is_not_empty' } },
    ],
  };
  assert.deepEqual(await matchBothWays(db, nested, rows), [1, 4, 5, 6]);
});

test('datetime relative to now: the caller’s clock decides, in memory and in SQL alike', async () => {
  // Now is 2026-03-02 16:00 UTC; 24 hours before is row 1's instant exactly.
  const now = new Date('2026-03-02T16:00:00.000Z');
  const olderThanADay = { field: 'at', op: 'lte', value: { fromNow: { hours: -24 } } };
  assert.deepEqual(await matchBothWaysAt(olderThanADay, now), [1, 2]);
  assert.deepEqual(await matchBothWaysAt({ field: 'j_at', op: 'gt', value: { fromNow: { days: -1 } } }, now), [3, 5]);
  assert.deepEqual(await matchBothWaysAt({ field: 'at', op: 'between', value: [{ fromNow: { days: -1 } }, { fromNow: { minutes: 0 } }] }, now), [1, 3, 5]);
  assert.deepEqual(await matchBothWaysAt(olderThanADay, new Date('2026-03-03T16:00:00.000Z')), [1, 2, 3, 5], 'a day later, more rows are old');
});

async function matchBothWaysAt(input: unknown, now: Date): Promise<number[]> {
  const result = validateCondition(input, fieldLookup(scratchFields));
  assert.ok(result.ok);
  const inMemory = rows.filter((row) => evaluate(result.condition, { values: row.values, now })).map((row) => row.id);
  const bySql = await queryRows<{ id: number }>(db, sql`select id from condition_rows where ${compileCondition(result.condition, { now })} order by id`);
  assert.deepEqual(bySql.map((row) => row.id), inMemory);
  assert.throws(() => evaluate(result.condition, { values: rows[0]!.values }), (error: unknown) => error instanceof ConditionNotEvaluable && error.code === 'condition.now_required');
  assert.throws(() => compileCondition(result.condition), TypeError, 'no silent now()');
  return inMemory;
}
