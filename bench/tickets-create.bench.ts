/**
 * `npm run bench`: how many tickets per second the real server creates over HTTP.
 *
 * For each engine — embedded PGlite in a temporary data dir, and PostgreSQL when
 * BENCH_DATABASE_URL is set (a fresh database is created on that server and dropped afterwards) —
 * it starts the production wiring in this process (loadConfig → openDatabase → createApp, worker
 * running as with `npm start`), listens on a free loopback port, creates an admin and an API token,
 * and fires POST /api/v1/tickets from autocannon in a worker thread, so the load generator does
 * not share the server's event loop. Loopback only; bounded in time; cleans up after itself.
 *
 * Environment:
 *   BENCH_CONNECTIONS   concurrent connections (default 10)
 *   BENCH_DURATION      seconds per engine (default 10)
 *   BENCH_DATABASE_URL  PostgreSQL server URL, e.g. postgresql://opencsm@127.0.0.1:55433/postgres
 *   BENCH_DATABASE_NAME database created there for the run (default opencsm_bench; dropped after)
 *   BENCH_ENGINES       comma list to run a subset: pglite,postgres (default: both when possible)
 *   BENCH_WORKER        "off" to measure without the background worker (search indexing)
 *   BENCH_POOL_SIZE     node-postgres pool size for PostgreSQL (default: the server's default, 10)
 *   BENCH_RATE          requests per second over all connections (default: as fast as answered):
 *                       issue 15's lag target holds "at the target rate", not at saturation
 *   BENCH_WARMUP        seconds of the same load before the measured run (default 0): V8 still
 *                       compiles hot code on its helper threads for the first ~20 s of load, which
 *                       the "other threads" CPU of a short run counts
 * Profile: node --cpu-prof --cpu-prof-dir=.tmp/prof --import tsx bench/tickets-create.bench.ts
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { pino } from 'pino';
import { loadConfig, type Config } from '../src/app/config.js';
import { createApp } from '../src/app/create-app.js';
import { queryRows, type Database } from '../src/db/database.js';
import { openDatabase } from '../src/db/open-database.js';
import { openPostgres } from '../src/db/postgres.js';
import { runMigrations } from '../src/db/migrate.js';
import { withDatabase } from '../src/db/test-database.js';
import { createApiToken, createUser, loadActor } from '../src/modules/auth/index.js';
import { postmasterOf, watchCpu, type CpuSplit } from './cpu-by-process.js';

const connections = positiveInt('BENCH_CONNECTIONS', 10);
const duration = positiveInt('BENCH_DURATION', 10);
const serverUrl = process.env.BENCH_DATABASE_URL || undefined;
const benchDatabaseName = process.env.BENCH_DATABASE_NAME || 'opencsm_bench';
const engines = (process.env.BENCH_ENGINES || (serverUrl ? 'pglite,postgres' : 'pglite')).split(',').map((e) => e.trim());
const withWorker = process.env.BENCH_WORKER !== 'off';
const poolSize = process.env.BENCH_POOL_SIZE ? positiveInt('BENCH_POOL_SIZE', 10) : undefined;
const rate = process.env.BENCH_RATE ? positiveInt('BENCH_RATE', 1) : undefined;
const warmupSeconds = process.env.BENCH_WARMUP ? positiveInt('BENCH_WARMUP', 1) : 0;
const catchUpLimitMs = 120_000;
/**
 * Statements sent to the bench database by any node-postgres client of this process (the server's
 * pool: API and worker; BEGIN and COMMIT included). The wait sampler talks to another database.
 */
let statementsSent = 0;
const clientQuery = pg.Client.prototype.query;
pg.Client.prototype.query = function countedQuery(this: pg.Client, ...args: Parameters<typeof clientQuery>) {
  if (this.database === benchDatabaseName) statementsSent += 1;
  return Reflect.apply(clientQuery, this, args);
} as typeof clientQuery;
/** Loaded by path in autocannon's worker thread: numbers each request's `{n}`. */
const setupRequestPath = fileURLToPath(new URL('./ticket-request.cjs', import.meta.url));

type EngineResult = {
  engine: string;
  ticketsPerSecond: number;
  created: number;
  p50: number;
  p97_5: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  unindexedAfterRun: number;
  indexCatchUpSeconds: number | null;
  /** Share of the run the server's event loop was busy (1.0 = the main thread is saturated). */
  eventLoopUtilisation: number;
  /** PostgreSQL: average number of sessions per sample waiting on a lock / idle in a transaction. */
  waits: Record<string, number> | null;
  /** CPU time of the server's main thread per created ticket, during the load (Linux only). */
  cpuMsPerTicket: number | null;
  /** PostgreSQL: statements the server's process sent per created ticket (API and worker, BEGIN and COMMIT included). */
  statementsPerTicket: number | null;
  /** CPU ms per created ticket by process during the load (Linux only; see cpu-by-process.ts). */
  cpuSplitMsPerTicket: CpuSplit | null;
};

type Target = {
  engine: string;
  config: Config;
  /** PostgreSQL: the database the server's backends serve, to count their CPU. */
  databaseName?: string;
  open(): Promise<Database>;
  /** Samples what the server's sessions wait on during the load (PostgreSQL only). */
  watchWaits?(): WaitSampler;
  cleanup(): Promise<void>;
};
type WaitSampler = { stop(): Promise<Record<string, number>> };

function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, got ${JSON.stringify(raw)}`);
  return value;
}

const baseEnv = { LOG_LEVEL: 'silent', HOST: '127.0.0.1', PORT: '0', OPENCSM_TIMEZONE: 'Asia/Shanghai' };

async function pgliteTarget(): Promise<Target> {
  const dataDir = await mkdtemp(join(tmpdir(), 'opencsm-bench-'));
  const config = loadConfig({ ...baseEnv, OPENCSM_DATA_DIR: dataDir });
  return {
    engine: 'pglite (embedded, durable commits)',
    config,
    open: () => openDatabase(config),
    cleanup: () => rm(dataDir, { recursive: true, force: true }),
  };
}

async function postgresTarget(url: string): Promise<Target> {
  if (!/^[a-z_][a-z0-9_]*$/.test(benchDatabaseName)) throw new Error('BENCH_DATABASE_NAME must be a plain identifier');
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query<Record<string, string>>(statement)).rows;
    } finally {
      await client.end();
    }
  };
  await admin(`drop database if exists ${benchDatabaseName} with (force)`);
  await admin(`create database ${benchDatabaseName}`);
  const databaseUrl = withDatabase(url, benchDatabaseName);
  const dataDir = await mkdtemp(join(tmpdir(), 'opencsm-bench-'));
  const config = loadConfig({ ...baseEnv, OPENCSM_DATA_DIR: dataDir, DATABASE_URL: databaseUrl });
  const [version] = await admin('show server_version');
  return {
    engine: `postgresql ${version?.server_version ?? '?'}${poolSize ? ` (pool ${poolSize})` : ''}`,
    config,
    databaseName: benchDatabaseName,
    async open() {
      if (!poolSize) return openDatabase(config);
      const database = await openPostgres(databaseUrl, poolSize);
      await runMigrations(database, databaseUrl);
      return database;
    },
    watchWaits: () => sampleWaits(url, benchDatabaseName),
    async cleanup() {
      await rm(dataDir, { recursive: true, force: true });
      await admin(`drop database if exists ${benchDatabaseName} with (force)`);
    },
  };
}

function ticketBody(requester: Record<string, string>): string {
  return JSON.stringify({
    subject: '客户反映打印机无法连接网络 #{n}',
    description: '财务部的 HP LaserJet Pro M404dn 打印机显示脱机，重启后仍无法打印。办公室其他电脑上网正常。The printer is offline.',
    priority: 'normal',
    tags: ['报修', '打印机'],
    channel: 'phone',
    requester,
  });
}

async function runEngine(target: Target): Promise<EngineResult> {
  const database = await target.open();
  const app = await createApp(target.config, database, { log: pino({ level: 'silent' }) });
  try {
    const user = await createUser(database, null, { email: 'bench@opencsm.local', name: '压测管理员', password: 'bench-password-1', role: 'admin' });
    const actor = (await loadActor(database.db, user.id))!;
    const { token } = await createApiToken(database, actor, { name: 'bench' });
    if (withWorker) app.worker.start();
    await app.server.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.server.address();
    if (!address || typeof address === 'string') throw new Error('server is not listening on a TCP port');
    const url = `http://127.0.0.1:${address.port}/api/v1/tickets`;
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };

    // Half the requests come from a new customer, half from one who has called before.
    const newCustomer = ticketBody({ name: '压测客户', email: 'customer-{n}@bench.example.com' });
    const returningCustomer = ticketBody({ name: '王建国', phone: '138 0013 8000' });
    for (let i = 0; i < 30; i++) {
      const response = await fetch(url, { method: 'POST', headers, body: (i % 2 ? returningCustomer : newCustomer).replaceAll('{n}', `warmup-${i}`) });
      if (response.status !== 201) throw new Error(`warm-up request answered ${response.status}: ${await response.text()}`);
    }
    const load = {
      url,
      method: 'POST' as const,
      headers,
      connections,
      workers: 1,
      ...(rate && { overallRate: rate }),
      requests: [
        { body: newCustomer, setupRequest: setupRequestPath },
        { body: returningCustomer, setupRequest: setupRequestPath },
      ],
    };
    if (warmupSeconds) await autocannon({ ...load, duration: warmupSeconds });
    const before = await countTickets(database);
    const eluBefore = performance.eventLoopUtilization();
    const cpuBefore = mainThreadCpuMs();
    const loadStartedAt = performance.now();
    const waitSampler = target.watchWaits?.();
    const postmasterPid = target.databaseName ? postmasterOf((await queryRows<{ pid: number }>(database.db, sql`select pg_backend_pid() as pid`))[0]!.pid) : undefined;
    const statementsBefore = statementsSent;
    const cpuWatch = watchCpu(postmasterPid && target.databaseName ? { postmasterPid, database: target.databaseName } : undefined);

    const result = await autocannon({ ...load, duration });
    const eventLoopUtilisation = performance.eventLoopUtilization(eluBefore).utilization;
    const cpuAfter = mainThreadCpuMs();
    const cpuSplit = cpuWatch.stop();
    const statements = statementsSent - statementsBefore;
    const waits = (await waitSampler?.stop()) ?? null;
    // With --cpu-prof, say which part of the profile is the load (ms since process start).
    if (process.execArgv.some((arg) => arg.startsWith('--cpu-prof'))) {
      process.stderr.write(`profile window: ${Math.round(loadStartedAt)}-${Math.round(performance.now())} ms\n`);
    }
    const created = (await countTickets(database)) - before;
    const unindexed = await countUnindexed(database);
    const catchUp = withWorker ? await waitForIndex(database) : null;
    return {
      engine: target.engine,
      ticketsPerSecond: created / (result.duration || duration),
      created,
      p50: result.latency.p50,
      p97_5: result.latency.p97_5,
      p99: result.latency.p99,
      max: result.latency.max,
      non2xx: result.non2xx,
      errors: result.errors,
      timeouts: result.timeouts,
      unindexedAfterRun: unindexed,
      indexCatchUpSeconds: catchUp,
      eventLoopUtilisation,
      waits,
      // Includes the worker's share (indexing), which runs on the same thread.
      cpuMsPerTicket: cpuBefore !== null && cpuAfter !== null && created > 0 ? (cpuAfter - cpuBefore) / created : null,
      statementsPerTicket: target.databaseName && created > 0 ? statements / created : null,
      cpuSplitMsPerTicket: created > 0 && cpuSplit.machine > 0 ? perTicketMs(cpuSplit, created) : null,
    };
  } finally {
    await app.server.close();
    await app.worker.stop();
    await database.close();
  }
}

/**
 * Every 50 ms, count the bench database's sessions that wait on a lock (by wait event and
 * statement) or sit idle inside a transaction (waiting for the application's next statement).
 */
function sampleWaits(serverUrl: string, database: string): WaitSampler {
  const client = new pg.Client({ connectionString: serverUrl, application_name: 'opencsm-bench-sampler' });
  const totals = new Map<string, number>();
  let samples = 0;
  let running = true;
  const loop = (async () => {
    await client.connect();
    while (running) {
      const { rows } = await client.query<{ what: string; n: number }>(
        `select case when wait_event_type = 'Lock' then 'lock ' || wait_event || ' on "' || left(regexp_replace(query, '\\s+', ' ', 'g'), 40) || '…"'
                     else state end as what, count(*)::int as n
         from pg_stat_activity
         where datname = $1 and pid <> pg_backend_pid() and (wait_event_type = 'Lock' or state = 'idle in transaction')
         group by 1`,
        [database],
      );
      samples += 1;
      for (const row of rows) totals.set(row.what, (totals.get(row.what) ?? 0) + row.n);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await client.end();
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return Object.fromEntries([...totals].sort((a, b) => b[1] - a[1]).map(([what, n]) => [what, n / Math.max(1, samples)]));
    },
  };
}

function perTicketMs(split: CpuSplit, created: number): CpuSplit {
  const ms = (ticks: number) => (ticks * 1000) / clockTicksPerSecond / created;
  return {
    main: ms(split.main),
    mainSystem: ms(split.mainSystem),
    loadGenerator: ms(split.loadGenerator),
    otherThreads: ms(split.otherThreads),
    postgres: split.postgres === null ? null : ms(split.postgres),
    machine: ms(split.machine),
  };
}

/** CPU time (user + system) of this process's main thread, from /proc; null where unavailable. */
function mainThreadCpuMs(): number | null {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicksPerSecond;
  } catch {
    return null;
  }
}
const clockTicksPerSecond = 100; // USER_HZ on Linux

async function countTickets(database: Database): Promise<number> {
  return (await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from tickets`))[0]!.n;
}

async function countUnindexed(database: Database): Promise<number> {
  const rows = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from tickets t where not exists (select 1 from ticket_search s where s.ticket_id = t.id)`);
  return rows[0]!.n;
}

/** Seconds the running worker needs after the load stops until every ticket is searchable. */
async function waitForIndex(database: Database): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < catchUpLimitMs) {
    if ((await countUnindexed(database)) === 0) return (Date.now() - started) / 1000;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return Number.POSITIVE_INFINITY;
}

function format(result: EngineResult): string {
  const catchUp = result.indexCatchUpSeconds === null ? 'worker off' : `${result.indexCatchUpSeconds.toFixed(1)} s`;
  return [
    `${result.engine}:`,
    `${result.ticketsPerSecond.toFixed(1)} tickets/s`,
    `p50 ${result.p50} ms`,
    `p97.5 ${result.p97_5} ms`,
    `p99 ${result.p99} ms`,
    `max ${result.max} ms`,
    `non-2xx ${result.non2xx}`,
    `errors ${result.errors + result.timeouts}`,
    `created ${result.created}`,
    `unindexed at end ${result.unindexedAfterRun}`,
    `index catch-up ${catchUp}`,
    `event loop busy ${(result.eventLoopUtilisation * 100).toFixed(0)} %`,
    ...(result.statementsPerTicket === null ? [] : [`statements ${result.statementsPerTicket.toFixed(1)}/ticket`]),
    `main thread CPU ${result.cpuMsPerTicket === null ? '?' : result.cpuMsPerTicket.toFixed(1)} ms/ticket`,
    ...(result.cpuSplitMsPerTicket ? [formatSplit(result.cpuSplitMsPerTicket)] : []),
    ...(result.waits ? [`sessions waiting: ${Object.entries(result.waits).map(([what, n]) => `${what} ${n.toFixed(1)}`).join(', ') || 'none'}`] : []),
  ].join('  ');
}

function formatSplit(split: CpuSplit): string {
  const known = split.main + split.loadGenerator + split.otherThreads + (split.postgres ?? 0);
  return [
    `CPU ms/ticket: server main thread ${split.main.toFixed(2)} (kernel ${split.mainSystem.toFixed(2)})`,
    `load generator ${split.loadGenerator.toFixed(2)}`,
    `other threads ${split.otherThreads.toFixed(2)}`,
    `PostgreSQL ${split.postgres === null ? '-' : split.postgres.toFixed(2)}`,
    `rest of the machine ${(split.machine - known).toFixed(2)}`,
    `machine ${split.machine.toFixed(2)}`,
  ].join(', ');
}

async function main(): Promise<void> {
  // Never outlive the work by much: a hung engine must not keep the machine busy.
  const deadline = setTimeout(() => {
    process.stderr.write('bench: time limit reached, stopping\n');
    process.exit(2);
  }, (engines.length * (duration + catchUpLimitMs / 1000 + 90)) * 1000);
  deadline.unref();

  process.stdout.write(`OpenCSM ticket-create benchmark: ${connections} connections, ${duration} s per engine${warmupSeconds ? ` after ${warmupSeconds} s of warm-up load` : ""}, worker ${withWorker ? 'on' : 'off'}, Node ${process.version}\n`);
  const results: EngineResult[] = [];
  for (const engine of engines) {
    if (engine === 'postgres' && !serverUrl) {
      process.stdout.write('postgres: skipped (set BENCH_DATABASE_URL)\n');
      continue;
    }
    if (engine !== 'pglite' && engine !== 'postgres') throw new Error(`unknown engine ${engine}`);
    const target = engine === 'pglite' ? await pgliteTarget() : await postgresTarget(serverUrl!);
    try {
      const result = await runEngine(target);
      results.push(result);
      process.stdout.write(`${format(result)}  load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}\n`);
    } finally {
      await target.cleanup();
    }
  }
  process.stdout.write(`${JSON.stringify({ connections, duration, worker: withWorker, results })}\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
