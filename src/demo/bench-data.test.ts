import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '../db/database.js';
import { openTestDatabase } from '../db/test-database.js';
import { parseFieldValue } from '../forms/field-values.js';
import { builtInOptionTrees, createField, listFields } from '../modules/forms/index.js';
import { createTeam, type Actor } from '../modules/auth/index.js';
import { searchQuery } from '../search/segment.js';
import { loadBenchTickets } from './bench-data.js';

/**
 * `opencsm bench-data` into an empty database drops the loaded tables' secondary indexes and
 * foreign keys for speed: afterwards the schema must be the one the migrations made, and the
 * tickets searchable.
 */
let database: Database;
const schema = () =>
  queryRows<{ name: string; definition: string }>(database.db, sql`
    select indexname as name, indexdef as definition from pg_indexes where tablename in ('tickets', 'ticket_messages', 'ticket_search')
    union all
    select conname, pg_get_constraintdef(oid) from pg_constraint where conrelid in ('tickets'::regclass, 'ticket_messages'::regclass, 'ticket_search'::regclass)
    order by 1, 2`);

before(async () => {
  database = await openTestDatabase();
});
after(() => database.close());

test('a load with deferred indexes leaves the same indexes and foreign keys, and the tickets searchable', async () => {
  const migrated = await schema();
  const steps: string[] = [];
  const { ids } = await loadBenchTickets(database, { tickets: 600, batchSize: 250, deferIndexes: true, onStep: (step) => steps.push(step) });
  assert.equal(ids.length, 600);
  assert.match(steps[0]!, /^dropped \d+ indexes and 2 foreign keys$/);
  assert.deepEqual(await schema(), migrated);
  const [counts] = await queryRows<{ tickets: number; documents: number; matches: number }>(database.db, sql`
    select (select count(*)::int from tickets) as tickets, (select count(*)::int from ticket_search) as documents,
      (select count(*)::int from ticket_search where document @@ ${searchQuery('的')}::tsquery) as matches`);
  assert.deepEqual({ tickets: counts!.tickets, documents: counts!.documents }, { tickets: 600, documents: 600 });
  assert.ok(counts!.matches > 300, `${counts!.matches} documents hold 的`);
});

test('into tables that already hold tickets nothing is dropped', async () => {
  const other = await openTestDatabase();
  try {
    await other.db.execute(sql`insert into tickets (id, number, subject, description, priority) values (gen_random_uuid(), 'existing-1', '已有工单', '', 'normal')`);
    const steps: string[] = [];
    await loadBenchTickets(other, { tickets: 10, deferIndexes: true, onStep: (step) => steps.push(step) });
    assert.deepEqual(steps, []);
  } finally {
    await other.close();
  }
});

test('every custom ticket field gets values of its type, in the stored form real writes use', async () => {
  const other = await openTestDatabase();
  try {
    const admin: Actor = { id: '00000000-0000-7000-8000-0000000000aa', email: 'a@example.cn', name: 'admin', role: 'admin', locale: 'zh-CN', teamIds: [] };
    const label = (zh: string) => ({ 'zh-CN': zh, en: zh });
    await createField(other, admin, 'ticket', { key: 'product_line', label: label('产品线'), type: 'select', filterable: true, options: ['打印机', '复印机', '扫描仪'].map((v, i) => ({ value: `p${i}`, label: label(v) })) });
    await createField(other, admin, 'ticket', { key: 'region', label: label('地区'), type: 'cascader', settings: { optionSource: 'china-regions', levels: 3 } });
    for (const type of ['money', 'datetime', 'phone', 'checkbox', 'multiselect'] as const) {
      await createField(other, admin, 'ticket', { key: `f_${type}`, label: label(type), type, ...(type === 'multiselect' && { options: ['a', 'b', 'c'].map((v) => ({ value: v, label: label(v) })) }) });
    }
    await loadBenchTickets(other, { tickets: 300, batchSize: 100, index: false });
    const fields = await listFields(other.db, 'ticket');
    const rows = await queryRows<{ fields: Record<string, unknown> }>(other.db, sql`select fields from tickets`);
    const held = new Map<string, number>();
    for (const row of rows) {
      for (const [key, value] of Object.entries(row.fields)) {
        const field = fields.find((f) => f.key === key)!;
        const parsed = parseFieldValue(field, value, { optionTrees: builtInOptionTrees() });
        assert.deepEqual(parsed, { ok: true, value }, `${key}: ${JSON.stringify(value)} is stored as the engine would store it`);
        held.set(key, (held.get(key) ?? 0) + 1);
      }
    }
    for (const field of fields) assert.ok((held.get(field.key) ?? 0) > 200, `${field.key} is filled on most tickets (${held.get(field.key) ?? 0} of 300)`);
    const [common] = await queryRows<{ p0: number; p2: number }>(other.db, sql`select count(*) filter (where fields->>'product_line' = 'p0')::int as p0, count(*) filter (where fields->>'product_line' = 'p2')::int as p2 from tickets`);
    assert.ok(common!.p0 > common!.p2 * 1.5, `selects are skewed: ${common!.p0} × the first option, ${common!.p2} × the third`);
  } finally {
    await other.close();
  }
});

test('the tickets take the existing teams in turn, and the unsolved ones an SLA due time', async () => {
  const other = await openTestDatabase();
  try {
    const admin: Actor = { id: '00000000-0000-7000-8000-0000000000ab', email: 'b@example.cn', name: 'admin', role: 'admin', locale: 'zh-CN', teamIds: [] };
    const teams = [await createTeam(other, admin, { name: '一线客服' }), await createTeam(other, admin, { name: '硬件支持' })];
    await loadBenchTickets(other, { tickets: 40 });
    const rows = await queryRows<{ team: string | null; status: string; late: string | null }>(
      other.db,
      sql`select team_id::text as team, status, (extract(epoch from sla_due_at - created_at) / 3600)::int::text as late from tickets`,
    );
    assert.equal(rows.length, 40);
    const perTeam = new Map(teams.map((team) => [team.id, rows.filter((row) => row.team === team.id).length]));
    assert.deepEqual([...perTeam.values()], [20, 20], 'every ticket has one of the teams, in turn');
    for (const row of rows) {
      const solved = row.status === 'resolved' || row.status === 'closed';
      assert.equal(row.late, solved ? null : '8', `${row.status}: SLA due ${row.late} h after creation`);
    }
    assert.ok(rows.some((row) => row.late !== null), 'some tickets are unsolved');
  } finally {
    await other.close();
  }
});
