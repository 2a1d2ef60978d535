import { timingSafeEqual, createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { sql } from 'drizzle-orm';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Config } from '../config.js';
import type { AppServer } from '../context.js';
import { queryRows, type Database } from '../../db/database.js';

/** Compared as digests so the time taken says nothing about how much of the token was right. */
function sameToken(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/**
 * Prometheus metrics: request latency per route, and the job queue by state. One registry per app.
 * They reveal routes, load and queue depth, so they are not public: on the public port /metrics
 * needs `Authorization: Bearer <OPENCSM_METRICS_TOKEN>` and answers 404 when no token is set;
 * with OPENCSM_METRICS_LISTEN they are (also) served on that address, meant for the private network.
 */
export function registerMetrics(app: AppServer, database: Database, config: Pick<Config, 'OPENCSM_METRICS_TOKEN' | 'OPENCSM_METRICS_LISTEN'>): void {
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

  const token = config.OPENCSM_METRICS_TOKEN;
  app.get('/metrics', { config: { permission: 'public' }, schema: { hide: true } }, async (request, reply) => {
    // Without a token there is no way to be allowed here: the route does not exist for anyone.
    if (!token) return reply.callNotFound();
    const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
    if (!match || !sameToken(match[1]!, token)) {
      return reply.status(401).header('WWW-Authenticate', 'Bearer realm="metrics"').type('text/plain; charset=utf-8').send('401 Unauthorized: /metrics needs Authorization: Bearer <OPENCSM_METRICS_TOKEN>\n');
    }
    reply.type(registry.contentType);
    return registry.metrics();
  });

  const listen = config.OPENCSM_METRICS_LISTEN;
  if (listen) {
    let server: Server | undefined;
    // Started and stopped with the HTTP server, so `opencsm worker` (no HTTP) opens no port.
    app.addHook('onListen', async () => {
      server = createServer((request, response) => {
        const path = (request.url ?? '/').split('?')[0];
        if (path !== '/metrics' || request.method !== 'GET') return void response.writeHead(404, { 'content-type': 'text/plain' }).end('404 Not Found\n');
        if (token && !sameToken(/^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1] ?? '', token)) {
          return void response.writeHead(401, { 'content-type': 'text/plain', 'www-authenticate': 'Bearer realm="metrics"' }).end('401 Unauthorized\n');
        }
        registry.metrics().then(
          (text) => response.writeHead(200, { 'content-type': registry.contentType }).end(text),
          (error: unknown) => {
            app.log.error({ err: error }, 'metrics collection failed');
            response.writeHead(500, { 'content-type': 'text/plain' }).end('500\n');
          },
        );
      });
      await new Promise<void>((resolve, reject) => {
        server!.once('error', reject);
        server!.listen(listen.port, listen.host, () => resolve());
      });
      app.log.info({ address: `${listen.host}:${(server.address() as { port: number }).port}` }, 'metrics listening');
    });
    app.addHook('onClose', async () => {
      if (server) await new Promise<void>((resolve) => server!.close(() => resolve()));
    });
  }
}
