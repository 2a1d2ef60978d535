/**
 * `npm run bench` (part): the first page of a ticket search at scale, as an admin sees it (every
 * ticket), newest first, with its capped count — for rare, medium and very common terms.
 *
 * Needs a database loaded with `npx opencsm bench-data --tickets N` (its address in
 * BENCH_SEARCH_URL, e.g. postgresql://opencsm@127.0.0.1:55434/bench_1m); skipped with a note
 * otherwise, as loading a million tickets is not something every `npm run bench` should do.
 * Prints the data and database size, the machine's load average before and after (the machine is
 * shared: figures taken under load are upper bounds), and per term how many tickets match and
 * p50/p95/max over BENCH_ROUNDS (default 40) after two warm-up rounds. The rounds go term after
 * term, interleaved, so a burst of load on the machine spreads over every term instead of landing
 * on one. BENCH_SKIP_NEWEST=N starts every search below the N newest tickets (a cursor: a later
 * page's work, the same count and walk), to measure past tickets another bench added on top that
 * hold none of the terms (BENCHMARKS.md, "The count from a random sample").
 */
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { queryRows } from '../src/db/database.js';
import { openPostgres } from '../src/db/postgres.js';
import type { Actor } from '../src/modules/auth/index.js';
import { listTickets } from '../src/modules/tickets/index.js';
import { encodeCursor } from '../src/modules/tickets/ticket-sort.js';
import { searchQuery } from '../src/search/segment.js';

const url = process.env.BENCH_SEARCH_URL;
const rounds = Number(process.env.BENCH_ROUNDS ?? 40);
const terms = (process.env.BENCH_TERMS ?? '火星探测器,TCL-55C 12315,E-42,HP-2000,一个小时,40分钟,app,打印机,客服,的').split(',');

if (!url) {
  console.log('\nsearch speed: skipped (set BENCH_SEARCH_URL to a database loaded with `npx opencsm bench-data --tickets N`)');
} else {
  const database = await openPostgres(url, 2);
  const reader: Actor = { id: '00000000-0000-7000-8000-000000000000', email: 'bench@example.com', name: 'bench', role: 'admin', locale: 'zh-CN', teamIds: [] };
  const [facts] = await queryRows<{ tickets: number; messages: number; database: string; search: string; gin: string; version: string }>(database.db, sql`
    select (select count(*)::int from tickets) as tickets, (select count(*)::int from ticket_messages) as messages,
      pg_size_pretty(pg_database_size(current_database())) as database,
      pg_size_pretty(pg_total_relation_size('ticket_search') - pg_relation_size('ticket_search_document_idx')) as search,
      pg_size_pretty(pg_relation_size('ticket_search_document_idx')) as gin, current_setting('server_version') as version`);
  const load = () => loadavg().map((l) => l.toFixed(1)).join(' / ');
  console.log(`\nsearch speed on PostgreSQL ${facts!.version}: ${facts!.tickets} tickets, ${facts!.messages} messages; database ${facts!.database}, ticket_search ${facts!.search} + GIN ${facts!.gin}`);
  console.log(`${cpus().length} CPUs, load average (1/5/15 min) before: ${load()}`);
  console.log(`first page of 25 newest first + count (capped), ${rounds} rounds`);

  const skip = Number(process.env.BENCH_SKIP_NEWEST ?? 0);
  const [below] = skip > 0 ? await queryRows<{ at: string; id: string }>(database.db, sql`
    select to_char(updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at, id::text as id
    from tickets order by updated_at desc, id desc offset ${skip - 1} limit 1`) : [];
  const cursor = below ? encodeCursor({ sort: '-updatedAt', values: [below.at, below.id] }) : undefined;
  if (cursor) console.log(`every search starts below the ${skip} newest tickets`);

  const matches = new Map<string, number>();
  for (const term of terms) {
    const [row] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from ticket_search where document @@ ${searchQuery(term)}::tsquery`);
    matches.set(term, row!.n);
  }
  const times = new Map<string, number[]>(terms.map((t) => [t, []]));
  for (let i = 0; i < rounds + 2; i++) {
    for (const term of terms) {
      const started = performance.now();
      await listTickets(database.db, reader, { q: term, limit: 25, ...(cursor && { cursor }) });
      if (i >= 2) times.get(term)!.push(performance.now() - started); // two warm-up rounds
    }
  }
  console.log('term              matches   p50 ms   p95 ms   max ms');
  for (const term of terms) {
    const sorted = times.get(term)!.sort((a, b) => a - b);
    const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!.toFixed(1);
    console.log(`${term.padEnd(16)} ${String(matches.get(term)).padStart(8)} ${at(0.5).padStart(8)} ${at(0.95).padStart(8)} ${sorted.at(-1)!.toFixed(1).padStart(8)}`);
  }
  console.log(`load average after: ${load()}`);
  await database.close();
}
