import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { openTestDatabase } from '../../db/test-database.js';
import { loadBenchTickets } from '../../demo/bench-data.js';
import { listTickets } from './index.js';
import { searchCountCap } from './list-tickets.js';
import { searchTestAdmin, searchTestAgent, searchTruth } from './search-truth.js';

/**
 * The count a search shows and its first page, against the truth computed in SQL, on both paths
 * of the count (list-tickets.ts): a word in most tickets is settled by testing tickets in table
 * order (more than the cap: "1000+"), a rarer one through the GIN index (exact); a caller who sees
 * only some tickets, or a filter, makes the test read tickets too.
 */
let database: Database;
const admin = searchTestAdmin;
const agent = searchTestAgent;

before(async () => {
  database = await openTestDatabase();
  await loadBenchTickets(database, { tickets: 1_600, seed: 'search-count' });
});
after(() => database.close());

const truth = (q: string, where?: SQL) => searchTruth(database.db, q, where);

test('a word in most tickets: "more than 1 000", and the first page is the newest matches', async () => {
  const expected = await truth('的');
  assert.ok(expected.length > searchCountCap, `${expected.length} tickets hold 的`);
  const found = await listTickets(database.db, admin, { q: '的', limit: 25 });
  assert.deepEqual(found.search, { scope: 'all', total: searchCountCap, totalCapped: true });
  assert.deepEqual(found.items.map((t) => t.id), expected.slice(0, 25));
});

test('a rarer phrase: the exact count and the newest matches', async () => {
  const expected = await truth('40分钟');
  assert.ok(expected.length > 25 && expected.length < searchCountCap, `${expected.length} tickets hold 40分钟`);
  const found = await listTickets(database.db, admin, { q: '40分钟', limit: 25 });
  assert.deepEqual(found.search, { scope: 'all', total: expected.length, totalCapped: false });
  assert.deepEqual(found.items.map((t) => t.id), expected.slice(0, 25));
});

test('with a filter the count covers only the filtered tickets', async () => {
  const expected = await truth('的', sql`t.status = 'open'`);
  assert.ok(expected.length > 25 && expected.length < searchCountCap, `${expected.length} open tickets hold 的`);
  const found = await listTickets(database.db, admin, { q: '的', status: ['open'], limit: 25 });
  assert.deepEqual(found.search, { scope: 'all', total: expected.length, totalCapped: false });
  assert.deepEqual(found.items.map((t) => t.id), expected.slice(0, 25));
});

test('an agent who sees none of the tickets finds none, however common the word', async () => {
  const found = await listTickets(database.db, agent, { q: '的', limit: 25 });
  assert.deepEqual(found, { items: [], nextCursor: null, search: { scope: 'all', total: 0, totalCapped: false } });
});
