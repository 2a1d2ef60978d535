// What an idle test server costs while a browser test waits (BENCHMARKS.md, "Test suite"): the
// worker loop polls every `pollMs` (one relay-and-pick transaction and every due-row source when
// nothing is due). Opens a test database and an app as e2e/harness.ts does, starts the worker with
// BENCH_POLL_MS (default 200, the harness's), and prints the CPU of BENCH_SECONDS (default 10) of
// idling as one JSON line. Needs what the runner prepares (see bench/test-fixed-cost.ts).
import { pino } from 'pino';
import { loadConfig } from '../src/app/config.js';
import { createApp } from '../src/app/create-app.js';
import { openTestDatabase } from '../src/db/test-database.js';

const pollMs = Number(process.env.BENCH_POLL_MS ?? 200);
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const database = await openTestDatabase();
const app = await createApp(loadConfig({ LOG_LEVEL: 'silent' }), database, { log: pino({ level: 'silent' }), worker: { pollMs } });
app.worker.start();
// Let the first rounds (statement preparation) pass before measuring.
await new Promise((resolve) => setTimeout(resolve, 2_000));
const before = process.cpuUsage();
await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
const used = process.cpuUsage(before);
await app.worker.stop();
await app.server.close();
await database.close();
console.log(JSON.stringify({ engine: database.engine, pollMs, seconds, cpuMs: Math.round((used.user + used.system) / 1000), cpuMsPerSecond: Math.round((used.user + used.system) / 1000 / seconds) }));
