/**
 * Issue 19 §5 at scale: 待我处理的环节 (`GET /process-stages?mine=1`) and the ticket list filtered
 * by a stage (`GET /tickets?stage=<processId>:<stageId>`) with BENCH_INSTANCES running process
 * instances (default 10 000). For each engine (PGlite; PostgreSQL too with BENCH_DATABASE_URL, in a
 * fresh database dropped afterwards) it publishes the complaint process, creates one ticket of its
 * type over the API and copies it in SQL (4 teams of 5 agents), and gives each an instance with one token: the
 * stages in turn, 受理 worked by the agent role, 责任判定 by the ticket's team, the others by one
 * agent (entered one minute apart). Then, over the API (in-process `inject`, an agent's token and
 * an admin's), p50/p95 over BENCH_ROUNDS (default 40) after two warm-up rounds, cases interleaved.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { pino } from 'pino';
import { loadConfig } from '../src/app/config.js';
import { createApp } from '../src/app/create-app.js';
import { queryRows, type Database } from '../src/db/database.js';
import { runMigrations } from '../src/db/migrate.js';
import { createApiToken, createTeam, createUser, loadActor } from '../src/modules/auth/index.js';
import { complaintProcessFields, complaintTicketType } from '../src/modules/workflow/test-complaint-process.js';
import { complaintFlow } from '../src/workflow-model/fixtures/complaint-flow.js';
import { onEachEngine } from './on-each-engine.js';

const instances = Number(process.env.BENCH_INSTANCES ?? 10_000);
const rounds = Number(process.env.BENCH_ROUNDS ?? 40);
const stages = ['accept', 'site_survey', 'judge', 'compensation_plan', 'execute', 'explain', 'follow_up'];
/**
 * EXPLAIN ANALYZE of the statement `work` sends that reads the page of tickets (the one naming
 * process_tokens and ordering), caught on its way to PostgreSQL and run again with its values.
 */
async function planOf(database: Database, work: () => Promise<unknown>): Promise<string> {
  let caught: { text: string; values: unknown[] } | undefined;
  const original = pg.Client.prototype.query;
  pg.Client.prototype.query = function caughtQuery(this: pg.Client, ...args: Parameters<typeof original>) {
    const [first, second] = args;
    const text = typeof first === 'string' ? first : (first as { text?: string }).text;
    const values = Array.isArray(second) ? second : typeof first === 'string' ? undefined : (first as { values?: unknown[] }).values;
    if (text && /process_tokens/.test(text) && /order by/i.test(text)) caught = { text, values: Array.isArray(values) ? values : [] };
    return Reflect.apply(original, this, args);
  } as typeof original;
  try {
    await work();
  } finally {
    pg.Client.prototype.query = original;
  }
  if (!caught || database.driver.engine !== 'postgres') return '(not caught)';
  const plan = await database.driver.pool.query<{ 'QUERY PLAN': string }>(`explain (analyze, costs off, timing off, summary off) ${caught.text}`, caught.values);
  return plan.rows.map((row) => `  ${row['QUERY PLAN']}`).join('\n');
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;

await onEachEngine('opencsm_bench_stages', async (engine, database, url) => {
  await runMigrations(database, url);
  const dir = await mkdtemp(join(tmpdir(), 'bench-stages-'));
  try {
    const app = await createApp(loadConfig({ OPENCSM_DATA_DIR: dir, LOG_LEVEL: 'silent' }), database, { log: pino({ level: 'silent' }) });
    const tokenOf = async (userId: string) => (await createApiToken(database, (await loadActor(database.db, userId))!, { name: 'bench' })).token;
    const admin = await createUser(database, null, { email: 'bench-admin@example.test', name: 'admin', password: 'password-123', role: 'admin' });
    const adminToken = await tokenOf(admin.id);
    const call = async <T>(token: string, method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> => {
      const res = await app.server.inject({ method, url: path, headers: { authorization: `Bearer ${token}` }, ...(body !== undefined && { payload: body as object }) });
      if (res.statusCode >= 300) throw new Error(`${method} ${path}: ${res.statusCode} ${res.body}`);
      return res.json<T>();
    };
    const agents: string[] = [];
    for (let i = 0; i < 20; i++) agents.push((await createUser(database, null, { email: `bench-agent-${i}@example.test`, name: `坐席${i}`, password: 'password-123', role: 'agent' })).id);
    const adminActor = (await loadActor(database.db, admin.id))!;
    const teams: string[] = [];
    for (let i = 0; i < 4; i++) teams.push((await createTeam(database, adminActor, { name: `投诉${i}组`, memberIds: agents.slice(i * 5, i * 5 + 5) })).id);
    for (const field of complaintProcessFields) await call(adminToken, 'POST', '/api/v1/ticket-fields', field);
    await call(adminToken, 'POST', '/api/v1/ticket-types', complaintTicketType);
    const process = await call<{ id: string }>(adminToken, 'POST', '/api/v1/processes', { key: 'complaint_flow', name: { 'zh-CN': '投诉处理', en: 'Complaints' }, ticketType: 'complaint', definition: complaintFlow });
    await call(adminToken, 'POST', `/api/v1/processes/${process.id}/publish`);

    const loadStarted = performance.now();
    // One ticket over the API, then its copies in one statement (the API path would take minutes on
    // a loaded machine and is not what is measured): own id, number, subject, team and times.
    const template = await call<{ id: string }>(adminToken, 'POST', '/api/v1/tickets', { subject: '投诉 0', type: 'complaint', teamId: teams[0], channel: 'web' });
    const columns = (await queryRows<{ name: string }>(database.db, sql`select column_name as name from information_schema.columns where table_name = 'tickets' and table_schema = current_schema() order by ordinal_position`)).map((c) => c.name);
    const copied: Record<string, string> = {
      id: 'gen_random_uuid()',
      number: `'B' || lpad(g::text, 8, '0')`,
      subject: `'投诉 ' || g`,
      team_id: `(array[${teams.map((t) => `'${t}'::uuid`).join(', ')}])[(g % ${teams.length}) + 1]`,
      created_at: 'now() - make_interval(secs => g)',
      updated_at: 'now() - make_interval(secs => g)',
    };
    const list = columns.map((c) => `"${c}"`).join(', ');
    const values = columns.map((c) => copied[c] ?? `t."${c}"`).join(', ');
    await database.db.execute(sql`insert into tickets (${sql.raw(list)}) select ${sql.raw(values)} from tickets t cross join generate_series(1, ${instances - 1}) g where t.id = ${template.id}`);
    // The instances the worker would start, written at once: one token each, the stages in turn.
    await database.db.execute(sql`insert into process_instances (id, ticket_id, process_id, version, started_at) select gen_random_uuid(), id, ${process.id}, 1, created_at from tickets`);
    await database.db.execute(sql`
      insert into process_tokens (id, instance_id, ticket_id, process_id, stage, assignee_user_id, assignee_team_id, assignee_role, entered_at)
      select gen_random_uuid(), i.id, i.ticket_id, i.process_id, s.stage,
             case when s.stage not in ('accept', 'judge') then (${sql.raw(`array[${agents.map((a) => `'${a}'::uuid`).join(', ')}]`)})[(i.n % 20) + 1] end,
             case when s.stage = 'judge' then t.team_id end,
             case when s.stage = 'accept' then 'agent' end,
             now() - make_interval(mins => i.n::int)
      from (select *, row_number() over (order by ticket_id) as n from process_instances) i
      join tickets t on t.id = i.ticket_id
      cross join lateral (select (${sql.raw(`array[${stages.map((s) => `'${s}'`).join(', ')}]`)})[(i.n % ${stages.length}) + 1] as stage) s`);
    await database.db.execute(sql`analyze process_tokens`);
    await database.db.execute(sql`analyze process_instances`);
    await database.db.execute(sql`analyze tickets`);
    const loadSeconds = (performance.now() - loadStarted) / 1000;

    const agentToken = await tokenOf(agents[0]!);
    const [facts] = await queryRows<{ tokens: number; mine: number; judge: number }>(
      database.db,
      sql`select (select count(*)::int from process_tokens) as tokens,
                 (select count(*)::int from process_tokens where assignee_user_id = ${agents[0]} or assignee_team_id = ${teams[0]} or assignee_role = 'agent') as mine,
                 (select count(*)::int from process_tokens where stage = 'judge') as judge`,
    );
    const judge = `/api/v1/tickets?stage=${process.id}%3Ajudge&limit=25`;
    // Page 10's cursor (or the last page's, with few instances), found once.
    let cursor = '';
    for (let page = 1; page < 10; page++) {
      const next = (await call<{ nextCursor: string | null }>(agentToken, 'GET', `${judge}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)).nextCursor;
      if (!next) break;
      cursor = next;
    }
    const cases: Array<[string, () => Promise<unknown>]> = [
      ['list without a stage filter, first page, agent', () => call(agentToken, 'GET', '/api/v1/tickets?limit=25')],
      ['待我处理的环节 (mine=1, first 50), agent', () => call(agentToken, 'GET', '/api/v1/process-stages?mine=1&limit=50')],
      ['stage filter, first page (newest first), agent', () => call(agentToken, 'GET', judge)],
      ['stage filter, page 10 by cursor, agent', () => call(agentToken, 'GET', `${judge}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)],
      ['stage filter + sort=priority, agent', () => call(agentToken, 'GET', `${judge}&sort=priority`)],
      ['stage filter, first page, admin (every ticket)', () => call(adminToken, 'GET', judge)],
    ];
    const times = new Map<string, number[]>(cases.map(([name]) => [name, []]));
    console.log(`\nprocess stages on ${engine}: ${facts!.tokens} running instances (agent's own stages ${facts!.mine}, at 责任判定 ${facts!.judge}), loaded in ${loadSeconds.toFixed(0)} s; ${rounds} rounds, ${cpus().length} CPUs, load average before ${loadavg().map((l) => l.toFixed(1)).join(' / ')}`);
    for (let round = 0; round < rounds + 2; round++) {
      for (const [name, read] of cases) {
        const started = performance.now();
        await read();
        if (round >= 2) times.get(name)!.push(performance.now() - started);
      }
    }
    for (const [name] of cases) {
      const sorted = times.get(name)!.sort((a, b) => a - b);
      console.log(`${name.padEnd(50)} p50 ${percentile(sorted, 0.5).toFixed(1).padStart(6)} ms  p95 ${percentile(sorted, 0.95).toFixed(1).padStart(6)} ms  max ${sorted.at(-1)!.toFixed(1)} ms`);
    }
    if (url) console.log(`the stage-filtered page's plan (PostgreSQL, the agent's first page):\n${await planOf(database, () => call(agentToken, 'GET', judge))}`);
    console.log(`load average after: ${loadavg().map((l) => l.toFixed(1)).join(' / ')}`);
    await app.worker.stop();
    await app.server.close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
