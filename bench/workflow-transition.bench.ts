/**
 * Issue 19 §6: a transition with guards, and one that opens an approval, < 20 ms p50 on PostgreSQL.
 * Publishes the seeds' complaint flow, creates one ticket of its type over the API and copies it in
 * SQL to BENCH_INSTANCES (default 10 000) running instances, each with one token: BENCH_RUNS
 * (default 200) at 责任判定 and as many at 赔偿方案 (their team's token), the rest spread over the
 * other stages. Then, over the API in-process (`inject`, an agent of the tickets' team), interleaved:
 * - 提交判定 (`judged`): writes 责任判定, judges the stage's required field, the exclusive gateway's
 *   condition picks 我方责任, the ticket lands at 赔偿方案 — a transition with a guard and required fields;
 * - 提交赔偿方案 (`plan_agreed`) with 赔偿金额 300: writes it, picks the ≤ 500 tier, resolves the
 *   supervisors and opens the approval request.
 * Each run takes a fresh ticket (POST with its revision, as the console sends it); the first 5 of
 * each are warm-ups. `BENCH_DATABASE_URL=… npx tsx bench/workflow-transition.bench.ts`;
 * BENCH_SKIP_PGLITE=1 measures PostgreSQL alone.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { pino } from 'pino';
import { loadConfig } from '../src/app/config.js';
import { createApp } from '../src/app/create-app.js';
import { queryRows } from '../src/db/database.js';
import { countStatements } from '../src/db/statement-count.js';
import { runMigrations } from '../src/db/migrate.js';
import { createApiToken, createTeam, createUser, loadActor } from '../src/modules/auth/index.js';
import { complaintProcessFields, complaintTicketType } from '../src/modules/workflow/test-complaint-process.js';
import { complaintFlow } from '../src/workflow-model/fixtures/complaint-flow.js';
import { onEachEngine } from './on-each-engine.js';

const instances = Number(process.env.BENCH_INSTANCES ?? 10_000);
const runs = Number(process.env.BENCH_RUNS ?? 200);
const warmUps = 5;
const otherStages = ['accept', 'site_survey', 'execute', 'explain', 'follow_up'];
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
const load = () => loadavg().map((l) => l.toFixed(1)).join(' / ');

await onEachEngine('opencsm_bench_transition', async (engine, database, url) => {
  if (engine === 'pglite' && process.env.BENCH_SKIP_PGLITE) return;
  await runMigrations(database, url);
  const dir = await mkdtemp(join(tmpdir(), 'bench-transition-'));
  try {
    const app = await createApp(loadConfig({ OPENCSM_DATA_DIR: dir, LOG_LEVEL: 'silent' }), database, { log: pino({ level: 'silent' }) });
    // The worker would start instances of the copied tickets' events; they are written below instead.
    await app.worker.stop();
    const tokenOf = async (userId: string) => (await createApiToken(database, (await loadActor(database.db, userId))!, { name: 'bench' })).token;
    const admin = await createUser(database, null, { email: 'bench-admin@example.test', name: 'admin', password: 'password-123', role: 'admin' });
    const adminToken = await tokenOf(admin.id);
    await createUser(database, null, { email: 'bench-supervisor@example.test', name: '主管', password: 'password-123', role: 'supervisor' });
    const agent = await createUser(database, null, { email: 'bench-agent@example.test', name: '坐席', password: 'password-123', role: 'agent' });
    const team = (await createTeam(database, (await loadActor(database.db, admin.id))!, { name: '投诉组', memberIds: [agent.id] })).id;
    const call = async <T>(token: string, method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> => {
      const res = await app.server.inject({ method, url: path, headers: { authorization: `Bearer ${token}` }, ...(body !== undefined && { payload: body as object }) });
      if (res.statusCode >= 300) throw new Error(`${method} ${path}: ${res.statusCode} ${res.body}`);
      return res.json<T>();
    };
    for (const field of complaintProcessFields) await call(adminToken, 'POST', '/api/v1/ticket-fields', field);
    await call(adminToken, 'POST', '/api/v1/ticket-types', complaintTicketType);
    const complaints = await call<{ id: string }>(adminToken, 'POST', '/api/v1/processes', { key: 'complaint_flow', name: { 'zh-CN': '投诉处理', en: 'Complaints' }, ticketType: 'complaint', definition: complaintFlow });
    await call(adminToken, 'POST', `/api/v1/processes/${complaints.id}/publish`);

    const loadStarted = performance.now();
    const template = await call<{ id: string }>(adminToken, 'POST', '/api/v1/tickets', { subject: '投诉 0', type: 'complaint', teamId: team, channel: 'web' });
    const columns = (await queryRows<{ name: string }>(database.db, sql`select column_name as name from information_schema.columns where table_name = 'tickets' and table_schema = current_schema() order by ordinal_position`)).map((c) => c.name);
    const copied: Record<string, string> = { id: 'gen_random_uuid()', number: `'B' || lpad(g::text, 8, '0')`, subject: `'投诉 ' || g`, created_at: 'now() - make_interval(secs => g)', updated_at: 'now() - make_interval(secs => g)' };
    await database.db.execute(sql`insert into tickets (${sql.raw(columns.map((c) => `"${c}"`).join(', '))}) select ${sql.raw(columns.map((c) => copied[c] ?? `t."${c}"`).join(', '))} from tickets t cross join generate_series(1, ${instances - 1}) g where t.id = ${template.id}`);
    await database.db.execute(sql`insert into process_instances (id, ticket_id, process_id, version, started_at) select gen_random_uuid(), id, ${complaints.id}, 1, created_at from tickets`);
    // Numbered by ticket number: 1..runs wait at 责任判定, the next runs at 赔偿方案, the rest elsewhere.
    await database.db.execute(sql`
      insert into process_tokens (id, instance_id, ticket_id, process_id, stage, assignee_team_id, entered_at)
      select gen_random_uuid(), i.id, i.ticket_id, i.process_id,
             case when n <= ${runs} then 'judge' when n <= ${2 * runs} then 'compensation_plan'
                  else (${sql.raw(`array[${otherStages.map((s) => `'${s}'`).join(', ')}]`)})[(n % ${otherStages.length}) + 1] end,
             ${team}, now() - make_interval(mins => n::int)
      from (select p.*, row_number() over (order by t.number) as n from process_instances p join tickets t on t.id = p.ticket_id) i`);
    for (const table of ['tickets', 'process_instances', 'process_tokens']) await database.db.execute(sql.raw(`analyze ${table}`));
    const measured = await queryRows<{ id: string; stage: string }>(database.db, sql`select ticket_id as id, stage from process_tokens where stage in ('judge', 'compensation_plan') order by entered_at desc`);
    const judge = measured.filter((row) => row.stage === 'judge').map((row) => row.id);
    const plan = measured.filter((row) => row.stage === 'compensation_plan').map((row) => row.id);
    const loadSeconds = (performance.now() - loadStarted) / 1000;

    const agentToken = await tokenOf(agent.id);
    const times = { guarded: [] as number[], approval: [] as number[] };
    const cpu = { guarded: 0, approval: 0 };
    const statements = { guarded: 0, approval: 0 };
    /**
     * Wall time (mostly the wait for a CPU on a busy machine), this process's CPU (API, drizzle,
     * driver: PostgreSQL's backends not included) and, on the last run, the statements sent.
     */
    const timed = async <T>(kind: 'guarded' | 'approval', i: number, work: () => Promise<T>): Promise<T> => {
      const cpuBefore = process.cpuUsage();
      const started = performance.now();
      let result: T | undefined;
      if (i === runs - 1) statements[kind] = await countStatements(database, async () => (result = await work()));
      else result = await work();
      if (i >= warmUps) {
        times[kind].push(performance.now() - started);
        const used = process.cpuUsage(cpuBefore);
        cpu[kind] += (used.user + used.system) / 1000;
      }
      return result as T;
    };
    console.log(`\nworkflow transitions on ${engine}: ${instances} running instances, loaded in ${loadSeconds.toFixed(0)} s; ${runs} runs each, ${cpus().length} CPUs, load average before ${load()}`);
    for (let i = 0; i < runs; i++) {
      const judged = await timed('guarded', i, () => call<{ stages: string[] }>(agentToken, 'POST', `/api/v1/tickets/${judge[i]}/transitions`, { transition: 'judged', values: { liability: 'ours' }, expectedRevision: 1 }));
      if (judged.stages[0] !== 'compensation_plan') throw new Error(`提交判定 went to ${JSON.stringify(judged.stages)}`);
      const asked = await timed('approval', i, () => call<{ approvalRequestId?: string }>(agentToken, 'POST', `/api/v1/tickets/${plan[i]}/transitions`, { transition: 'plan_agreed', values: { compensation: '300' }, expectedRevision: 1 }));
      if (!asked.approvalRequestId) throw new Error('提交赔偿方案 opened no approval');
    }
    for (const [kind, name] of [['guarded', '提交判定 (guard + required field + gateway)'], ['approval', '提交赔偿方案 (opens a tiered approval)']] as const) {
      const sorted = [...times[kind]].sort((a, b) => a - b);
      console.log(`${name.padEnd(44)} p50 ${percentile(sorted, 0.5).toFixed(1).padStart(6)} ms  p95 ${percentile(sorted, 0.95).toFixed(1).padStart(6)} ms  max ${sorted.at(-1)!.toFixed(1)} ms  node CPU ${(cpu[kind] / sorted.length).toFixed(1)} ms  ${statements[kind]} statements`);
    }
    console.log(`load average after: ${load()}`);
    await app.server.close();
  } catch (error) {
    console.error(error); // before the database is dropped under the pool, which hides it
    throw error;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
