import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { queryRows, type Database } from './database.js';
import { openPostgres } from './postgres.js';
import { preparingClient } from './postgres-statements.js';
import { openTestDatabase } from './test-database.js';

// PostgreSQL statements prepared once per connection (issue 15). PostgreSQL only: the embedded
// engine has its own statement client (pglite-statements.test.ts).
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
const skip = !onPostgres && 'needs TEST_DATABASE_URL (PostgreSQL)';
let database: (Database & { url?: string }) | undefined;
let single: Database | undefined;
before(async () => {
  if (!onPostgres) return;
  database = await openTestDatabase();
  single = await openPostgres(database.url!, 1); // one connection: every query sees the same session
});
after(async () => {
  await single?.close();
  await database?.close();
});

const prepared = async (db: Database['db']) => (await queryRows<{ statement: string }>(db, sql`select statement from pg_prepared_statements`)).map((r) => r.statement);

test('a parameterised SQL text is prepared once per connection, however often it runs', { skip }, async () => {
  for (let i = 0; i < 4; i++) {
    const [row] = await queryRows<{ n: number }>(single!.db, sql`select ${i}::int + 1 as n`);
    assert.equal(row?.n, i + 1);
  }
  await single!.db.execute(sql.raw('select 41 + 1 as unparameterised'));
  const statements = await prepared(single!.db);
  assert.equal(statements.filter((s) => s === 'select $1::int + 1 as n').length, 1);
  assert.ok(!statements.some((s) => s.includes('unparameterised')), 'a text without parameters is planned for its literals: not prepared');
});

test('a statement that fails to parse fails the same way again, and the connection stays usable', { skip }, async () => {
  for (let i = 0; i < 2; i++) {
    await assert.rejects(queryRows(single!.db, sql`selec ${i}::int`), (error: unknown) => {
      const cause = (error as { cause?: { code?: string } }).cause;
      assert.equal(cause?.code, '42601', `expected a syntax error, got ${String(error)}`);
      return true;
    });
  }
  const [row] = await queryRows<{ ok: boolean }>(single!.db, sql`select ${true}::boolean as ok`);
  assert.equal(row?.ok, true);
});

test('beyond its limit a pool runs new texts unnamed', { skip }, async () => {
  const pool = new pg.Pool({ connectionString: database!.url!, max: 1, Client: preparingClient(2) });
  try {
    for (let i = 0; i < 5; i++) await pool.query({ text: `select $1::int + ${i} as n`, values: [1] });
    const { rows } = await pool.query<{ n: number }>('select count(*)::int as n from pg_prepared_statements');
    assert.equal(rows[0]?.n, 2);
  } finally {
    await pool.end();
  }
});
