import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext, AppModule, AppServer } from '../app/context.js';
import { actorOf } from '../app/http/request-context.js';
import type { Database } from '../db/database.js';
import { actorFromApiToken, actorFromSession, can, sessionCookieName, type Actor } from '../modules/auth/index.js';
import { notificationInboxAggregate } from '../modules/notifications/index.js';
import { filterVisibleTicketIds } from '../modules/tickets/index.js';
import { RealtimeHub } from './realtime-hub.js';
import { SseConnection, type SseOptions } from './sse-connection.js';

const sseOptions: SseOptions = { heartbeatMs: 15_000, retryMs: 3_000, maxQueuedBytes: 1024 * 1024 };
/** How often an open stream checks that its session or token is still valid (and refreshes teams). */
const recheckMs = 60_000;

/** Live updates for the web console: GET /api/v1/stream (server-sent events). */
export const realtimeModule: AppModule = {
  name: 'realtime',
  registerRoutes: registerStreamRoutes,
};

function registerStreamRoutes(app: AppServer, { database, log }: AppContext): void {
  const hub = new RealtimeHub(database, log.child({ component: 'realtime' }));
  const open = new Set<SseConnection>();
  // Open streams would hold server.close() forever: end them first (clients reconnect elsewhere).
  app.addHook('preClose', async () => {
    for (const connection of open) connection.end();
  });
  app.addHook('onClose', async () => hub.close());

  app.get('/api/v1/stream', {
    config: { permission: 'tickets.read' },
    schema: {
      tags: ['realtime'],
      summary: '实时更新（SSE）Live updates (server-sent events)',
      description: [
        'A `text/event-stream`. Events: `ready` {resync} first; `ticket` {ticketId, type, actorId, eventId} for each change to a ticket the caller may see;',
        '`presence` {ticketId} when the viewers of a visible ticket change; `notification` {type, eventId} when the caller\'s own notifications arrive or are read (never another user\'s); `: heartbeat` comments every 15 s.',
        'Reconnect with `Last-Event-ID` (EventSource does) or `?lastEventId=` to receive what was missed; `ready.resync = true` means it could not be replayed: reload.',
      ].join(' '),
      headers: z.object({ 'last-event-id': z.string().max(40).optional() }),
      querystring: z.object({ lastEventId: z.string().max(40).optional() }),
      produces: ['text/event-stream'],
    },
  }, async (request, reply) => {
    let actor = actorOf(request);
    const resumeFrom = request.headers['last-event-id'] ?? request.query.lastEventId;
    const after = resumeFrom === undefined ? undefined : /^\d{1,15}$/.test(resumeFrom.trim()) ? Number(resumeFrom) : -1;
    // The caller's own notification events ride the same stream, to this user's connections only.
    const own = { aggregateType: notificationInboxAggregate, viewerId: () => actor.id };
    const connection = new SseConnection(reply.raw, (ids) => filterVisibleTicketIds(database.db, actor, ids), request.log, sseOptions, own);
    const subscription = await hub.subscribe(connection, after);
    reply.hijack();
    open.add(connection);
    const reauthenticate = credentialsOf(request, database);
    const recheck = setInterval(() => {
      reauthenticate().then(
        (fresh) => (fresh && can(fresh, 'tickets.read') ? (actor = fresh) : connection.end()),
        (error: unknown) => request.log.warn({ err: error }, 'live stream: could not recheck credentials'),
      );
    }, recheckMs);
    recheck.unref();
    connection.onEnd(() => {
      clearInterval(recheck);
      subscription.unsubscribe();
      open.delete(connection);
    });
    // A resumed client keeps its own position; a new or resynchronised one gets ours.
    const resumed = after !== undefined && subscription.resumed;
    connection.open({ cursor: resumed ? undefined : subscription.cursor, resync: !subscription.resumed });
  });
}

/** Resolve the request's session cookie or bearer token again, as the authenticate hook did. */
function credentialsOf(request: FastifyRequest, database: Database): () => Promise<Actor | null> {
  const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
  if (bearer) return () => actorFromApiToken(database, bearer);
  const secret = request.cookies[sessionCookieName];
  return async () => (secret ? actorFromSession(database.db, secret) : null);
}
