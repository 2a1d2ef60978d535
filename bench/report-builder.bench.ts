/**
 * The report builder's queries (issue 23 §7: a two-dimension query < 1 s at 1M tickets) on a
 * reports bench database kept by bench/reports.bench.ts (BENCH_KEEP=1): BENCH_DATABASE_URL names
 * it (PostgreSQL). The database is read as it is, not migrated (it may predate later migrations;
 * the builder reads only report_facts, report_tickets, report_rollups and report_settings).
 * Times computeKpis with one KPI asked (`only`, as runReport asks) for two dimensions over the
 * last 90 days of the generated year, BENCH_ROUNDS times each (median, max), as an admin.
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../src/app/config.js';
import { queryRows } from '../src/db/database.js';
import { openDatabase } from '../src/db/open-database.js';
import type { KpiName } from '../src/modules/reports/kpi-types.js';
import { computeKpis } from '../src/modules/reports/kpis.js';
import type { GroupBy } from '../src/modules/reports/scope.js';

const url = process.env.BENCH_DATABASE_URL;
if (!url) throw new Error('BENCH_DATABASE_URL (a kept reports bench database) is required');
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const database = await openDatabase(loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: url, OPENCSM_TIMEZONE: 'Asia/Shanghai' }), { migrate: false });
const [counted] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from report_tickets`);
const n = counted?.n ?? 0;
console.log(`report builder bench: ${n} tickets, load average ${loadavg().map((l) => l.toFixed(1)).join(' / ')}`);
const to = new Date('2026-12-01T00:00:00+08:00');
const from = new Date(to.getTime() - 90 * 86_400_000);
const cases: Array<[KpiName, GroupBy, GroupBy]> = [['csat', 'channel', 'priority'], ['volume', 'team', 'channel'], ['fcr', 'channel', 'priority'], ['resolutionTime', 'channel', 'priority']];
for (const [kpi, groupBy, thenBy] of cases) {
  const times: number[] = [];
  let groups = 0;
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    groups = (await computeKpis(database.db, { from, to, now: new Date(), groupBy, thenBy, scope: sql`true`, rollupScope: { kind: 'all' }, only: new Set([kpi]) }, 'Asia/Shanghai')).length;
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  console.log(`${kpi} by ${groupBy} × ${thenBy}, last 90 days: ${groups} groups, median ${Math.round(times[Math.floor(times.length / 2)]!)} ms, max ${Math.round(times.at(-1)!)} ms`);
}
await database.close();
