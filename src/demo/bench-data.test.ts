import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '../db/database.js';
import { openTestDatabase } from '../db/test-database.js';
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
