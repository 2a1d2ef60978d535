/**
 * Issue 15, "Reads at 1M tickets on PostgreSQL": the reads an agent makes all day, over the API
 * (in-process `inject`, an admin's token), on a database loaded with `npx opencsm bench-data`:
 * the queue's first page, a status + team filter, the SLA-sorted view, page 40 by cursor, and one
 * ticket with its timeline. p50/p95 over BENCH_ROUNDS (default 40) after two warm-up rounds, the
 * cases interleaved. Needs BENCH_READS_URL (e.g. postgresql://opencsm@127.0.0.1:55434/bench_fields_1m);
 * the generator gives tickets no team and no SLA due time, so give them some first (BENCHMARKS.md
 * says how); the bench adds one admin user and token to the database.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { pino } from 'pino';
import { loadConfig } from '../src/app/config.js';
import { createApp } from '../src/app/create-app.js';
import { queryRows } from '../src/db/database.js';
import { openDatabase } from '../src/db/open-database.js';
import { createApiToken, createUser, loadActor } from '../src/modules/auth/index.js';

const url = process.env.BENCH_READS_URL;
const rounds = Number(process.env.BENCH_ROUNDS ?? 40);
if (!url) {
  console.log('\nreads at scale: skipped (set BENCH_READS_URL to a database loaded with `npx opencsm bench-data --tickets N`)');
} else {
  const dataDir = await mkdtemp(join(tmpdir(), 'opencsm-reads-'));
  const config = loadConfig({ LOG_LEVEL: 'silent', OPENCSM_DATA_DIR: dataDir, DATABASE_URL: url });
  const database = await openDatabase(config);
  const app = await createApp(config, database, { log: pino({ level: 'silent' }) });
  const user = await createUser(database, null, { email: `reads-${Date.now()}@opencsm.local`, name: 'reads', password: 'bench-password-1', role: 'admin' });
  const { token } = await createApiToken(database, (await loadActor(database.db, user.id))!, { name: 'reads' });
  const get = async (path: string) => {
    const res = await app.server.inject({ method: 'GET', url: path, headers: { authorization: `Bearer ${token}` } });
    if (res.statusCode !== 200) throw new Error(`${path}: ${res.statusCode} ${res.body}`);
    return res.json<{ items?: Array<{ id: string }>; nextCursor?: string | null }>();
  };
  const [facts] = await queryRows<{ tickets: number; team: string | null; unsolved: number }>(
    database.db,
    sql`select (select count(*)::int from tickets) as tickets, (select team_id::text from tickets where team_id is not null limit 1) as team, (select count(*)::int from tickets where status in ('new', 'open', 'pending')) as unsolved`,
  );
  if (!facts?.team) throw new Error('the tickets have no team: give them some first (BENCHMARKS.md, "Reads at 1M")');
  const queue = '/api/v1/tickets?status=new,open,pending&limit=25';
  // Page 40 of the queue: its cursor is found once, then that page is fetched each round.
  let cursor: string | null | undefined;
  for (let page = 1; page < 40; page++) cursor = (await get(`${queue}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)).nextCursor;
  const sample = await queryRows<{ id: string }>(database.db, sql`select id from tickets tablesample system (0.1) repeatable (7) limit ${rounds + 2}`);
  const cases: Array<[string, (round: number) => Promise<unknown>]> = [
    ['queue, first page (new/open/pending, newest first)', () => get(queue)],
    ['status open + one team', () => get(`/api/v1/tickets?status=open&teamId=${facts.team}&limit=25`)],
    ['SLA-sorted view (due first)', () => get(`${queue}&sort=slaDueAt`)],
    ['queue, page 40 by cursor', () => get(`${queue}&cursor=${encodeURIComponent(cursor!)}`)],
    ['one ticket + its timeline', (round) => Promise.all([get(`/api/v1/tickets/${sample[round % sample.length]!.id}`), get(`/api/v1/tickets/${sample[round % sample.length]!.id}/timeline`)])],
  ];
  const times = new Map<string, number[]>(cases.map(([name]) => [name, []]));
  console.log(`\nreads at scale: ${facts.tickets} tickets (${facts.unsolved} unsolved), ${rounds} rounds, load average before ${loadavg().map((l) => l.toFixed(1)).join(' / ')}`);
  for (let round = 0; round < rounds + 2; round++) {
    for (const [name, read] of cases) {
      const started = performance.now();
      await read(round);
      if (round >= 2) times.get(name)!.push(performance.now() - started);
    }
  }
  for (const [name] of cases) {
    const sorted = times.get(name)!.sort((a, b) => a - b);
    const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!.toFixed(1);
    console.log(`${name.padEnd(52)} p50 ${at(0.5).padStart(6)} ms  p95 ${at(0.95).padStart(6)} ms  max ${sorted.at(-1)!.toFixed(1)} ms`);
  }
  console.log(`load average after: ${loadavg().map((l) => l.toFixed(1)).join(' / ')}`);
  await app.server.close();
  await database.close();
  await rm(dataDir, { recursive: true, force: true });
}
