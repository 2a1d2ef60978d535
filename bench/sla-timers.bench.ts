/**
 * `npm run bench` (part): SLA timers at scale (issue 6, point 5). For each engine (PGlite;
 * PostgreSQL too when BENCH_DATABASE_URL is set, in a fresh database dropped afterwards) it loads
 * BENCH_TICKETS open tickets (default 100 000), each with a running resolution timer due some time
 * in the next month, directly with SQL, then runs the real app's worker (every module's jobs and
 * due-row sources, default poll 500 ms) and measures:
 *  - idle: the scheduler's poll when nothing is due (p50/p95 of one poll, and the process's CPU
 *    per minute with the worker running, BENCH_IDLE_SECONDS, default 60);
 *  - lists: the first page of tickets sorted by SLA due time, and of the 已超时 view;
 *  - lag: BENCH_DUE timers (default 1 000) made due over 20 s while the worker runs; the lag is
 *    the breach's recorded time (the domain event's commit) minus its due time.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { pino } from 'pino';
import { systemClock } from '../src/app/clock.js';
import { loadConfig } from '../src/app/config.js';
import { createApp } from '../src/app/create-app.js';
import { queryRows, type Database } from '../src/db/database.js';
import { runMigrations } from '../src/db/migrate.js';
import type { Actor } from '../src/modules/auth/index.js';
import { slaDueTimers } from '../src/modules/sla/fire-due-timers.js';
import { listTickets } from '../src/modules/tickets/index.js';
import { onEachEngine } from './on-each-engine.js';

const ticketCount = Number(process.env.BENCH_TICKETS ?? 100_000);
const dueCount = Number(process.env.BENCH_DUE ?? 1_000);
const idleSeconds = Number(process.env.BENCH_IDLE_SECONDS ?? 60);
const log = pino({ level: 'silent' });

const calendarId = '019ab000-0000-7000-8000-0000000be001';
const policyId = '019ab000-0000-7000-8000-0000000be002';

async function load(database: Database): Promise<void> {
  const started = performance.now();
  // An always-open calendar and a policy without warning or steps: each due timer fires one breach.
  await database.db.execute(sql`insert into sla_calendars (id, name_zh, time_zone, weekly, always_open) values (${calendarId}, '基准 7×24', 'Asia/Shanghai', '[[],[],[],[],[],[],[]]'::jsonb, true)`);
  await database.db.execute(sql`insert into sla_policies (id, name_zh, position, targets, calendar_id) values (${policyId}, '基准', 99, '{"normal":{"resolutionMinutes":43200}}'::jsonb, ${calendarId})`);
  await database.db.execute(sql`
    insert into tickets (id, number, subject, description, status, priority, channel, created_at, updated_at)
    select gen_random_uuid(), 'B' || lpad(n::text, 8, '0'), '基准工单 ' || n, '', 'open', 'normal', 'api', now(), now()
    from generate_series(1, ${ticketCount}) n`);
  await database.db.execute(sql`
    insert into sla_ticket_timers (id, ticket_id, target, policy_id, calendar_id, target_minutes, state, started_at, running_since, due_at, next_check_at)
    select gen_random_uuid(), id, 'resolution', ${policyId}, ${calendarId}, 43200, 'running', now(), now(), due, due
    from (select id, now() + interval '1 hour' + random() * interval '30 days' as due from tickets) t`);
  // What the SLA module keeps on each ticket for lists (setTicketSlaDueAt).
  await database.db.execute(sql`update tickets k set sla_due_at = s.due_at from sla_ticket_timers s where s.ticket_id = k.id`);
  await database.db.execute(sql`analyze`);
  console.log(`  loaded ${ticketCount} open tickets with a running timer in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

function percentiles(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(1);
  return `p50 ${at(0.5)} ms   p95 ${at(0.95)} ms   max ${sorted.at(-1)!.toFixed(1)} ms`;
}

async function measure(engine: string, database: Database, url?: string): Promise<void> {
  console.log(`\n${engine}`);
  await runMigrations(database, url);
  await load(database);

  const poll = slaDueTimers(systemClock);
  const polls: number[] = [];
  for (let i = 0; i < 205; i++) {
    const start = performance.now();
    const handled = await poll({ database, log });
    if (handled) throw new Error('nothing should be due');
    if (i >= 5) polls.push(performance.now() - start);
  }
  console.log(`  idle poll (nothing due, ${ticketCount} running timers)   ${percentiles(polls)}`);

  const dir = await mkdtemp(join(tmpdir(), 'opencsm-bench-sla-'));
  const app = await createApp(loadConfig({ OPENCSM_DATA_DIR: dir, LOG_LEVEL: 'silent' }), database, { log });
  try {
    // Lists read the timers through the SLA read extension the app registered.
    const admin: Actor = { id: '019ab000-0000-7000-8000-0000000be003', email: 'bench@example.test', name: 'bench', role: 'admin', locale: 'zh-CN', teamIds: [] };
    for (const [label, filter] of [['list: first page by SLA due time', { sort: 'slaDueAt' as const, limit: 50 }], ['list: first page of 已超时 (breached)', { view: 'breached', limit: 50 }]] as const) {
      const samples: number[] = [];
      for (let i = 0; i < 25; i++) {
        const start = performance.now();
        await listTickets(database.db, admin, filter);
        if (i >= 5) samples.push(performance.now() - start);
      }
      console.log(`  ${label} (${ticketCount} open)   ${percentiles(samples)}`);
    }
    app.worker.start();
    await new Promise((resolve) => setTimeout(resolve, 2_000)); // first rounds (relay of nothing)
    const before = process.cpuUsage();
    const wallStart = performance.now();
    await new Promise((resolve) => setTimeout(resolve, idleSeconds * 1000));
    const used = process.cpuUsage(before);
    const perMinute = ((used.user + used.system) / 1000) * (60_000 / (performance.now() - wallStart));
    console.log(`  idle worker CPU (this process${engine === 'pglite' ? ', database included' : ', PostgreSQL server not included'})   ${perMinute.toFixed(0)} ms per minute (${(perMinute / 600).toFixed(2)} % of one core)`);

    // Make `dueCount` timers due, spread over the next 20 s, and wait for every breach.
    await database.db.execute(sql`
      update sla_ticket_timers s set due_at = d.due, next_check_at = d.due
      from (select id, now() + interval '2 seconds' + (row_number() over (order by id)) * (interval '20 seconds' / ${dueCount}) as due
            from sla_ticket_timers order by id limit ${dueCount}) d
      where s.id = d.id`);
    const deadline = Date.now() + 120_000;
    let fired = 0;
    while (fired < dueCount && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const [row] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from domain_events where type = 'sla.breached'`);
      fired = row!.n;
    }
    const lags = await queryRows<{ lag_ms: number }>(database.db, sql`
      select extract(epoch from (e.created_at - (e.payload->>'plannedAt')::timestamptz)) * 1000 as lag_ms
      from domain_events e where e.type = 'sla.breached'`);
    console.log(`  due → fired lag (${lags.length}/${dueCount} breaches, poll 500 ms)   ${percentiles(lags.map((r) => Number(r.lag_ms)))}`);
    const [twice] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from (select aggregate_id from domain_events where type = 'sla.breached' group by aggregate_id having count(*) > 1) x`);
    console.log(`  tickets breached twice: ${twice!.n}`);
  } finally {
    await app.worker.stop();
    await app.server.close();
    await rm(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  console.log(`SLA timers bench: ${ticketCount} open tickets with running timers, ${dueCount} made due, Node ${process.version}`);
  await onEachEngine('opencsm_bench_sla', measure);
}

await main();
