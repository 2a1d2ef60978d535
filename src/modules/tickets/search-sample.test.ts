import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Database } from '../../db/database.js';
import { openTestDatabase } from '../../db/test-database.js';
import { loadBenchTickets } from '../../demo/bench-data.js';
import { searchQuery } from '../../search/segment.js';
import { listTickets } from './index.js';
import { searchCountCap } from './list-tickets.js';
import { searchTestAdmin, searchTestAgent, searchTruth } from './search-truth.js';
import { sampleSearch, searchSampleSeed, type SampleTuning } from './search-sample.js';

/**
 * A search's "more than 1 000" may come from a random sample of the search documents' pages
 * (search-sample.ts); everything else is counted exactly. Each path is forced here by the sample's
 * size and seed: the whole table (the exact count), most of it (settles a common word), a few
 * pages (cannot settle it: the index counts), none (no sample). Whatever the path, the answer and
 * the page are the truth computed in SQL, and a reader's count covers only what they may see.
 */
let database: Database;
let tablePages = 0;
const admin = searchTestAdmin;
const agent = searchTestAgent;
/** How many tickets holding 的 the agent is assigned: fewer than the cap, though more than the cap hold it. */
const agentMatches = 950;

before(async () => {
  database = await openTestDatabase();
  await loadBenchTickets(database, { tickets: 1_600, seed: 'search-sample' });
  const [size] = await queryRows<{ pages: number }>(database.db, sql`select (pg_relation_size('ticket_search') / current_setting('block_size')::int)::int as pages`);
  tablePages = size!.pages;
  // The agent's tickets: 950 that hold 的 and 100 that do not (none of the rest is theirs).
  await database.db.execute(sql`
    update tickets set assignee_id = ${agent.id} where id in (
      (select ticket_id from ticket_search where ts_match_vq(document, ${searchQuery('的')}::tsquery) order by ticket_id limit ${agentMatches})
      union all (select ticket_id from ticket_search where not ts_match_vq(document, ${searchQuery('的')}::tsquery) order by ticket_id limit 100))`);
});
after(() => database.close());

const truth = (q: string, where?: SQL) => searchTruth(database.db, q, where);

const sample = (q: string, tuning: SampleTuning, conditions = sql`true`, everyTicket = true) =>
  sampleSearch(database.db, [conditions, sql`ts_match_vq(ticket_search.document, ${searchQuery(q)}::tsquery)`], everyTicket, searchCountCap, tuning);

test('a sample of every page is the exact count', async () => {
  for (const q of ['的', '40分钟', '火星探测器']) {
    const estimate = await sample(q, { pages: tablePages * 2, seed: searchSampleSeed });
    const expected = (await truth(q)).length;
    assert.deepEqual(estimate, { fraction: 1, matches: expected, estimate: expected, lowerBound: expected }, q);
  }
});

test('a word in most tickets: a sample of most pages settles "more than 1 000", a sample of a few does not, and the answer is the same on every path', async () => {
  const expected = await truth('的');
  assert.ok(expected.length > searchCountCap, `${expected.length} tickets hold 的`);
  const most: SampleTuning = { pages: Math.ceil(tablePages * 0.8), seed: searchSampleSeed };
  const few: SampleTuning = { pages: 5, seed: searchSampleSeed };
  const settled = (await sample('的', most))!;
  assert.ok(settled.fraction < 1 && settled.lowerBound > searchCountCap, `sample of 80 %: ${JSON.stringify(settled)}`);
  const unsettled = (await sample('的', few))!;
  assert.ok(unsettled.fraction < 1 && unsettled.lowerBound <= searchCountCap, `sample of 5 pages: ${JSON.stringify(unsettled)}`);
  for (const tuning of [most, few, { pages: 0, seed: searchSampleSeed }, { pages: tablePages * 2, seed: searchSampleSeed }]) {
    const found = await listTickets(database.db, admin, { q: '的', limit: 25 }, tuning);
    assert.deepEqual(found.search, { scope: 'all', total: searchCountCap, totalCapped: true }, JSON.stringify(tuning));
    assert.deepEqual(found.items.map((t) => t.id), expected.slice(0, 25), JSON.stringify(tuning));
  }
});

test('fewer matches than the cap are counted exactly, even where a sample\'s estimate says more: the margin and the reader\'s visibility hold', async () => {
  const mine = sql`tickets.assignee_id = ${agent.id}`;
  const expected = await truth('的', sql`t.assignee_id = ${agent.id}`);
  assert.equal(expected.length, agentMatches);
  let overestimates = 0;
  for (let seed = 1; seed <= 16; seed++) {
    for (const share of [0.5, 0.7]) {
      const tuning: SampleTuning = { pages: Math.ceil(tablePages * share), seed };
      const estimate = (await sample('的', tuning, mine, false))!;
      assert.ok(estimate.fraction < 1 && estimate.lowerBound <= searchCountCap, `seed ${seed}, ${share}: ${JSON.stringify(estimate)}`);
      const overestimated = estimate.estimate > searchCountCap;
      if (overestimated) overestimates++;
      // The search itself, where the estimate alone would have said "more than 1 000" and on the
      // first sample (without the join to tickets the sample would see every ticket's 的).
      if (!overestimated && seed > 1) continue;
      const found = await listTickets(database.db, agent, { q: '的', limit: 25 }, tuning);
      assert.deepEqual(found.search, { scope: 'all', total: agentMatches, totalCapped: false }, `seed ${seed}, ${share}`);
      assert.deepEqual(found.items.map((t) => t.id), expected.slice(0, 25), `seed ${seed}, ${share}`);
    }
  }
  // Some samples' estimates alone would have answered "more than 1 000": only the margin kept them exact.
  assert.ok(overestimates > 0, 'no sample overestimated: this test no longer tests the margin');
});

test('a filter applies to the sample too', async () => {
  const expected = await truth('的', sql`t.status = 'resolved'`);
  assert.ok(expected.length > 25 && expected.length < searchCountCap, `${expected.length} resolved tickets hold 的`);
  for (const pages of [0, Math.ceil(tablePages * 0.8), tablePages * 2]) {
    const found = await listTickets(database.db, admin, { q: '的', status: ['resolved'], limit: 25 }, { pages, seed: searchSampleSeed });
    assert.deepEqual(found.search, { scope: 'all', total: expected.length, totalCapped: false }, `${pages} pages`);
    assert.deepEqual(found.items.map((t) => t.id), expected.slice(0, 25), `${pages} pages`);
  }
});
