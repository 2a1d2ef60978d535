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
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
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
    let assigned = 0;
    const started = performance.now();
    for (let i = 0; i < ticketCount; i += 1) {
      const due = started + (i * 1000) / rate;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const { ticket } = await createTicket(database, admin, { subject: `基准来单 ${i}`, description: '', teamId: team.id }, { timeZone: 'Asia/Shanghai', fieldTypes: rules.fieldTypes });
      const before = performance.now();
      await database.transaction((tx) => followTicket(tx, database, rules, { ticketId: ticket.id, reason: 'new', plans, urgency, now: systemClock.now(), fresh: true }));
      durations.push(performance.now() - before);
      assigned += 1;
    }
    const elapsed = (performance.now() - started) / 1000;
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
