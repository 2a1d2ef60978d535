/**
 * Issue 15, "Nothing lost": a fixed number of ticket creates at C connections against a real
 * `opencsm start` process, then the same again with `kill -9` of the server halfway: after a
 * restart, every create that was answered 2xx is stored exactly once, and no ticket is stored
 * twice. Run alone: `npx tsx bench/nothing-lost.bench.ts` (figures go to BENCHMARKS.md).
 *
 * Environment: BENCH_CREATES (per run, default 5000), BENCH_CONNECTIONS (default 20),
 * BENCH_DATABASE_URL (also run on a fresh database of that PostgreSQL server; the embedded engine
 * always runs).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { loadConfig } from '../src/app/config.js';
import { queryRows } from '../src/db/database.js';
import { openDatabase } from '../src/db/open-database.js';
import { withDatabase } from '../src/db/test-database.js';
import { createApiToken, createUser, loadActor } from '../src/modules/auth/index.js';
import { freePort } from './free-port.js';

const creates = Number(process.env.BENCH_CREATES ?? 5000);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 20);
const serverUrl = process.env.BENCH_DATABASE_URL || undefined;
const root = fileURLToPath(new URL('..', import.meta.url));

type Engine = { name: string; env: Record<string, string>; cleanup(): Promise<void> };

async function engines(): Promise<Engine[]> {
  const list: Engine[] = [];
  const dataDir = await mkdtemp(join(tmpdir(), 'opencsm-lost-'));
  list.push({ name: 'embedded (PGlite)', env: { OPENCSM_DATA_DIR: dataDir }, cleanup: () => rm(dataDir, { recursive: true, force: true }) });
  if (serverUrl) {
    const name = 'opencsm_bench_lost';
    const admin = async (statement: string) => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(statement).finally(() => client.end());
    };
    await admin(`drop database if exists ${name} with (force)`);
    await admin(`create database ${name}`);
    const pgDataDir = await mkdtemp(join(tmpdir(), 'opencsm-lost-pg-'));
    list.push({
      name: 'PostgreSQL',
      env: { OPENCSM_DATA_DIR: pgDataDir, DATABASE_URL: withDatabase(serverUrl, name) },
      cleanup: async () => {
        await admin(`drop database if exists ${name} with (force)`);
        await rm(pgDataDir, { recursive: true, force: true });
      },
    });
  }
  return list;
}

/** An API token made in the engine's database before the server starts (the server runs in its own process). */
async function tokenFor(env: Record<string, string>): Promise<string> {
  const database = await openDatabase(loadConfig({ LOG_LEVEL: 'silent', ...env }));
  try {
    const user = await createUser(database, null, { email: 'lost@opencsm.local', name: '压测', password: 'bench-password-1', role: 'admin' });
    return (await createApiToken(database, (await loadActor(database.db, user.id))!, { name: 'lost' })).token;
  } finally {
    await database.close();
  }
}

async function startServer(env: Record<string, string>, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [join(root, 'bin/opencsm.js'), 'start'], {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', OPENCSM_ADMIN_EMAIL: 'admin@opencsm.local', OPENCSM_ADMIN_PASSWORD: 'bench-password-1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false);
    if (ok) return child;
    await new Promise((resolve) => setTimeout(resolve, 100)); // polling a starting server
  }
  throw new Error('the server did not start within 60 s');
}

/** Creates `count` tickets over C connections; `killAt`: SIGKILL the server once that many were answered. */
async function createMany(port: number, token: string, run: string, count: number, server: ChildProcess, killAt?: number) {
  const answered = new Map<string, string>(); // subject → ticket id
  let next = 0;
  let failed = 0;
  let killedAfter: number | undefined;
  const started = performance.now();
  const worker = async () => {
    while (next < count) {
      const subject = `丢失检查 ${run} #${next++}`;
      try {
        const response = await fetch(`http://127.0.0.1:${port}/api/v1/tickets`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ subject, description: '客户反映打印机无法连接网络。', channel: 'phone', requester: { name: '王建国', phone: '138 0013 8000' } }),
        });
        const body = (await response.json()) as { id?: string };
        if (response.status === 201 && body.id) answered.set(subject, body.id);
        else failed += 1;
      } catch {
        failed += 1; // the server died mid-request: not answered, so not promised
      }
      if (killAt !== undefined && killedAfter === undefined && answered.size >= killAt) {
        killedAfter = answered.size;
        server.kill('SIGKILL');
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  return { answered, failed, killedAfter, seconds: (performance.now() - started) / 1000 };
}

/** Every answered create stored once, and no subject of the run stored twice. */
async function check(env: Record<string, string>, run: string, answered: Map<string, string>) {
  const database = await openDatabase(loadConfig({ LOG_LEVEL: 'silent', ...env }));
  try {
    const rows = await queryRows<{ id: string; subject: string }>(database.db, sql`select id, subject from tickets where subject like ${`丢失检查 ${run} #%`}`);
    const bySubject = new Map<string, number>();
    for (const row of rows) bySubject.set(row.subject, (bySubject.get(row.subject) ?? 0) + 1);
    const ids = new Set(rows.map((row) => row.id));
    const missing = [...answered.values()].filter((id) => !ids.has(id)).length;
    const doubled = [...bySubject.values()].filter((n) => n > 1).length;
    return { stored: rows.length, missing, doubled };
  } finally {
    await database.close();
  }
}

console.log(`nothing lost: ${creates} creates per run at ${connections} connections, against \`opencsm start\` in its own process`);
for (const engine of await engines()) {
  try {
    const token = await tokenFor(engine.env);
    const port = await freePort();
    let server = await startServer(engine.env, port);
    const full = await createMany(port, token, 'full', creates, server);
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
    const fullCheck = await check(engine.env, 'full', full.answered);
    console.log(`${engine.name}, fixed count: ${full.answered.size} answered 201 in ${full.seconds.toFixed(1)} s, ${full.failed} not; stored ${fullCheck.stored}, answered but missing ${fullCheck.missing}, stored twice ${fullCheck.doubled}`);

    server = await startServer(engine.env, port);
    const killed = await createMany(port, token, 'kill', creates, server, Math.floor(creates / 2));
    await new Promise((resolve) => (server.exitCode !== null || server.signalCode !== null ? resolve(null) : server.once('exit', resolve)));
    server = await startServer(engine.env, port); // the restart: recovery, the lock left by the dead process
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
    const killedCheck = await check(engine.env, 'kill', killed.answered);
    console.log(`${engine.name}, kill -9 after ${killed.killedAfter} answers: ${killed.answered.size} answered 201, ${killed.failed} refused or cut off; after a restart stored ${killedCheck.stored}, answered but missing ${killedCheck.missing}, stored twice ${killedCheck.doubled}`);
  } finally {
    await engine.cleanup();
  }
}
