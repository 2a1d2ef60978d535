import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { queryRows } from '../db/database.js';
import { openTestDatabase } from '../db/test-database.js';
import { evaluate } from './evaluate.js';
import { categoryOptions, createScratchTable, kindOptions, labelOptions, replaceScratchRows, scratchFields, scratchTable, type ScratchRow } from './fixtures/scratch-table.js';
import { changeOperators, operatorsFor, valueShape } from './operators.js';
import { compileCondition } from './sql-compile.js';
import { fieldLookup, type FieldDescriptor, type FieldType } from './types.js';
import { validateCondition } from './validate.js';
import { compareDecimal, momentRange, parseScalar } from './values.js';

/**
 * The property the whole design rests on: for random rows and random valid conditions, the
 * in-memory evaluator and the compiled SQL select exactly the same rows (on PGlite, and on
 * PostgreSQL with TEST_DATABASE_URL). Values come from small domains so that conditions hit:
 * boundaries of days in Shanghai, 99.9 against 99.90, upper- and lower-case Latin, empty
 * strings, SQL NULLs, JSONB nulls and missing JSONB keys.
 */
const database = await openTestDatabase();
const db = database.db;
before(() => createScratchTable(db));
after(() => database.close());

const users = ['0193b3a0-0000-7000-8000-00000000000a', '0193b3a0-0000-7000-8000-00000000000b', '0193b3a0-0000-7000-8000-00000000000c'];

/** What a row may hold, per field type. */
const dataDomains: Record<FieldType, unknown[]> = {
  text: [null, '', '打印机', '激光打印机卡纸', '打印机无法连接网络', 'Printer offline', 'printer', 'PRINTER jam', '网络 printer', 'abc', 'ABC 打印机', '%_\\'],
  select: [null, ...kindOptions],
  money: [null, '-5.50', '0.00', '0.01', '0.10', '99.90', '100.00', '12345.67'],
  number: [null, -1, 0, 0.1, 0.5, 1, 2.5, 10, 1e6],
  date: [null, '2025-12-31', '2026-02-28', '2026-03-01', '2026-03-02'],
  datetime: [null, '2026-03-01T04:59:59.999Z', '2026-03-01T15:59:59.999Z', '2026-03-01T16:00:00.000Z', '2026-03-02T05:00:00.000Z', '2026-03-02T08:30:00.000Z', '2026-03-02T15:59:59.999Z', '2026-03-02T16:00:00.000Z'],
  boolean: [null, true, false],
  multiselect: [null, [], ['vip'], ['打印机'], ['vip', '网络'], ['网络', '打印机', 'vip']],
  user: [null, ...users],
  team: [null],
  contact: [null],
  organisation: [null],
};

/** What a condition may compare with, per field type. */
const conditionDomains: Record<FieldType, unknown[]> = {
  text: ['打印机', 'printer', 'PRINTER', 'Printer offline', '网络', 'abc', '', '%', 'ABC 打印机', '激光打印机卡纸'],
  select: [...kindOptions],
  money: ['-5.5', '0', '0.01', '0.1', '99.9', 99.9, '99.90', '100', 12345.67],
  number: [-1, 0, 0.1, 0.5, 1, 2.5, 10],
  date: ['2025-12-31', '2026-02-28', '2026-03-01', '2026-03-02', '2026-03-03'],
  datetime: [
    '2026-03-01',
    '2026-03-02',
    '2026-03-01T16:00:00Z',
    '2026-03-02T00:00:00+08:00',
    '2026-03-02T16:30:00+08:00',
    '2026-03-02T15:59:59.999Z',
    '2026-03-02T00:00:00-05:00',
    { fromNow: { hours: -24 } },
    { fromNow: { minutes: 30 } },
    { fromNow: { days: -1, hours: 8 } },
  ],
  boolean: [true, false],
  multiselect: [...labelOptions],
  user: [...users, users[0]!.toUpperCase()],
  team: [],
  contact: [],
  organisation: [],
};

/** Fields whose values differ from their type's domain: a select whose options are ids in a uuid column. */
const dataDomainsByKey: Record<string, unknown[]> = { category: [null, ...categoryOptions] };
const conditionDomainsByKey: Record<string, unknown[]> = { category: [...categoryOptions] };

const timeZones = ['Asia/Shanghai', 'UTC', 'America/New_York'] as const;
/** Moments of judging: relative values ("24 hours ago") land on the rows' boundaries from some of them. */
const nows = ['2026-03-02T16:00:00.000Z', '2026-03-02T15:30:00.000Z', '2026-03-03T08:00:00.000Z'].map((iso) => new Date(iso));

function rowArbitrary(): fc.Arbitrary<Record<string, unknown>> {
  const record: Record<string, fc.Arbitrary<unknown>> = {};
  for (const field of scratchFields) {
    const domain = dataDomainsByKey[field.key] ?? dataDomains[field.type];
    const isJson = field.sql !== undefined && 'jsonColumn' in field.sql;
    // A JSONB key may also be missing altogether.
    record[field.key] = fc.constantFrom(...domain, ...(isJson ? [undefined] : []));
  }
  return fc.record(record);
}

/** Sorts a pair for `between`, by the field's own order. */
function ordered(field: FieldDescriptor, a: unknown, b: unknown, timeZone: string, now: Date): [unknown, unknown] {
  let order: number;
  if (field.type === 'money') order = compareDecimal(String(a), String(b));
  else if (field.type === 'datetime') {
    const from = (v: unknown) => {
      const parsed = parseScalar(field, v, timeZone);
      return parsed.ok && typeof parsed.value === 'object' ? (momentRange(parsed.value, now)?.from ?? 0) : 0;
    };
    order = from(a) - from(b);
  } else order = (a as number | string) < (b as number | string) ? -1 : (a as number | string) > (b as number | string) ? 1 : 0;
  return order <= 0 ? [a, b] : [b, a];
}

function leafArbitrary(timeZone: string, now: Date): fc.Arbitrary<unknown> {
  const compilable = scratchFields.flatMap((field) =>
    operatorsFor(field.type)
      .filter((op) => !changeOperators.includes(op) && op !== 'within_business_hours')
      .map((op) => ({ field, op })),
  );
  return fc.constantFrom(...compilable).chain(({ field, op }) => {
    const domain = conditionDomainsByKey[field.key] ?? conditionDomains[field.type];
    const one = fc.constantFrom(...domain);
    switch (valueShape(field.type, op)) {
      case 'none':
        return fc.constant({ field: field.key, op });
      case 'list':
        return fc.uniqueArray(one, { minLength: 1, maxLength: 3 }).map((value) => ({ field: field.key, op, value }));
      case 'pair':
        return fc.tuple(one, one).map(([a, b]) => ({ field: field.key, op, value: ordered(field, a, b, timeZone, now) }));
      default:
        return one.map((value) => ({ field: field.key, op, value }));
    }
  });
}

function treeArbitrary(timeZone: string, now: Date): fc.Arbitrary<unknown> {
  const leaf = leafArbitrary(timeZone, now);
  return fc.letrec<{ node: unknown; all: unknown; any: unknown; not: unknown }>((tie) => ({
    node: fc.oneof({ maxDepth: 4, depthIdentifier: 'condition' }, leaf, tie('all'), tie('any'), tie('not')),
    all: fc.record({ all: fc.array(tie('node'), { maxLength: 3, depthIdentifier: 'condition' }) }),
    any: fc.record({ any: fc.array(tie('node'), { maxLength: 3, depthIdentifier: 'condition' }) }),
    not: fc.record({ not: tie('node') }),
  })).node;
}

test('random conditions over random rows: the evaluator and the compiled SQL select the same rows', async (t) => {
  const lookup = fieldLookup(scratchFields);
  let judged = 0;
  let discriminating = 0;
  const scenario = fc.tuple(fc.constantFrom(...timeZones), fc.constantFrom(...nows)).chain(([timeZone, now]) =>
    fc.record({
      timeZone: fc.constant(timeZone),
      now: fc.constant(now),
      rows: fc.array(rowArbitrary(), { minLength: 1, maxLength: 25 }),
      conditions: fc.array(treeArbitrary(timeZone, now), { minLength: 1, maxLength: 8 }),
    }),
  );
  await fc.assert(
    fc.asyncProperty(scenario, async ({ timeZone, now, rows: values, conditions }) => {
      const rows: ScratchRow[] = values.map((v, index) => ({ id: index + 1, values: v }));
      await replaceScratchRows(db, rows);
      for (const input of conditions) {
        const result = validateCondition(input, lookup, { timeZone });
        assert.ok(result.ok, `generated an invalid condition ${JSON.stringify(input)}: ${JSON.stringify(!result.ok && result.issues)}`);
        const inMemory = rows.filter((row) => evaluate(result.condition, { values: row.values, now })).map((row) => row.id);
        const bySql = await queryRows<{ id: number }>(db, sql`select id from ${sql.identifier(scratchTable)} where ${compileCondition(result.condition, { now })} order by id`);
        assert.deepEqual(bySql.map((row) => row.id), inMemory, `condition ${JSON.stringify(input)} (${timeZone}, now ${now.toISOString()})`);
        judged++;
        if (inMemory.length > 0 && inMemory.length < rows.length) discriminating++;
      }
    }),
    { numRuns: 120 },
  );
  t.diagnostic(`${judged} conditions judged, ${discriminating} of them selecting some but not all rows`);
  // A generator that only made always-true or always-false conditions would prove nothing.
  assert.ok(discriminating > judged / 5, `only ${discriminating} of ${judged} conditions told rows apart`);
});
