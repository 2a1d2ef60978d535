// The fixed cost of one API test file, by phase (BENCHMARKS.md, "Test suite"): start-up and
// imports, a fresh test database, createApp, three users. Prints one JSON line per run; run it
// several times and take medians. It needs what the test runner prepares, e.g.:
//   node scripts/compile-tests.mjs .tmp/build-bench
//   NODE_ENV=test node .tmp/build-bench/scripts/prepare-test-template.js create .tmp/tpl-dir
//   NODE_ENV=test OPENCSM_TEST_PASSWORD_COST=low OPENCSM_TEST_TEMPLATE=.tmp/tpl-dir \
//     node .tmp/build-bench/bench/test-fixed-cost.js
// (PostgreSQL: create the template with TEST_DATABASE_URL and OPENCSM_TEST_RUN_ID set, and run
// with the same two variables instead of OPENCSM_TEST_TEMPLATE.)
import { performance } from 'node:perf_hooks';

const startedAt = performance.now(); // process start → first line: node, loader (tsx or not)
const cpuAtStart = process.cpuUsage();
const phases: Record<string, { wallMs: number; cpuMs: number }> = {};
let wall = performance.now();
let cpu = process.cpuUsage();
function lap(name: string): void {
  const used = process.cpuUsage(cpu);
  phases[name] = { wallMs: Math.round(performance.now() - wall), cpuMs: Math.round((used.user + used.system) / 1000) };
  wall = performance.now();
  cpu = process.cpuUsage();
}

const { pino } = await import('pino');
const { openTestDatabase } = await import('../src/db/test-database.js');
const { loadConfig } = await import('../src/app/config.js');
const { createApp } = await import('../src/app/create-app.js');
const { createUser, createApiToken } = await import('../src/modules/auth/index.js');
lap('imports');
// BENCH_FILES=N: the set-up of N test files in one process, as the runner's groups run them
// (imports once; a database, an app and three users per file). Phases of files 2..N get a suffix.
const files = Math.max(1, Number(process.env.BENCH_FILES ?? 1) || 1);
for (let file = 1; file <= files; file++) {
  const suffix = file === 1 ? '' : `#${file}`;
  const database = await openTestDatabase();
  lap(`database${suffix}`);
  const app = await createApp(loadConfig({ LOG_LEVEL: 'silent' }), database, { log: pino({ level: 'silent' }) });
  lap(`createApp${suffix}`);
  // What the first inject pays: Fastify compiles every route's validators and serialisers.
  await app.server.ready();
  lap(`ready${suffix}`);
  for (let i = 0; i < 3; i++) {
    const email = `probe${file}-${i}@example.test`;
    const user = await createUser(database, null, { email, name: `probe ${i}`, password: 'password-123', role: 'agent' });
    await createApiToken(database, { id: user.id, email, name: user.name, role: 'agent', locale: 'zh-CN', teamIds: [] }, { name: 'probe' });
  }
  lap(`threeUsers${suffix}`);
  await app.worker.stop();
  await app.server.close();
  await database.close();
  lap(`close${suffix}`);
}
const total = process.cpuUsage(cpuAtStart);
console.log(JSON.stringify({ startupMs: Math.round(startedAt), ...phases, totalCpuMsAfterStartup: Math.round((total.user + total.system) / 1000) }));
