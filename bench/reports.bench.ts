/**
 * Reports (issue 23 §7): the dashboard tiles' queries on generated facts, and the live path's cost
 * per batch (rollup lag).
 *
 * Generates BENCH_TICKETS tickets' reporting facts (default 1 000 000) directly in SQL — a year of
 * arrivals over 20 teams, 100 agents, 5 channels, 4 priorities; 90 % answered, 80 % resolved, 5 %
 * reopened, 5 % breached, 30 % rated — and one `report_tickets` row each (10 % open), in a fresh
 * database BENCH_DATABASE_NAME (default opencsm_bench_reports) on BENCH_DATABASE_URL (PostgreSQL;
 * required). Then times each tile query BENCH_ROUNDS times (median, max) as an admin (every team),
 * and applies batches of 20 new tickets' creations through the live path (applyReportEvents).
 * The drill-down's figure is the facts part (no ticket rows exist, so visibility reads nothing).
 */
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { loadConfig } from '../src/app/config.js';
import { openDatabase } from '../src/db/open-database.js';
import { withDatabase } from '../src/db/test-database.js';
import type { Actor } from '../src/modules/auth/index.js';
import { drillDown } from '../src/modules/reports/drill.js';
import { arrivalHeatmap } from '../src/modules/reports/heatmap.js';
import { computeKpis } from '../src/modules/reports/kpis.js';
import { computeKpisFromFacts } from '../src/modules/reports/kpis-from-facts.js';
import { durationBounds } from '../src/modules/reports/measures.js';
import { rebuildRollups } from '../src/modules/reports/rollups.js';
import { liveDashboard } from '../src/modules/reports/live-dashboard.js';
import { applyReportEvents } from '../src/modules/reports/report-events.js';
import { EventScript } from '../src/modules/reports/report-test-kit.js';

const serverUrl = process.env.BENCH_DATABASE_URL;
if (!serverUrl) throw new Error('BENCH_DATABASE_URL (a PostgreSQL server) is required');
const name = process.env.BENCH_DATABASE_NAME ?? 'opencsm_bench_reports';
const tickets = Number(process.env.BENCH_TICKETS ?? 1_000_000);
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const tz = 'Asia/Shanghai';

// BENCH_REUSE=1 times the queries on a database an earlier run kept (BENCH_KEEP=1): generating 1M tickets' facts and rollups takes long.
const reuse = process.env.BENCH_REUSE === '1';
if (!reuse) {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
}
const config = loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: withDatabase(serverUrl, name), OPENCSM_TIMEZONE: tz });
const database = await openDatabase(config);
const db = database.db;
console.log(`reports bench on postgres: ${tickets} tickets, load average ${loadavg().map((l) => l.toFixed(1)).join(' / ')}`);

const end = Date.parse('2026-12-01T00:00:00+08:00');
const start = end - 365 * 86_400_000;
let t0 = performance.now();
if (!reuse) {
  // Deterministic pseudo-random per ticket from its number (hashes), so runs compare.
  await db.execute(sql`
    create temporary table gen as
    select i, ('00000000-0000-4000-8000-' || lpad(to_hex(i), 12, '0'))::uuid as ticket_id,
      to_timestamp(${start / 1000} + (i::float8 / ${tickets}) * ${(end - start) / 1000} + (abs(hashint4(i)) % 3600)) as created_at,
      ('00000000-0000-4000-a000-' || lpad(to_hex(abs(hashint4(i)) % 20), 12, '0'))::uuid as team_id,
      ('00000000-0000-4000-b000-' || lpad(to_hex(abs(hashint4(i + 7)) % 100), 12, '0'))::uuid as agent_id,
      (array['email', 'web', 'phone', 'wechat', 'portal'])[1 + abs(hashint4(i + 1)) % 5] as channel,
      (array['low', 'normal', 'high', 'urgent'])[1 + abs(hashint4(i + 2)) % 4] as priority,
      abs(hashint4(i + 3)) % 100 as p, 60 + abs(hashint4(i + 4)) % 7200 as fr, 600 + abs(hashint4(i + 5)) % 400000 as res
    from generate_series(1, ${tickets}) i`);
  // Buckets as measures.ts gives them: a duration's histogram bucket, a resolution's FCR/SLA flags, a score itself.
  const durationBucket = (value: string) => `(select count(*) from unnest('{${durationBounds.join(',')}}'::float8[]) b where b < ${value})::int`;
  const facts = (measure: string, value: string, where: string, at: string, extra = 'null, null', bucket = '0') => sql.raw(`
    insert into report_facts (event_id, measure, ticket_id, occurred_at, value, bucket, agent_replies, nth, team_id, agent_id, channel, type, category_id, priority, fields, imported)
    select i * 16 + ${['created', 'first_response.calendar', 'first_response.business', 'resolved', 'resolution.calendar', 'resolution.business', 'reopened', 'sla.breached', 'csat.score', 'reply.agent'].indexOf(measure)}, '${measure}', ticket_id, ${at}, ${value}, ${bucket}, ${extra}, team_id, agent_id, channel, null, null, priority, '{}', false
    from gen where ${where}`);
  await db.execute(facts('created', '1', 'true', 'created_at'));
  await db.execute(facts('reply.agent', '1', 'p < 90', "created_at + fr * interval '1 second'"));
  await db.execute(facts('first_response.calendar', 'fr', 'p < 90', "created_at + fr * interval '1 second'", undefined, durationBucket('fr')));
  await db.execute(facts('first_response.business', 'fr * 0.6', 'p < 90', "created_at + fr * interval '1 second'", undefined, durationBucket('fr * 0.6')));
  // A first resolution: 1 + (at most one agent reply) + 2 × (breached before), measures.ts resolutionBucket.
  await db.execute(facts('resolved', '1', 'p < 80', "created_at + res * interval '1 second'", 'case when p < 40 then 1 else 2 end, 1', '1 + case when p < 40 then 1 else 0 end + case when p >= 75 then 2 else 0 end'));
  await db.execute(facts('resolution.calendar', 'res', 'p < 80', "created_at + res * interval '1 second'", 'null, 1', durationBucket('res')));
  await db.execute(facts('resolution.business', 'res * 0.3', 'p < 80', "created_at + res * interval '1 second'", 'null, 1', durationBucket('res * 0.3')));
  await db.execute(facts('reopened', '1', 'p < 5', "created_at + (res + 3600) * interval '1 second'"));
  await db.execute(facts('sla.breached', '1', 'p >= 75 and p < 80', "created_at + 1800 * interval '1 second'"));
  await db.execute(facts('csat.score', '1 + (i % 5)', 'p >= 20 and p < 50', "created_at + (res + 7200) * interval '1 second'", undefined, '1 + (i % 5)'));
  await db.execute(sql`
    insert into report_tickets (ticket_id, created_at, status, team_id, agent_id, channel, priority, agent_replies, resolutions, breached, last_event_id)
    select ticket_id, created_at, case when p >= 90 then 'open' when p >= 80 then 'pending' else 'resolved' end, team_id, agent_id, channel, priority, 1, case when p < 80 then 1 else 0 end, p >= 75 and p < 80, i * 16 from gen`);
  await db.execute(sql`vacuum analyze report_facts`);
  await db.execute(sql`vacuum analyze report_tickets`);
  const [{ n: factCount }] = (await db.execute<{ n: string }>(sql`select count(*)::text as n from report_facts`)).rows as [{ n: string }];
  console.log(`generated ${factCount} facts and ${tickets} ticket states in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  t0 = performance.now();
  await rebuildRollups(database, tz);
  await db.execute(sql`vacuum analyze report_rollups`);
  const [{ n: rollupCount }] = (await db.execute<{ n: string }>(sql`select count(*)::text as n from report_rollups`)).rows as [{ n: string }];
  console.log(`rebuilt ${rollupCount} rollup rows in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

const actor: Actor = { id: randomUUID(), email: 'bench@example.cn', name: 'bench', role: 'admin', locale: 'zh-CN', teamIds: [] };
const now = new Date(end - 3600_000);
const days = (n: number) => ({ from: new Date(end - n * 86_400_000), to: new Date(end) });
async function time(label: string, run: () => Promise<unknown>): Promise<void> {
  const ms: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const began = performance.now();
    await run();
    ms.push(performance.now() - began);
  }
  ms.sort((a, b) => a - b);
  console.log(`${label.padEnd(44)} median ${ms[Math.floor(ms.length / 2)]!.toFixed(1).padStart(7)} ms  max ${ms[ms.length - 1]!.toFixed(1).padStart(7)} ms`);
}
const all = { scope: sql`true`, rollupScope: { kind: 'all' } as const };
// A supervisor of two teams: the team rows of the rollups, the same condition on the facts.
const twoTeams = ['00000000-0000-4000-a000-000000000001', '00000000-0000-4000-a000-000000000002'];
const supervisor = { scope: sql`f.team_id in (${sql.join(twoTeams.map((id) => sql`${id}::uuid`), sql`, `)})`, rollupScope: { kind: 'teams', teamIds: twoTeams } as const };
const previous30 = { from: new Date(end - 60 * 86_400_000), to: new Date(end - 30 * 86_400_000) };
const onlyFacts = process.env.BENCH_FACTS_PATH === '1';
await time('live dashboard (today, backlog, load)', () => liveDashboard(db, () => sql`true`, now, tz));
const kpiTiles: Array<[string, Parameters<typeof computeKpis>[1]]> = [
  ['KPIs, last 30 days', { ...days(30), now, ...all }],
  ['KPIs, last 30 days, by team', { ...days(30), now, ...all, groupBy: 'team' }],
  ['KPIs, last 30 days, by channel', { ...days(30), now, ...all, groupBy: 'channel' }],
  ['KPIs, previous 30 days (backlog at a past end)', { ...previous30, now, ...all }],
  ['KPIs, last 90 days', { ...days(90), now, ...all }],
  ['KPIs, last 30 days, a supervisor of 2 teams', { ...days(30), now, ...supervisor }],
];
for (const [label, q] of kpiTiles) {
  await time(label, () => computeKpis(db, q, tz));
  if (onlyFacts) await time(`  the same from the facts (before)`, () => computeKpisFromFacts(db, q));
}
await time('heatmap, last 30 days', () => arrivalHeatmap(db, { ...days(30), ...all }, tz));
await time('heatmap, last 90 days', () => arrivalHeatmap(db, { ...days(90), ...all }, tz));
if (onlyFacts) await time('  heatmap, 90 days from the facts (before)', () => arrivalHeatmap(db, { ...days(90), scope: sql`true` }, tz));
await time('drill-down, one heatmap cell of 30 days', () => drillDown(db, actor, { measure: 'created', ...days(30), scope: sql`true`, weekday: 0, hour: 10, limit: 200 }, tz));
// The trends dashboard as the console loads it: its four requests at once (the live one makes one request, the first tile).
await time('dashboard 管理层·趋势 as a whole (30 days)', () => Promise.all([
  computeKpis(db, { ...days(30), now, ...all }, tz), computeKpis(db, { ...previous30, now, ...all }, tz),
  computeKpis(db, { ...days(30), now, ...all, groupBy: 'channel' }, tz), arrivalHeatmap(db, { ...days(30), ...all }, tz),
]));

// The live path: batches of 20 new tickets' events (creation, reply, resolution) as the worker applies them.
const lag: number[] = [];
for (let b = 0; b < 20; b++) {
  const s = new EventScript();
  for (let i = 0; i < 20; i++) s.created(randomUUID(), new Date(end - 60_000).toISOString(), { teamId: null, assigneeId: null, channel: 'web' });
  const began = performance.now();
  await applyReportEvents(database, s.events.map((e, i) => ({ ...e, eventId: 10_000_000_000 + b * 100 + i })), tz);
  lag.push(performance.now() - began);
}
lag.sort((a, b) => a - b);
console.log(`live path, a batch of 20 creations: median ${lag[10]!.toFixed(1)} ms, max ${lag[19]!.toFixed(1)} ms (facts and rollups written)`);
t0 = performance.now();
console.log(`load average after: ${loadavg().map((l) => l.toFixed(1)).join(' / ')}`);
await database.close();
if (!process.env.BENCH_KEEP) {
  const c = new pg.Client({ connectionString: serverUrl });
  await c.connect();
  await c.query(`drop database if exists ${name} with (force)`);
  await c.end();
}
