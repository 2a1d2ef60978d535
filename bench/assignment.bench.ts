/**
 * `npm run bench` (part): the assignment decision (issue 18 §2, "assignment decision p99 < 20 ms
 * under 50 tickets/s"). For each engine (PGlite; PostgreSQL too with BENCH_DATABASE_URL, in a
 * fresh database dropped afterwards) it makes a round-robin team of BENCH_AGENTS agents (default
 * 20, all 在线, capacity BENCH_CAPACITY each, default 1 000) and lets BENCH_TICKETS tickets (default 500) arrive at BENCH_RATE
 * per second (default 50). Each arrival is created through the tickets service and then decided
 * exactly as the worker's `assignment.ticket_event` job decides it (`followTicket`: the team's
 * row lock, the candidates' counters, the capacity-checked update, the ticket's update through
 * `updateTicket`, the load row), in its own transaction; the figure is that transaction's time.
 * With a small BENCH_CAPACITY the team fills and later tickets queue, which is measured as decisions too.
 * On PostgreSQL it also times each statement a decision sends (its round trip, by the statement's
 * first words), so the slowest decisions show where their time went (lock waits are the `for update`).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { pino } from 'pino';
import { systemClock } from '../src/app/clock.js';
import { loadConfig } from '../src/app/config.js';
import { createApp } from '../src/app/create-app.js';
import { writeRulesOf } from '../src/app/write-rules.js';
import { runMigrations } from '../src/db/migrate.js';
import { countStatements } from '../src/db/statement-count.js';
import { setAgentStatus, updateAgentProfile } from '../src/modules/assignment/agents.js';
import { updateTeamAssignment } from '../src/modules/assignment/team-settings.js';
import { TeamPlans } from '../src/modules/assignment/team-plans.js';
import { followTicket } from '../src/modules/assignment/ticket-events.js';
import { urgencyOf } from '../src/modules/assignment/urgency.js';
import { createTeam, createUser, type Actor } from '../src/modules/auth/index.js';
import { createTicket } from '../src/modules/tickets/index.js';
import { onEachEngine } from './on-each-engine.js';

const agentCount = Number(process.env.BENCH_AGENTS ?? 20);
const ticketCount = Number(process.env.BENCH_TICKETS ?? 500);
const rate = Number(process.env.BENCH_RATE ?? 50);
const capacity = Number(process.env.BENCH_CAPACITY ?? 1000);
const log = pino({ level: 'silent' });

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

await onEachEngine('opencsm_bench_assignment', async (engine, database, url) => {
  await runMigrations(database, url);
  const dir = await mkdtemp(join(tmpdir(), 'bench-assignment-'));
  try {
    const app = await createApp(loadConfig({ OPENCSM_DATA_DIR: dir, LOG_LEVEL: 'silent' }), database, { log });
    const rules = writeRulesOf(app.context);
    const adminRow = await createUser(database, null, { email: 'bench-admin@example.test', name: 'admin', password: 'password-123', role: 'admin' });
    const admin: Actor = { id: adminRow.id, email: 'bench-admin@example.test', name: 'admin', role: 'admin', locale: 'zh-CN', teamIds: [] };
    const agents: Actor[] = [];
    for (let i = 0; i < agentCount; i += 1) {
      const email = `bench-agent-${i}@example.test`;
      const row = await createUser(database, null, { email, name: `坐席${i}`, password: 'password-123', role: 'agent' });
      agents.push({ id: row.id, email, name: row.name, role: 'agent', locale: 'zh-CN', teamIds: [] });
    }
    const team = await createTeam(database, admin, { name: '基准组', memberIds: agents.map((a) => a.id) });
    for (const agent of agents) {
      await setAgentStatus(database, agent, 'online', new Date());
      await updateAgentProfile(database, admin, agent.id, { capacity });
    }
    await updateTeamAssignment(database, admin, team.id, { strategy: 'round_robin' });
    const plans = await TeamPlans.load(database.db);
    const urgency = await urgencyOf(database);

    const durations: number[] = [];
    // PostgreSQL: each decision's statements with their round-trip times (PGlite runs in-process: its time is the decision's).
    const profiles: Array<Array<[string, number]>> = [];
    let current: Array<[string, number]> = [];
    const original = pg.Client.prototype.query;
    if (engine === 'postgres') {
      pg.Client.prototype.query = function timed(this: pg.Client, ...args: Parameters<typeof original>) {
        const first = args[0] as unknown;
        const text = typeof first === 'string' ? first : String((first as { text?: string }).text ?? '');
        const head = text.replace(/\s+/g, ' ').slice(0, 48);
        const started = performance.now();
        const result = Reflect.apply(original, this, args) as unknown;
        const mine = current;
        if (result instanceof Promise) void result.finally(() => mine.push([head, performance.now() - started])).catch(() => undefined);
        return result;
      } as typeof original;
    }
    let assigned = 0;
    const started = performance.now();
    for (let i = 0; i < ticketCount; i += 1) {
      const due = started + (i * 1000) / rate;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const { ticket } = await createTicket(database, admin, { subject: `基准来单 ${i}`, description: '', teamId: team.id }, { timeZone: 'Asia/Shanghai', fieldTypes: rules.fieldTypes });
      current = [];
      const before = performance.now();
      await database.transaction((tx) => followTicket(tx, database, rules, { ticketId: ticket.id, reason: 'new', plans, urgency, now: systemClock.now(), fresh: true }));
      durations.push(performance.now() - before);
      profiles.push(current);
      assigned += 1;
    }
    pg.Client.prototype.query = original;
    const elapsed = (performance.now() - started) / 1000;
    if (profiles.some((p) => p.length)) {
      // Where the slowest 1 % of decisions spent their time, against every decision's average.
      const slowest = durations.map((d, i) => [d, i] as const).sort((a, b) => b[0] - a[0]).slice(0, Math.max(1, Math.ceil(durations.length / 100)));
      const sums = (indexes: readonly number[]) => {
        const by = new Map<string, number>();
        for (const i of indexes) for (const [head, ms] of profiles[i]!) by.set(head, (by.get(head) ?? 0) + ms);
        return new Map([...by].map(([head, ms]) => [head, ms / indexes.length]));
      };
      const all = sums(durations.map((_, i) => i));
      const slow = sums(slowest.map(([, i]) => i));
      console.log(`${engine}: statement round trips per decision, ms (every decision → slowest 1 %, ${slowest.length}):`);
      for (const [head, ms] of [...slow].sort((a, b) => b[1] - a[1]).slice(0, 8)) console.log(`  ${(all.get(head) ?? 0).toFixed(2)} → ${ms.toFixed(2)}  ${head}`);
      const sent = (indexes: readonly number[]) => indexes.reduce((sum, i) => sum + profiles[i]!.reduce((s2, [, ms]) => s2 + ms, 0), 0) / indexes.length;
      console.log(`  in statements: ${sent(durations.map((_, i) => i)).toFixed(2)} → ${sent(slowest.map(([, i]) => i)).toFixed(2)} ms of ${(durations.reduce((a, b) => a + b, 0) / durations.length).toFixed(2)} → ${(slowest.reduce((a, [d]) => a + d, 0) / slowest.length).toFixed(2)} ms per decision`);
    }
    const sorted = [...durations].sort((a, b) => a - b);
    const fmt = (ms: number) => ms.toFixed(2);
    console.log(`${engine}: ${assigned} decisions at ${(assigned / elapsed).toFixed(1)}/s (target ${rate}/s), ${agentCount} agents, round robin — p50 ${fmt(percentile(sorted, 50))} ms, p95 ${fmt(percentile(sorted, 95))} ms, p99 ${fmt(percentile(sorted, 99))} ms, max ${fmt(sorted.at(-1)!)} ms`);
    // What one decision that assigns sends to the engine (BEGIN and COMMIT included): the cost that does not depend on load.
    const { ticket: probe } = await createTicket(database, admin, { subject: '计数来单', description: '', teamId: team.id }, { timeZone: 'Asia/Shanghai', fieldTypes: rules.fieldTypes });
    const statements = await countStatements(database, () => database.transaction((tx) => followTicket(tx, database, rules, { ticketId: probe.id, reason: 'new', plans, urgency, now: systemClock.now(), fresh: true })));
    console.log(`${engine}: one decision sends ${statements} statements (load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} cores)`);
    await app.worker.stop();
    await app.server.close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
