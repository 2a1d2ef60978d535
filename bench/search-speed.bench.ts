/**
 * `npm run bench` (part): the first page of a ticket search at scale, as an admin sees it (every
 * ticket), newest first, with its capped count — for rare, medium and very common terms.
 *
 * Needs a database loaded with `npx opencsm bench-data --tickets N` (its address in
 * BENCH_SEARCH_URL, e.g. postgresql://opencsm@127.0.0.1:55432/bench_search); skipped with a note
 * otherwise, as loading a million tickets is not something every `npm run bench` should do.
 * Prints, per term, how many tickets match and p50/p95/max over BENCH_ROUNDS (default 40).
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { queryRows } from '../src/db/database.js';
import { openPostgres } from '../src/db/postgres.js';
import type { Actor } from '../src/modules/auth/index.js';
import { listTickets } from '../src/modules/tickets/index.js';
import { searchQuery } from '../src/search/segment.js';

const url = process.env.BENCH_SEARCH_URL;
const rounds = Number(process.env.BENCH_ROUNDS ?? 40);
const terms = (process.env.BENCH_TERMS ?? '火星探测器,TCL-55C 12315,E-42,HP-2000,一个小时,40分钟,app,打印机,客服,的').split(',');

if (!url) {
  console.log('\nsearch speed: skipped (set BENCH_SEARCH_URL to a database loaded with `npx opencsm bench-data --tickets N`)');
} else {
  const database = await openPostgres(url, 2);
  const reader: Actor = { id: '00000000-0000-7000-8000-000000000000', email: 'bench@example.com', name: 'bench', role: 'admin', locale: 'zh-CN', teamIds: [] };
  const [{ n }] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from tickets`) as [{ n: number }];
  console.log(`\nsearch speed on PostgreSQL: ${n} tickets, first page of 25 newest first + count (capped at 1000), ${rounds} rounds`);
  console.log('term              matches   p50 ms   p95 ms   max ms');
  for (const term of terms) {
    const [{ matches }] = await queryRows<{ matches: number }>(database.db, sql`select count(*)::int as matches from ticket_search where document @@ ${searchQuery(term)}::tsquery`) as [{ matches: number }];
    const times: number[] = [];
    for (let i = 0; i < rounds + 2; i++) {
      const started = performance.now();
      await listTickets(database.db, reader, { q: term, limit: 25 });
      if (i >= 2) times.push(performance.now() - started); // two warm-up rounds
    }
    times.sort((a, b) => a - b);
    const at = (p: number) => times[Math.min(times.length - 1, Math.ceil(p * times.length) - 1)]!.toFixed(1);
    console.log(`${term.padEnd(16)} ${String(matches).padStart(8)} ${at(0.5).padStart(8)} ${at(0.95).padStart(8)} ${times.at(-1)!.toFixed(1).padStart(8)}`);
  }
  await database.close();
}
