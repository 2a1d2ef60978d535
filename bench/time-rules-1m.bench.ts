/**
 * Time rules (定时规则) among 1M real tickets on PostgreSQL (issue 18 §7: "time-rule pass with 1M
 * open tickets"). BENCH_DATABASE_URL: a database of 1M tickets this bench may change (it sets
 * tickets to 等待客户 and writes rules and due rows) — make one from the dev cluster's with
 * `create database bench_time_1m template bench_fields_1m strategy file_copy`; it is migrated first.
 *
 * 1. The poll (`automation.time_rules`, what every worker round runs) with 10 and with 10 000 real
 *    tickets due at once (each fires: a tag added through the tickets service), polled until nothing
 *    is due: wall time and statements, per firing; then the idle poll (one index probe).
 * 2. The backfill (补算) of a new rule "等待客户 7 个工作日 → 关闭" (business days of a calendar
 *    with holidays and 调休) over BENCH_WAITING (default 100 000) tickets 等待客户: every page of
 *    the job run by hand (the worker is not started, so nothing else runs), time and statements
 *    per page, the whole run, and the rows it wrote.
 *
 *   BENCH_DATABASE_URL=postgresql://opencsm@127.0.0.1:55434/bench_time_1m npx tsx bench/time-rules-1m.bench.ts
 */
import { cpus, loadavg, tmpdir } from 'node:os';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { pino } from 'pino';
import { ManualClock } from '../src/app/clock.js';
import { loadConfig } from '../src/app/config.js';
import { createApp } from '../src/app/create-app.js';
import { writeRulesOf } from '../src/app/write-rules.js';
import { queryRows } from '../src/db/database.js';
import { openDatabase } from '../src/db/open-database.js';
import { countStatements } from '../src/db/statement-count.js';
import { createApiToken, createUser, loadActor } from '../src/modules/auth/index.js';
import { timeRuleDueRows } from '../src/modules/automation/fire-time-rules.js';
import { RuleSetCache } from '../src/modules/automation/rule-set.js';
import { handleTimeRuleBackfill, timeRuleBackfillJob } from '../src/modules/automation/time-backfill.js';
import { TriggerCache } from '../src/modules/automation/trigger-cache.js';

const url = process.env.BENCH_DATABASE_URL;
if (!url) throw new Error('BENCH_DATABASE_URL: a PostgreSQL database of 1M tickets this bench may change');
const waitingWanted = Number(process.env.BENCH_WAITING ?? 100_000);
const log = pino({ level: 'silent' });
const ms = (value: number) => `${value.toFixed(1)} ms`;
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;

const config = loadConfig({ LOG_LEVEL: 'silent', OPENCSM_DATA_DIR: tmpdir(), DATABASE_URL: url });
const migrateStarted = performance.now();
const database = await openDatabase(config);
console.log(`migrated in ${((performance.now() - migrateStarted) / 1000).toFixed(1)} s`);
const app = await createApp(config, database, { log });
const count = async (query: ReturnType<typeof sql>) => (await queryRows<{ n: number }>(database.db, query))[0]!.n;
try {
  const user = await createUser(database, null, { email: `bench-time-${Date.now()}@example.cn`, name: 'bench', password: 'bench-password-1', role: 'admin' });
  const { token } = await createApiToken(database, (await loadActor(database.db, user.id))!, { name: 'bench' });
  const call = async (method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await app.server.inject({ method, url: path, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers }, ...(body !== undefined && { payload: JSON.stringify(body) }) });
    if (res.statusCode >= 300) throw new Error(`${method} ${path}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const tickets = await count(sql`select count(*)::int as n from tickets`);
  const open = await count(sql`select count(*)::int as n from tickets where status <> 'closed'`);
  console.log(`database: ${tickets} tickets, ${open} not closed`);

  // ---- 1. The poll with 10 and 10 000 due ----------------------------------------------------------
  const clock = new ManualClock(new Date(Date.now() + 365 * 86_400_000));
  const marker = await call('POST', '/api/v1/rules', { name: '创建 1 小时 → 标记', kind: 'time', timeTrigger: { anchor: 'created', amount: 60, unit: 'minutes' }, actions: [{ type: 'add_tags', tags: ['一小时'] }] });
  // Its backfill (every open ticket) is not what this part measures: the queued job goes.
  await database.db.execute(sql`delete from jobs where type = ${timeRuleBackfillJob} and payload->>'ruleId' = ${marker.id}`);
  const source = timeRuleDueRows({ rules: new RuleSetCache(new TriggerCache(Number.POSITIVE_INFINITY)), types: app.context.fieldTypes, clock, writeRules: writeRulesOf(app.context), replyChannels: app.context.replyChannels, timeZone: 'Asia/Shanghai' });
  await source({ database, log }); // reads the rule set once, as a worker's first round does
  let offset = 0;
  const pollWith = async (due: number) => {
    await database.db.execute(sql`insert into automation_time_due (ticket_id, rule_id, anchor_at, due_at, rule_version)
      select id, ${marker.id}::uuid, ${clock.now().toISOString()}::timestamptz - interval '2 hours', ${clock.now().toISOString()}::timestamptz - interval '1 hour', 1
      from tickets where status in ('new', 'open') order by id offset ${offset} limit ${due}`);
    offset += due;
    let handled = 0;
    let rounds = 0;
    let first = 0;
    const started = performance.now();
    const statements = await countStatements(database, async () => {
      for (;;) {
        const round = performance.now();
        const n = await source({ database, log });
        if (rounds === 0) first = performance.now() - round;
        if (n === 0) break;
        handled += n;
        rounds += 1;
      }
    });
    const wall = performance.now() - started;
    console.log(`poll, ${due} due among ${tickets} tickets: ${handled} fired in ${rounds} rounds, ${ms(wall)} (${ms(wall / handled)} per firing; first round ${ms(first)}), ${statements} statements (${(statements / handled).toFixed(1)} per firing)`);
  };
  // BENCH_SKIP_POLL=1: the backfill alone (a second run on the same database).
  if (!process.env.BENCH_SKIP_POLL) {
    await pollWith(10);
    await pollWith(10_000);
    const idleStarted = performance.now();
    const idleStatements = await countStatements(database, () => source({ database, log }));
    console.log(`idle poll among ${tickets} tickets: ${ms(performance.now() - idleStarted)}, ${idleStatements} statement`);
  }

  // ---- 2. The backfill of a rule over 100 000 waiting tickets --------------------------------------
  const pending = await count(sql`select count(*)::int as n from tickets where status = 'pending'`);
  if (pending < waitingWanted) {
    await database.db.execute(sql`update tickets set status = 'pending' where id in (select id from tickets where status = 'open' order by id limit ${waitingWanted - pending})`);
    await database.db.execute(sql`analyze tickets`);
  }
  const waiting = await count(sql`select count(*)::int as n from tickets where status = 'pending'`);
  const office = [{ start: '09:00', end: '18:00' }];
  const calendar = await call('POST', '/api/v1/sla/calendars', { nameZh: `上海客服中心 ${Date.now()}`, weekly: [[], office, office, office, office, office, []], holidays: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'], workdays: ['2026-09-20', '2026-10-10'] });
  const rule = await call('POST', '/api/v1/rules', { name: '等待客户 7 个工作日 → 关闭', kind: 'time', timeTrigger: { anchor: 'status', status: 'pending', amount: 7, unit: 'business_days', calendarId: calendar.id }, actions: [{ type: 'set_field', field: 'status', value: 'closed' }] });
  const backfill = handleTimeRuleBackfill({ clock });
  const pages: number[] = [];
  let statements = 0;
  const started = performance.now();
  for (;;) {
    const [job] = await queryRows<{ id: string; payload: Record<string, unknown> }>(database.db, sql`delete from jobs where id = (select id from jobs where type = ${timeRuleBackfillJob} and state = 'pending' and payload->>'ruleId' = ${rule.id} limit 1) returning id, payload`);
    if (!job) break;
    const page = performance.now();
    statements += await countStatements(database, () => backfill(job.payload, { database, log, job: { id: job.id, type: timeRuleBackfillJob, attempts: 1, eventId: null } }));
    pages.push(performance.now() - page);
  }
  const wall = performance.now() - started;
  const progress = await call('GET', `/api/v1/rules/${rule.id}/backfill`);
  const rows = await count(sql`select count(*)::int as n from automation_time_due where rule_id = ${rule.id}`);
  pages.sort((a, b) => a - b);
  console.log(`backfill of "等待客户 7 个工作日" over ${waiting} tickets 等待客户 (of ${tickets}): ${(wall / 1000).toFixed(1)} s in ${pages.length} pages of 500 (per page p50 ${ms(percentile(pages, 50))}, p95 ${ms(percentile(pages, 95))}), ${statements} statements (${(statements / pages.length).toFixed(1)} per page); progress ${JSON.stringify(progress.backfill)}; ${rows} due rows`);
  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, load ${loadavg().map((l) => l.toFixed(1)).join(' ')}, ${new Date().toISOString()}`);
} finally {
  await app.worker.stop();
  await database.close();
}
