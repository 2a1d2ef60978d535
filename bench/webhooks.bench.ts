/**
 * Outbound webhooks (issue 18 §5): what a created ticket costs when one endpoint listens to
 * `ticket.created`, and how fast deliveries leave. For each engine (PGlite; PostgreSQL too with
 * BENCH_DATABASE_URL, in a fresh database dropped afterwards) it starts the real app and a loopback
 * receiver (allowlisted), makes one endpoint, then creates BENCH_TICKETS tickets (default 400)
 * over the API in blocks of 20 and runs the worker until idle after each block, counting the
 * worker's statements (relay, the delivery job, claims, sends' guard reads and records) and its
 * wall time. Compare with `bench/custom-fields.bench.ts` (no endpoint: no delivery job at all).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pino } from 'pino';
import { loadConfig } from '../src/app/config.js';
import { createApp } from '../src/app/create-app.js';
import type { Database } from '../src/db/database.js';
import { runMigrations } from '../src/db/migrate.js';
import { countStatements } from '../src/db/statement-count.js';
import { createApiToken, createUser } from '../src/modules/auth/index.js';
import { startWebhookReceiver } from '../src/modules/webhooks/webhook-receiver-kit.js';
import { onEachEngine } from './on-each-engine.js';

const ticketCount = Math.ceil(Number(process.env.BENCH_TICKETS ?? 400) / 20) * 20;
const log = pino({ level: 'silent' });

async function measure(engine: string, database: Database, url?: string): Promise<void> {
  await runMigrations(database, url);
  const dir = await mkdtemp(join(tmpdir(), 'opencsm-bench-webhooks-'));
  const app = await createApp(loadConfig({ OPENCSM_DATA_DIR: dir, LOG_LEVEL: 'silent', OPENCSM_OUTBOUND_ALLOW: '127.0.0.1' }), database, { log });
  const receiver = await startWebhookReceiver();
  try {
    const admin = await createUser(database, null, { email: 'bench@opencsm.test', name: 'bench', password: 'password-123', role: 'admin' });
    const { token } = await createApiToken(database, { id: admin.id, email: 'bench@opencsm.test', name: 'bench', role: 'admin', locale: 'zh-CN', teamIds: [] }, { name: 'bench' });
    const headers = { authorization: `Bearer ${token}` };
    const made = await app.server.inject({ method: 'POST', url: '/api/v1/webhooks', headers, payload: { url: receiver.url, eventTypes: ['ticket.created'] } });
    if (made.statusCode !== 201) throw new Error(made.body);
    let statements = 0;
    let workerMs = 0;
    for (let done = 0; done < ticketCount; done += 20) {
      for (let i = 0; i < 20; i++) {
        const res = await app.server.inject({ method: 'POST', url: '/api/v1/tickets', headers, payload: { subject: `基准工单 ${done + i}` } });
        if (res.statusCode !== 201) throw new Error(res.body);
      }
      const started = performance.now();
      statements += await countStatements(database, () => app.worker.runUntilIdle());
      workerMs += performance.now() - started;
    }
    if (receiver.received.length !== ticketCount) throw new Error(`received ${receiver.received.length} of ${ticketCount}`);
    console.log(`${engine}: ${ticketCount} tickets, one endpoint on ticket.created, all delivered once`);
    console.log(`  worker per ticket: ${(statements / ticketCount).toFixed(1)} statements, ${(workerMs / ticketCount).toFixed(2)} ms wall (its other jobs included), ${(ticketCount / (workerMs / 1000)).toFixed(0)} tickets/s through the worker`);
  } finally {
    await receiver.close();
    await app.worker.stop();
    await app.server.close();
    await rm(dir, { recursive: true, force: true });
  }
}

await onEachEngine('opencsm_bench_webhooks', measure);
