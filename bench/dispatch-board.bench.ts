/**
 * Issue 20, "the board for 50 engineers × 7 days with 1,000 orders renders in < 500 ms (data)":
 * `GET /api/v1/dispatch/board?days=7` over the real app in-process (`inject`, a supervisor of the
 * five teams' API token) with 50 engineers (10 a team, office shifts, profiles with skills, zones
 * and a home base), 1 000 work orders — 700 booked over the week (2 a day each, a few overlapping)
 * and 300 waiting — on PGlite and, with BENCH_DATABASE_URL, on PostgreSQL. The orders are written
 * straight into the table (seeding, not what is measured); tickets through the API.
 * BENCH_REQUESTS (default 20) timed requests after 3 warm-ups; median and p95 of the whole answer.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pino } from 'pino';
import { uuidv7 } from 'uuidv7';
import { loadConfig } from '../src/app/config.js';
import { createApp } from '../src/app/create-app.js';
import { runMigrations } from '../src/db/migrate.js';
import { createApiToken, createTeam, createUser, loadActor } from '../src/modules/auth/index.js';
import { readDispatchBoard } from '../src/modules/field-service/dispatch-board.js';
import { workOrders } from '../src/modules/field-service/schema.js';
import { onEachEngine } from './on-each-engine.js';

const requests = Number(process.env.BENCH_REQUESTS ?? 20);
const teams = 5;
const engineersPerTeam = 10;
const booked = 700;
const waiting = 300;
const from = '2026-12-14'; // a Monday
const site = (i: number) => ({ region: ['63', '6301', '630103'], street: `南大街 ${i} 号`, lat: 36.6171 + (i % 37) * 0.004, lng: 101.7782 + (i % 23) * 0.004, coordinateSystem: 'gcj02' as const });
const nineToSix = [{ start: '09:00', end: '18:00' }];

await onEachEngine('bench_dispatch_board', async (engine, database, url) => {
  await runMigrations(database, url);
  const dir = await mkdtemp(join(tmpdir(), 'opencsm-bench-board-'));
  const app = await createApp(loadConfig({ OPENCSM_DATA_DIR: dir, LOG_LEVEL: 'silent' }), database, { log: pino({ level: 'silent' }) });
  try {
    const admin = await createUser(database, null, { email: 'bench-admin@example.test', name: 'admin', password: 'bench-password-1', role: 'admin' });
    const adminActor = (await loadActor(database.db, admin.id))!;
    const headersOf = async (id: string) => ({ authorization: `Bearer ${(await createApiToken(database, (await loadActor(database.db, id))!, { name: 'bench' })).token}` });
    const adminHeaders = await headersOf(admin.id);
    const call = async (method: 'POST' | 'GET' | 'PUT', path: string, headers: Record<string, string>, payload?: object) => {
      const res = await app.server.inject({ method, url: path, headers, ...(payload && { payload }) });
      if (res.statusCode >= 300) throw new Error(`${method} ${path}: ${res.statusCode} ${res.body}`);
      return res.json<Record<string, any>>(); // eslint-disable-line @typescript-eslint/no-explicit-any
    };
    const supervisor = await createUser(database, null, { email: 'bench-supervisor@example.test', name: '派工员', password: 'bench-password-1', role: 'supervisor' });
    const engineerIds: string[] = [];
    const teamIds: string[] = [];
    for (let t = 0; t < teams; t++) {
      const members: string[] = [];
      for (let e = 0; e < engineersPerTeam; e++) {
        const engineer = await createUser(database, null, { email: `bench-engineer-${t}-${e}@example.test`, name: `工程师 ${t}-${e}`, password: 'bench-password-1', role: 'field_engineer' });
        members.push(engineer.id);
      }
      teamIds.push((await createTeam(database, adminActor, { name: `服务站 ${t}`, memberIds: [supervisor.id, ...members] })).id);
      engineerIds.push(...members);
    }
    const supervisorHeaders = await headersOf(supervisor.id);
    for (const [i, id] of engineerIds.entries()) {
      await call('PUT', `/api/v1/engineers/${id}/profile`, { ...adminHeaders, 'if-match': '0' }, { skills: ['空调维修', i % 2 ? '锅炉' : '电梯'], zones: ['6301'], home: { region: site(i).region, street: '基地', lat: site(i).lat, lng: site(i).lng }, dailyCapacity: 4 });
      await call('PUT', `/api/v1/users/${id}/shifts`, adminHeaders, { weekly: [[], nineToSix, nineToSix, nineToSix, nineToSix, nineToSix, []] });
    }
    const ticketIds: string[] = [];
    for (let i = 0; i < 100; i++) ticketIds.push((await call('POST', '/api/v1/tickets', adminHeaders, { subject: `报修 ${i}`, teamId: teamIds[i % teams], requester: { name: '马先生', phone: '13909710000' } })).id);
    const serviceTypeId: string = (await call('GET', '/api/v1/service-types/repair', adminHeaders)).id;
    const rows: Array<typeof workOrders.$inferInsert> = [];
    for (let i = 0; i < booked + waiting; i++) {
      const scheduled = i < booked;
      const engineerIndex = i % engineerIds.length;
      const day = Math.floor(i / engineerIds.length) % 7;
      const slot = Math.floor(i / (engineerIds.length * 7));
      // 09:00 and 13:00 local (+08:00), every 20th visit pushed an hour earlier into the one before.
      const startHour = 1 + slot * 4 + (i % 20 === 0 ? -1 : 0);
      const start = new Date(Date.UTC(2026, 11, 14 + day, startHour, 0));
      rows.push({
        id: uuidv7(), number: `FW-BENCH-${i}`, ticketId: ticketIds[i % ticketIds.length]!, serviceTypeId, status: scheduled ? 'dispatched' : 'pending_dispatch',
        priority: ['urgent', 'high', 'normal', 'low'][i % 4]!, teamId: teamIds[Math.floor(engineerIndex / engineersPerTeam)]!, engineerId: scheduled ? engineerIds[engineerIndex]! : null,
        site: site(i), appointmentStart: scheduled || i % 3 === 0 ? start : null, appointmentEnd: scheduled || i % 3 === 0 ? new Date(start.getTime() + 2 * 3_600_000) : null,
        requiredSkills: ['空调维修'], estimatedMinutes: 120,
      });
    }
    for (let i = 0; i < rows.length; i += 200) await database.db.insert(workOrders).values(rows.slice(i, i + 200));
    const path = `/api/v1/dispatch/board?from=${from}&days=7&limit=50`;
    for (const [who, headers] of [['supervisor of the 5 teams', supervisorHeaders], ['admin', adminHeaders]] as const) {
      for (let i = 0; i < 3; i++) await call('GET', path, headers);
      const times: number[] = [];
      let answer: Record<string, any> = {}; // eslint-disable-line @typescript-eslint/no-explicit-any
      for (let i = 0; i < requests; i++) {
        const started = performance.now();
        answer = await call('GET', path, headers);
        times.push(performance.now() - started);
      }
      times.sort((a, b) => a - b);
      // The read alone (no HTTP, no response validation and serialisation), for where the time goes.
      const actor = (await loadActor(database.db, who === 'admin' ? admin.id : supervisor.id))!;
      const reads: number[] = [];
      for (let i = 0; i < requests; i++) {
        const started = performance.now();
        await readDispatchBoard(database.db, actor, { from, days: 7, speedKmh: 30, limit: 50 }, 'Asia/Shanghai');
        reads.push(performance.now() - started);
      }
      reads.sort((a, b) => a - b);
      const visits = answer.engineers.reduce((n: number, e: { visits: unknown[] }) => n + e.visits.length, 0);
      const conflicts = answer.engineers.reduce((n: number, e: { visits: Array<{ conflicts: unknown[] }> }) => n + e.visits.filter((v) => v.conflicts.length).length, 0);
      console.log(`dispatch board (${engine}, ${who}): ${answer.engineers.length} engineers × 7 days, ${visits} visits (${conflicts} with conflicts), ${answer.unscheduled.items.length} waiting of ${waiting} on the first page — median ${times[Math.floor(times.length / 2)]!.toFixed(1)} ms, p95 ${times[Math.floor(times.length * 0.95)]!.toFixed(1)} ms over ${requests} requests (the read alone: median ${reads[Math.floor(reads.length / 2)]!.toFixed(1)} ms); load ${loadavg().map((l) => l.toFixed(1)).join(' / ')}`);
    }
  } finally {
    await app.worker.stop();
    await app.server.close();
    await rm(dir, { recursive: true, force: true });
  }
});
