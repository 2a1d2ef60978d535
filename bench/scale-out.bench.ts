/**
 * Issue 15, "Scale-out": on PostgreSQL, `opencsm serve` processes plus one `opencsm worker`,
 * each in its own process, loaded by autocannon from this process (20 connections spread over the
 * serve processes, 10 s): tickets per second with one serve process and with two, the CPU each
 * process and the database used, and how far the search index lagged at the end.
 * Run alone: `BENCH_DATABASE_URL=postgresql://… npx tsx bench/scale-out.bench.ts`.
 * Environment: BENCH_CONNECTIONS (default 20), BENCH_DURATION (s, default 10), BENCH_SERVES
 * (comma list of process counts, default 1,2,1,2: interleaved).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { loadConfig } from '../src/app/config.js';
import { queryRows } from '../src/db/database.js';
import { openDatabase } from '../src/db/open-database.js';
import { withDatabase } from '../src/db/test-database.js';
import { createApiToken, createUser, loadActor } from '../src/modules/auth/index.js';
import { freePort } from './free-port.js';

const serverUrl = process.env.BENCH_DATABASE_URL;
if (!serverUrl) throw new Error('set BENCH_DATABASE_URL to a PostgreSQL server');
const connections = Number(process.env.BENCH_CONNECTIONS ?? 20);
const duration = Number(process.env.BENCH_DURATION ?? 10);
const serveCounts = (process.env.BENCH_SERVES ?? '1,2,1,2').split(',').map(Number);
const root = fileURLToPath(new URL('..', import.meta.url));
const setupRequest = fileURLToPath(new URL('./ticket-request.cjs', import.meta.url));

/** CPU ticks (1/100 s) of a process and, for the PostgreSQL server, of its children too. */
function ticks(pid: number, children = false): number {
  const read = (p: number | string) => {
    try {
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    } catch {
      return undefined;
    }
  };
  const own = read(pid);
  if (!own) return 0;
  let total = Number(own[11]) + Number(own[12]) + (children ? Number(own[13]) + Number(own[14]) : 0);
  if (children) {
    for (const p of readdirSync('/proc')) {
      const fields = /^\d+$/.test(p) ? read(p) : undefined;
      if (fields && Number(fields[1]) === pid) total += Number(fields[11]) + Number(fields[12]);
    }
  }
  return total;
}

const name = 'opencsm_bench_scale';
const admin = async (statement: string) => {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return (await client.query(statement)).rows;
  } finally {
    await client.end();
  }
};
await admin(`drop database if exists ${name} with (force)`);
await admin(`create database ${name}`);
const dataDir = await mkdtemp(join(tmpdir(), 'opencsm-scale-'));
const env = { OPENCSM_DATA_DIR: dataDir, DATABASE_URL: withDatabase(serverUrl, name), LOG_LEVEL: 'warn', HOST: '127.0.0.1', OPENCSM_ADMIN_EMAIL: 'admin@opencsm.local', OPENCSM_ADMIN_PASSWORD: 'bench-password-1' };
const database = await openDatabase(loadConfig(env));
const user = await createUser(database, null, { email: 'scale@opencsm.local', name: '压测', password: 'bench-password-1', role: 'admin' });
const { token } = await createApiToken(database, (await loadActor(database.db, user.id))!, { name: 'scale' });
const [postmaster] = await queryRows<{ pid: number }>(database.db, sql`select pg_backend_pid() as pid`);
const postmasterPid = Number(readFileSync(`/proc/${postmaster!.pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]);

async function start(command: 'serve' | 'worker', port?: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [join(root, 'bin/opencsm.js'), command], { cwd: root, env: { ...process.env, ...env, PORT: String(port ?? 0) }, stdio: ['ignore', 'ignore', 'inherit'] });
  if (!port) return child;
  for (let i = 0; i < 600; i++) {
    if (await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false)) return child;
    await new Promise((resolve) => setTimeout(resolve, 100)); // polling a starting server
  }
  throw new Error('serve did not start');
}
const stop = (child: ChildProcess) => new Promise((resolve) => (child.kill('SIGTERM'), child.once('exit', resolve)));
const body = JSON.stringify({ subject: '客户反映打印机无法连接网络 #{n}', description: '财务部的打印机显示脱机，重启后仍无法打印。', channel: 'phone', requester: { name: '压测客户', email: 'customer-{n}@bench.example.com' } });

console.log(`scale-out on PostgreSQL: ${connections} connections over the serve processes, ${duration} s, one worker process`);
for (const serves of serveCounts) {
  const ports = await Promise.all(Array.from({ length: serves }, freePort));
  const servers = await Promise.all(ports.map((port) => start('serve', port)));
  const worker = await start('worker');
  const before = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from tickets`);
  const cpuBefore = { serves: servers.map((s) => ticks(s.pid!)), worker: ticks(worker.pid!), database: ticks(postmasterPid, true) };
  const results = await Promise.all(
    ports.map((port, i) =>
      autocannon({
        url: `http://127.0.0.1:${port}/api/v1/tickets`,
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        connections: Math.round(connections / serves) + (i < connections % serves ? 1 : 0),
        duration,
        requests: [{ body, setupRequest }],
      }),
    ),
  );
  const cpu = { serves: servers.map((s, i) => ticks(s.pid!) - cpuBefore.serves[i]!), worker: ticks(worker.pid!) - cpuBefore.worker, database: ticks(postmasterPid, true) - cpuBefore.database };
  const [after] = await queryRows<{ n: number; unindexed: number }>(database.db, sql`select count(*)::int as n, count(*) filter (where not exists (select 1 from ticket_search s where s.ticket_id = t.id))::int as unindexed from tickets t`);
  const created = after!.n - before[0]!.n;
  const p99 = Math.max(...results.map((r) => r.latency.p99));
  console.log(
    `${serves} serve + 1 worker: ${(created / duration).toFixed(1)} tickets/s, p99 ${p99} ms, non-2xx ${results.reduce((a, r) => a + r.non2xx, 0)}; CPU over the run (s): serve ${cpu.serves.map((t) => (t / 100).toFixed(1)).join(' + ')}, worker ${(cpu.worker / 100).toFixed(1)}, PostgreSQL ${(cpu.database / 100).toFixed(1)} of ${2 * duration} available; not yet searchable at the end: ${after!.unindexed}`,
  );
  await Promise.all([...servers.map(stop), stop(worker)]);
}
await database.close();
await admin(`drop database if exists ${name} with (force)`);
await rm(dataDir, { recursive: true, force: true });
