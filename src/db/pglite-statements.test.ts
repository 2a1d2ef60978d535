import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { isUniqueViolation, queryRows, type Database } from './database.js';
import { openPglite } from './pglite.js';
import { parameterText, pgliteStatementClient } from './pglite-statements.js';

// The embedded engine's statement client (issue 15): one call into the engine per statement, each
// SQL text prepared once, parameters sent as node-postgres sends them. Always PGlite: it is the
// embedded engine's driver, whatever engine the rest of the suite runs on.
let database: Database;
let pglite: PGlite;
before(async () => {
  database = await openPglite({});
  if (database.driver.engine !== 'pglite') throw new Error('expected PGlite');
  pglite = database.driver.client;
  await database.transaction((tx) =>
    tx.execute(sql`create table kinds (id int primary key, tags text[], doc jsonb, at timestamptz, bytes bytea, flag boolean, amount numeric(12, 2), note text)`),
  );
});
after(() => database.close());

/** Counts PGlite's calls into the engine while `work` runs. */
async function engineCalls(work: () => Promise<unknown>): Promise<number> {
  const original = pglite.execProtocolStream.bind(pglite);
  let calls = 0;
  pglite.execProtocolStream = (message, options) => {
    calls += 1;
    return original(message, options);
  };
  try {
    await work();
  } finally {
    pglite.execProtocolStream = original;
  }
  return calls;
}

const preparedTexts = async () => (await queryRows<{ statement: string }>(database.db, sql`select statement from pg_prepared_statements`)).map((r) => r.statement);

test('a statement is one call into the engine, and its SQL is prepared once however often it runs', async () => {
  const probe = 'select id, note from kinds where id = $1 and flag is not distinct from $2';
  const calls = await engineCalls(async () => {
    for (let id = 1; id <= 5; id++) await database.db.execute(sql.raw(probe.replace('$1', String(id)).replace('$2', 'null')));
    for (let i = 0; i < 3; i++) await database.db.execute(sql`select id from kinds where id = ${i} and flag is not distinct from ${null}`);
  });
  assert.equal(calls, 8, 'PGlite’s own query makes six calls per statement');
  const texts = await preparedTexts();
  assert.equal(texts.filter((text) => text === 'select id from kinds where id = $1 and flag is not distinct from $2').length, 1, 'three runs, one prepared statement');
});

test('parameters of every kind arrive as PostgreSQL reads them, and come back parsed', async () => {
  const at = new Date('2026-12-07T01:02:03.456Z');
  const doc = { 问题: '打印机脱机', list: [1, 'two', { three: 3 }], quote: 'a "b" \\ c' };
  const tags = ['报修', 'with "quote"', 'back\\slash', 'comma,inside', ''];
  const bytes = Buffer.from([0, 1, 2, 250, 255]);
  await database.transaction((tx) =>
    tx.execute(sql`insert into kinds (id, tags, doc, at, bytes, flag, amount, note) values (100, ${sql.param(tags)}, ${JSON.stringify(doc)}::jsonb, ${at}, ${bytes}, ${false}, ${'380.50'}, ${null})`),
  );
  const [row] = await queryRows<{ tags: string[]; doc: unknown; at: string; bytes: Uint8Array; flag: boolean; amount: string; note: null }>(
    database.db,
    sql`select tags, doc, at::text as at, bytes, flag, amount::text as amount, note from kinds where id = ${100}`,
  );
  assert.deepEqual(row?.tags, tags);
  assert.deepEqual(row?.doc, doc);
  assert.equal(new Date(row!.at).toISOString(), at.toISOString());
  assert.deepEqual(Buffer.from(row!.bytes), bytes);
  assert.equal(row?.flag, false);
  assert.equal(row?.amount, '380.50');
  assert.equal(row?.note, null);
  // The same texts node-postgres would send.
  assert.equal(parameterText([['a', null], ['b"c', 'd\\e']]), '{{"a",NULL},{"b\\"c","d\\\\e"}}');
  assert.equal(parameterText({ a: [1] }), '{"a":[1]}');
  assert.equal(parameterText(true), 'true');
  assert.equal(parameterText(undefined), null);
});

test('a failed statement leaves the session usable, its error names the constraint, and it is parsed afresh next time', async () => {
  await database.transaction((tx) => tx.execute(sql`insert into kinds (id) values (200)`));
  const insert = (id: number) => database.transaction((tx) => tx.execute(sql`insert into kinds (id) values (${id})`));
  const failure = await insert(200).then(
    () => assert.fail('a duplicate id was accepted'),
    (error: unknown) => error,
  );
  assert.ok(isUniqueViolation(failure, 'kinds_pkey'), `expected the primary key's violation, got ${String(failure)}`);
  await insert(201); // the same SQL text again, after its failure
  const [count] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from kinds where id in (200, 201)`);
  assert.equal(count?.n, 2);
});

test('a statement whose table changed shape is prepared again, outside a transaction', async () => {
  await database.transaction((tx) => tx.execute(sql`create table shapes (a int)`));
  await database.transaction((tx) => tx.execute(sql`insert into shapes values (1)`));
  const all = () => queryRows<Record<string, unknown>>(database.db, sql`select * from shapes`);
  assert.deepEqual(await all(), [{ a: 1 }]);
  await database.transaction((tx) => tx.execute(sql`alter table shapes add column b text default 'x'`));
  assert.deepEqual(await all(), [{ a: 1, b: 'x' }]);
});

test('a statement outside a transaction waits for an open one and never runs inside it', async () => {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const order: string[] = [];
  const writer = database.transaction(async (tx) => {
    await tx.execute(sql`insert into kinds (id) values (300)`);
    order.push('written');
    await held;
    throw new Error('roll back');
  });
  const reader = queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from kinds where id = 300`).then((rows) => {
    order.push('read');
    return rows[0]?.n;
  });
  await new Promise((resolve) => setImmediate(resolve));
  release();
  await assert.rejects(writer, /roll back/);
  assert.equal(await reader, 0, 'the reader saw the rolled-back row: it ran inside the transaction');
  assert.deepEqual(order, ['written', 'read']);
});

test('the number of prepared statements is bounded: the least recently used are closed', async () => {
  const engine = new PGlite();
  try {
    const client = pgliteStatementClient(engine, { statementLimit: 5 });
    for (let i = 0; i < 20; i++) await client.query(`select ${i} as n`);
    const kept = await client.query<{ n: number }>('select count(*)::int as n from pg_prepared_statements');
    // 5 kept, plus the count's own statement; the closes of the last evicted ride on the next batch.
    assert.ok(kept.rows[0]!.n <= 7, `${kept.rows[0]!.n} prepared statements are kept`);
    const again = await client.query<{ n: number }>('select 19 as n');
    assert.deepEqual(again.rows, [{ n: 19 }]);
    await client.exec('create table counted (n int); insert into counted values (1), (2), (3)');
    assert.equal((await client.query('update counted set n = n + 1 where n > $1', [1])).affectedRows, 2);
  } finally {
    await engine.close();
  }
});
