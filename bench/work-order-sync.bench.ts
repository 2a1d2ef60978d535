/**
 * Issue 20, "200 queued operations sync in < 5 s": an engineer's offline outbox of 200 operations
 * (40 work orders × accept, depart, arrive, start, report with parts) replayed through
 * `POST /api/v1/work-orders/sync` in one request, then the same outbox again (all duplicates,
 * nothing written). Over the real app in-process (`inject`, the engineer's API token), on PGlite
 * and, with BENCH_DATABASE_URL, on PostgreSQL. BENCH_ROUNDS (default 3) fresh outboxes each.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pino } from 'pino';
import { loadConfig } from '../src/app/config.js';
import { createApp } from '../src/app/create-app.js';
import { runMigrations } from '../src/db/migrate.js';
import { createApiToken, createTeam, createUser, loadActor } from '../src/modules/auth/index.js';
import { onEachEngine } from './on-each-engine.js';

const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const ordersPerOutbox = 40; // × 5 operations = 200
const site = { region: ['63', '6301', '630103'], street: '南大街 1 号', lat: 36.6171, lng: 101.7782 };
const phone = { lat: 36.6171 + 0.0014, lng: 101.7782 - 0.0051 }; // roughly the site as a phone reads it (WGS-84)

await onEachEngine('bench_work_order_sync', async (engine, database, url) => {
  await runMigrations(database, url);
  const dir = await mkdtemp(join(tmpdir(), 'opencsm-bench-fs-'));
  const app = await createApp(loadConfig({ OPENCSM_DATA_DIR: dir, LOG_LEVEL: 'silent' }), database, { log: pino({ level: 'silent' }) });
  try {
    const admin = await createUser(database, null, { email: 'bench-admin@example.test', name: 'admin', password: 'bench-password-1', role: 'admin' });
    const adminActor = (await loadActor(database.db, admin.id))!;
    const engineer = await createUser(database, null, { email: 'bench-engineer@example.test', name: '工程师', password: 'bench-password-1', role: 'field_engineer' });
    const team = await createTeam(database, adminActor, { name: '西宁服务站', memberIds: [engineer.id] });
    const headersOf = async (id: string) => ({ authorization: `Bearer ${(await createApiToken(database, (await loadActor(database.db, id))!, { name: 'bench' })).token}` });
    const adminHeaders = await headersOf(admin.id);
    const engineerHeaders = await headersOf(engineer.id);
    const call = async (method: 'POST' | 'GET', url: string, headers: Record<string, string>, payload?: object) => {
      const res = await app.server.inject({ method, url, headers, ...(payload && { payload }) });
      if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
      return res.json<Record<string, any>>(); // eslint-disable-line @typescript-eslint/no-explicit-any
    };
    console.log(`\nwork order sync (${engine}): ${rounds} outboxes of ${ordersPerOutbox * 5} operations, load average ${loadavg().map((l) => l.toFixed(1)).join(' / ')}`);
    for (let round = 0; round < rounds; round++) {
      const operations: object[] = [];
      for (let i = 0; i < ordersPerOutbox; i++) {
        const ticket = await call('POST', '/api/v1/tickets', adminHeaders, { subject: `空调维修 ${round}-${i}`, teamId: team.id, requester: { name: '马先生', phone: '13909710000' } });
        const order = await call('POST', '/api/v1/work-orders', adminHeaders, { ticketId: ticket.id, site });
        await call('POST', `/api/v1/work-orders/${order.id}/events`, adminHeaders, { opId: randomUUID(), type: 'dispatch', engineerId: engineer.id, at: new Date().toISOString() });
        const at = (minute: number) => new Date(Date.UTC(2026, 11, 8, 1, minute)).toISOString();
        const report = { fault: '不制冷', cause: '冷媒泄漏', action: '补焊加注', parts: [{ name: '冷媒 R32', model: '1kg', quantity: 1 }], labourMinutes: 60, rating: 5 };
        for (const [k, op] of [{ type: 'accept' }, { type: 'depart', ...phone }, { type: 'arrive', ...phone }, { type: 'start' }, { type: 'report', report }].entries()) {
          operations.push({ workOrderId: order.id, opId: randomUUID(), at: at(k), ...op });
        }
      }
      for (const pass of ['first sync', 'replay (all duplicates)']) {
        const started = performance.now();
        const { results } = await call('POST', '/api/v1/work-orders/sync', engineerHeaders, { operations });
        const ms = performance.now() - started;
        const outcomes = Object.entries(results.reduce((n: Record<string, number>, r: { outcome: string }) => ({ ...n, [r.outcome]: (n[r.outcome] ?? 0) + 1 }), {})).map(([k, v]) => `${k} ${v}`).join(', ');
        console.log(`  outbox ${round + 1}, ${pass.padEnd(24)} ${String(operations.length).padStart(4)} operations in ${ms.toFixed(0).padStart(5)} ms (${(ms / operations.length).toFixed(1)} ms each) — ${outcomes}`);
      }
    }
  } finally {
    await app.worker.stop();
    await app.server.close();
    await rm(dir, { recursive: true, force: true });
  }
});
