import Fastify, { LogController, type FastifyBaseLogger } from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'drizzle-orm';
import type { AppContext, AppModule, AppServer } from '../context.js';
import { authenticateHook } from './authenticate.js';
import { contentSecurityPolicy, registerWebConsole } from './web-console.js';
import { sameOriginWritesHook } from './same-origin-writes.js';
import { sendStrictTransportSecurity } from './transport-security.js';
import { registerMetrics } from './metrics.js';
import { rejectUnstorableText } from './reject-unstorable-text.js';
import { errorHandler, sendProblem } from './problem.js';

/** Infrastructure routes registered by plugins, public by nature (API docs UI and its assets). */
const pluginRoutePrefixes = ['/api/docs'];

/** A hop count trusts that many proxies in front of us (what Fastify does with a number, typed as a function). */
function trustProxyOption(setting: boolean | number | string[]): boolean | string[] | ((address: string, hop: number) => boolean) {
  return typeof setting === 'number' ? (_address, hop) => hop < setting : setting;
}

export async function buildServer(context: AppContext, modules: readonly AppModule[]): Promise<AppServer> {
  const app = Fastify({
    loggerInstance: context.log as FastifyBaseLogger,
    bodyLimit: 2 * 1024 * 1024,
    // Per-IP limits (portal sign-in, web form) need the client's address, not the proxy's.
    trustProxy: trustProxyOption(context.config.OPENCSM_TRUST_PROXY),
    // Per-request lines only when debugging; latency is in /metrics.
    logController: new LogController({ disableRequestLogging: context.config.LOG_LEVEL !== 'debug' && context.config.LOG_LEVEL !== 'trace' }),
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler((request, reply) => sendProblem(request, reply, 404, 'route.not_found'));
  // The API speaks JSON (and multipart for uploads); anything else is 415, not a confusing 400.
  app.removeContentTypeParser('text/plain');
  app.decorateRequest('actor', null);
  app.decorateRequest('customer', null);
  app.decorateRequest('locale', 'zh-CN');

  // Refuse to start with a route that does not say who may call it.
  const undeclared: string[] = [];
  app.addHook('onRoute', (route) => {
    const declared = (route.config as { permission?: string } | undefined)?.permission;
    if (!declared && !pluginRoutePrefixes.some((prefix) => route.url.startsWith(prefix))) undeclared.push(`${route.method} ${route.url}`);
  });
  app.addHook('onReady', async () => {
    if (undeclared.length) throw new Error(`Routes without a permission (add config.permission or 'public'): ${undeclared.join(', ')}`);
  });

  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: context.config.OPENCSM_MAX_ATTACHMENT_MB * 1024 * 1024, files: 1, fields: 10 } });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'OpenCSM API', description: 'OpenCSM 客户服务管理系统 API (v1)', version: '1.0.0' },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'Personal API token (个人 API 令牌)' },
          session: { type: 'apiKey', in: 'cookie', name: 'opencsm_session' },
          portal: { type: 'apiKey', in: 'cookie', name: 'opencsm_portal', description: 'Customer portal session (客户门户会话)' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    // The console's policy: no framing, scripts only from here (Swagger UI loads its own files).
    staticCSP: contentSecurityPolicy("'none'"),
  });
  app.addHook('onRequest', async (request, reply) => {
    if (request.url.startsWith('/api/docs')) reply.header('X-Frame-Options', 'DENY').header('X-Content-Type-Options', 'nosniff').header('Referrer-Policy', 'same-origin');
  });
  if (context.config.OPENCSM_COOKIE_SECURE) app.addHook('onRequest', sendStrictTransportSecurity);
  // Before authentication: a forged cross-site write costs no session lookup.
  app.addHook('onRequest', sameOriginWritesHook({ publicUrl: context.config.OPENCSM_PUBLIC_URL }));
  app.addHook('onRequest', authenticateHook(context.database));
  app.addHook('preValidation', rejectUnstorableText);

  app.get('/api/openapi.json', { config: { permission: 'public' }, schema: { hide: true } }, async () => app.swagger());
  registerWebConsole(app, undefined, { portalFrameAncestors: context.config.OPENCSM_PORTAL_FRAME_ANCESTORS, mapScriptBaseUrl: context.config.OPENCSM_MAP_SCRIPT_BASE_URL });
  app.get('/healthz', { config: { permission: 'public' }, schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { config: { permission: 'public' }, schema: { hide: true } }, async (request, reply) => {
    try {
      await context.database.db.execute(sql`select 1`);
      return { status: 'ready', engine: context.database.engine };
    } catch {
      return sendProblem(request, reply, 503, 'server.not_ready');
    }
  });
  registerMetrics(app, context.database, context.config);

  for (const module of modules) module.registerRoutes?.(app, context);
  return app;
}
