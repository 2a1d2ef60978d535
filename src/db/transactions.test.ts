import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import type { Database } from './database.js';
import { queryRows } from './database.js';
import { openTestDatabase } from './test-database.js';

// Runs on whichever engine the suite runs on (PGlite by default, PostgreSQL with TEST_DATABASE_URL).
let database: Database;
before(async () => {
  database = await openTestDatabase();
  await database.transaction((tx) => tx.execute(sql`create table probe (label text not null)`));
});
after(() => database.close());

const yieldTurns = async (n: number) => {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
};
const labels = async (db: Database['db']) => (await queryRows<{ label: string }>(db, sql`select label from probe order by label`)).map((r) => r.label);

test('two overlapping transactions never see each other’s uncommitted writes', async () => {
  await database.transaction((tx) => tx.execute(sql`delete from probe`));
  const trace: string[] = [];
  const writer = (own: string, other: string) =>
    database.transaction(async (tx) => {
      await tx.execute(sql`insert into probe values (${own})`);
      await yieldTurns(20); // give the other transaction every chance to run in the middle
      const seen = await labels(tx);
      assert.ok(seen.includes(own));
      // Seeing the other's row is only allowed once the other has finished (committed).
      if (seen.includes(other)) assert.ok(trace.includes(`${other}:done`), `${own} saw ${other}'s uncommitted row`);
      trace.push(`${own}:done`);
    });
  await Promise.all([writer('a', 'b'), writer('b', 'a')]);
  assert.deepEqual(await labels(database.db), ['a', 'b']);
});

test('a rolled-back write is never visible to a concurrent transaction or afterwards', async () => {
  await database.transaction((tx) => tx.execute(sql`delete from probe`));
  const seenByB: string[][] = [];
  const a = database.transaction(async (tx) => {
    await tx.execute(sql`insert into probe values ('doomed')`);
    await yieldTurns(20);
    throw new Error('rollback');
  });
  const b = database.transaction(async (tx) => {
    await yieldTurns(5);
    seenByB.push(await labels(tx));
  });
  await assert.rejects(a, /rollback/);
  await b;
  assert.deepEqual(seenByB, [[]]);
  assert.deepEqual(await labels(database.db), []);
});

test('on the embedded engine transactions run one at a time, in order', async () => {
  const trace: string[] = [];
  const work = (name: string) =>
    database.transaction(async (tx) => {
      trace.push(`${name}:begin`);
      await tx.execute(sql`select 1`);
      await yieldTurns(10);
      trace.push(`${name}:end`);
    });
  await Promise.all([work('x'), work('y'), work('z')]);
  if (database.engine === 'pglite') {
    assert.deepEqual(trace, ['x:begin', 'x:end', 'y:begin', 'y:end', 'z:begin', 'z:end']);
  } else {
    // PostgreSQL runs them concurrently on separate connections; all three complete.
    assert.equal(trace.filter((t) => t.endsWith(':end')).length, 3);
  }
});
