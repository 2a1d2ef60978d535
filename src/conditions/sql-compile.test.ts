import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { queryRows } from '../db/database.js';
import { openTestDatabase } from '../db/test-database.js';
import { nonCompilableIssues } from './compilable.js';
import { evaluate } from './evaluate.js';
import { builtinTicketFields } from './fixtures/ticket-fields.js';
import { ConditionNotCompilable, compileCondition } from './sql-compile.js';
import { fieldLookup, type FieldDescriptor } from './types.js';
import { validateCondition } from './validate.js';

const database = await openTestDatabase();
const db = database.db;
after(() => database.close());

const categoryPrinters = '0193b3a0-0000-7000-8000-0000000000c1';
const teamField = '0193b3a0-0000-7000-8000-0000000000f1';
const ticketFields = builtinTicketFields({ priorities: ['low', 'normal', 'high', 'urgent'], categoryIds: [categoryPrinters] });

function checked(input: unknown, fields: FieldDescriptor[] = ticketFields, options = {}) {
  const result = validateCondition(input, fieldLookup(fields), options);
  assert.ok(result.ok, JSON.stringify(!result.ok && result.issues));
  return result.condition;
}

test('changes and business hours are refused whole, naming every leaf SQL cannot judge', () => {
  const condition = checked(
    {
      all: [
        { field: 'status', op: 'is', value: 'open' },
        { any: [{ field: 'status', op: 'changed_to', value: 'pending' }, { not: { field: 'created', op: 'within_business_hours', value: { calendar: 'default' } } }] },
      ],
    },
    ticketFields,
    { allowChanges: true, allowBusinessTime: true },
  );
  assert.throws(
    () => compileCondition(condition),
    (error: unknown) => {
      assert.ok(error instanceof ConditionNotCompilable);
      assert.equal(error.status, 422);
      assert.deepEqual(error.errors, [
        { path: 'conditions.all.1.any.0.op', code: 'condition.not_compilable', params: { op: 'changed_to' } },
        { path: 'conditions.all.1.any.1.not.op', code: 'condition.not_compilable', params: { op: 'within_business_hours' } },
      ]);
      return true;
    },
  );
  // The console's builder can warn before saving, with the same issues.
  assert.equal(nonCompilableIssues(condition).length, 2);
});

test('a field that lives only in memory (no SQL source) is refused by the compiler', () => {
  const draftOnly: FieldDescriptor[] = [{ key: 'visit', type: 'boolean' }];
  const condition = checked({ field: 'visit', op: 'is', value: true }, draftOnly);
  assert.equal(evaluate(condition, { values: { visit: true } }), true);
  assert.throws(() => compileCondition(condition), (error: unknown) => error instanceof ConditionNotCompilable && error.errors[0]?.code === 'condition.field_not_queryable');
});

test('values are parameters, never SQL text', () => {
  const condition = checked({ field: 'subject', op: 'contains', value: "'); drop table tickets; --" });
  const query = new PgDialect().sqlToQuery(compileCondition(condition));
  assert.ok(!query.sql.includes('drop table'), query.sql);
  assert.ok(query.params.includes("'); drop table tickets; --"));
});

test('the built-in ticket fields compile against the real tickets table', async () => {
  const insert = (id: string, number: string, subject: string, status: string, tags: string[], createdAt: string) =>
    db.execute(sql`insert into tickets (id, number, subject, description, status, priority, channel, tags, created_at, updated_at, category_id, team_id)
      values (${id}, ${number}, ${subject}, '', ${status}, 'high', 'phone', array[${sql.join(tags.map((tag) => sql`${tag}::text`), sql`, `)}]::text[], ${createdAt}::timestamptz, ${createdAt}::timestamptz, ${categoryPrinters}, ${teamField})`);
  await insert('0193b3a0-0000-7000-8000-000000000101', '20260302-0001', '打印机卡纸，急', 'open', ['vip', '打印机'], '2026-03-01T16:30:00Z');
  await insert('0193b3a0-0000-7000-8000-000000000102', '20260302-0002', '打印机卡纸', 'closed', ['vip'], '2026-03-01T16:40:00Z');
  await insert('0193b3a0-0000-7000-8000-000000000103', '20260301-0001', 'Printer offline', 'open', ['vip'], '2026-03-01T15:00:00Z');
  const condition = checked({
    all: [
      { field: 'status', op: 'in', value: ['new', 'open', 'pending'] },
      { field: 'subject', op: 'contains', value: '打印机' },
      { field: 'tags', op: 'contains', value: ['vip'] },
      { field: 'created', op: 'is', value: '2026-03-02' },
      { field: 'category', op: 'is', value: categoryPrinters },
      { field: 'team', op: 'is', value: teamField },
      { field: 'channel', op: 'is', value: 'phone' },
      { field: 'priority', op: 'is_not', value: 'low' },
      { field: 'assignee', op: 'is_empty' },
      { field: 'sla_due', op: 'is_empty' },
    ],
  });
  const rows = await queryRows<{ number: string }>(db, sql`select t.number from tickets t where ${compileCondition(condition, { table: 't' })} order by t.number`);
  assert.deepEqual(rows.map((row) => row.number), ['20260302-0001']);
  const withCategory = checked({ all: [{ field: 'category', op: 'is_not_empty' }, { not: { field: 'category', op: 'in', value: [categoryPrinters] } }] });
  const none = await queryRows<{ number: string }>(db, sql`select number from tickets where ${compileCondition(withCategory)}`);
  assert.deepEqual(none, [], 'a select kept in a uuid column: emptiness and membership compile');
});
