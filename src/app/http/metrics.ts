import { sql } from 'drizzle-orm';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { AppServer } from '../context.js';
import { queryRows, type Database } from '../../db/database.js';

/** Prometheus metrics: request latency per route, and the job queue by state. One registry per app. */
export function registerMetrics(app: AppServer, database: Database): void {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'opencsm_' });
  const duration = new Histogram({
    name: 'opencsm_http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const errors = new Counter({ name: 'opencsm_http_errors_total', help: '5xx responses', labelNames: ['route'], registers: [registry] });
  new Gauge({
    name: 'opencsm_jobs',
    help: 'Jobs in the durable queue by state (pending includes scheduled)',
    labelNames: ['state'],
    registers: [registry],
    async collect() {
      const rows = await queryRows<{ state: string; n: number }>(database.db, sql`select state, count(*)::int as n from jobs group by state`);
      this.reset();
      for (const state of ['pending', 'running', 'dead']) this.set({ state }, rows.find((r) => r.state === state)?.n ?? 0);
    },
  });

  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    duration.observe({ method: request.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
    if (reply.statusCode >= 500) errors.inc({ route });
  });

  app.get('/metrics', { config: { permission: 'public' }, schema: { hide: true } }, async (_request, reply) => {
    reply.type(registry.contentType);
    return registry.metrics();
  });
}
