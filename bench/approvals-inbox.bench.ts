/**
 * 待我审批 at 10 000 running instances (issue 19 §6: p95 < 50 ms). Loads 10 000 instances, each
 * waiting for a countersign of 3 of 100 approvers (~300 pending steps per approver), and times
 * `listMyApprovals` (the route's query: the keyset page on the partial index, then the visibility
 * check of the page's tickets) for the first page and for a page deep into the list.
 * The reader is an agent of the tickets' team, so the visibility check is the agent's real condition. `npx tsx bench/approvals-inbox.bench.ts`; BENCH_DATABASE_URL adds PostgreSQL.
 */
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { runMigrations } from '../src/db/migrate.js';
import type { Actor } from '../src/modules/auth/index.js';
import { listMyApprovals } from '../src/modules/workflow/approval-queries.js';
import { onEachEngine } from './on-each-engine.js';

const instances = 10_000;
const approvers = 100;
const runs = 200;

const benchTeam = '00000000-0000-4000-8000-bbbbbbbbbbbb';
const approverId = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

await onEachEngine('bench_approvals_inbox', async (engine, database, url) => {
  await runMigrations(database, url);
  await database.transaction(async (tx) => {
    await tx.execute(sql`insert into processes (id, key, name, ticket_type, draft) values ('00000000-0000-4000-8000-aaaaaaaaaaaa', 'bench', '{"zh-CN":"bench","en":""}', 'bench', '{"start":"a","nodes":[],"transitions":[]}')`);
    await tx.execute(sql`insert into tickets (id, number, subject, description, priority, team_id)
      select md5('t' || g)::uuid, 'B' || g, '采购审批 ' || g, '', 'normal', ${benchTeam} from generate_series(1, ${instances}) g`);
    await tx.execute(sql`insert into process_instances (id, ticket_id, process_id, version, approval_request_id)
      select md5('i' || g)::uuid, md5('t' || g)::uuid, '00000000-0000-4000-8000-aaaaaaaaaaaa', 1, md5('r' || g)::uuid from generate_series(1, ${instances}) g`);
    await tx.execute(sql`insert into approval_requests (id, instance_id, ticket_id, process_id, version, transition, from_stage, token_id, mode, needed, delegation, requested_by, requested_at)
      select md5('r' || g)::uuid, md5('i' || g)::uuid, md5('t' || g)::uuid, '00000000-0000-4000-8000-aaaaaaaaaaaa', 1, 'plan', 'a', md5('k' || g)::uuid, 'countersign', 3, true, ${approverId(0)}, now() - (g || ' seconds')::interval from generate_series(1, ${instances}) g`);
    await tx.execute(sql`insert into approval_steps (id, request_id, ticket_id, position, approver_id, status, asked_at)
      select md5('s' || g || '-' || p)::uuid, md5('r' || g)::uuid, md5('t' || g)::uuid, p, ('00000000-0000-4000-8000-' || lpad(((g * 7 + p * 31) % ${approvers} + 1)::text, 12, '0'))::uuid, 'pending', now() - (g || ' seconds')::interval
      from generate_series(1, ${instances}) g, generate_series(0, 2) p`);
  });
  await database.transaction((tx) => tx.execute(sql`analyze`));
  const actor: Actor = { id: approverId(42), email: 'b@example.test', name: 'bench', role: 'agent', locale: 'zh-CN', teamIds: [benchTeam] };
  if (process.env.BENCH_EXPLAIN) {
    const plan = await database.db.execute(sql`explain analyze select s.id, r.id from approval_steps s join approval_requests r on r.id = s.request_id where s.approver_id = ${actor.id} and s.status = 'pending' order by s.asked_at, s.id limit 51`);
    console.log(JSON.stringify(plan.rows ?? plan, null, 1));
  }
  // On a shared machine the figures are mostly the wait for a CPU: say how busy it was.
  const load = () => loadavg().map((l) => l.toFixed(1)).join(' / ');
  console.log(`${engine}: ${cpus().length} CPUs, load average before ${load()}`);
  const first = await listMyApprovals(database.db, actor, { limit: 50 });
  let cursor = first.nextCursor ?? undefined;
  for (let i = 0; i < 4 && cursor; i++) cursor = (await listMyApprovals(database.db, actor, { limit: 50, cursor })).nextCursor ?? undefined;
  for (const [label, page] of [['first page', undefined], ['sixth page', cursor]] as const) {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      const result = await listMyApprovals(database.db, actor, { limit: 50, cursor: page });
      times.push(performance.now() - start);
      if (result.items.length !== 50) throw new Error(`expected a full page, got ${result.items.length}`);
    }
    times.sort((a, b) => a - b);
    const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(2);
    console.log(`${engine}: 待我审批 ${label} at ${instances} instances: p50 ${at(0.5)} ms, p95 ${at(0.95)} ms`);
  }
  console.log(`${engine}: load average after ${load()}`);
});
