import { z } from 'zod';
import type { AppContext, AppServer } from '../../app/context.js';
import { actorOf } from '../../app/http/request-context.js';
import { leavePresence, listViewers, renewPresence, viewerTtlSeconds } from './presence.js';

const tags = ['tickets'];
const ticketParams = z.object({ id: z.string().min(1).max(64) });
/** Chosen by the browser tab (e.g. crypto.randomUUID()), so two tabs of one user are two viewers. */
const tabParams = ticketParams.extend({ tabId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) });
const viewersSchema = z.object({
  viewers: z.array(z.object({ userId: z.uuid(), name: z.string(), composing: z.boolean() })),
});

/** Who else has a ticket open (live presence). Changes reach GET /api/v1/stream as `event: presence`. */
export function registerPresenceRoutes(app: AppServer, { database }: AppContext): void {
  app.put('/api/v1/tickets/:id/viewers/:tabId', {
    config: { permission: 'tickets.read' },
    schema: {
      tags, summary: '正在查看（心跳）Heartbeat: I am viewing this ticket',
      description: `Call every ~10 s while the ticket is open; presence lapses ${viewerTtlSeconds} s after the last call. \`composing\`: the user is typing a reply (omitted = unchanged). Returns the *other* users viewing it.`,
      params: tabParams,
      body: z.strictObject({ composing: z.boolean().optional() }).optional(),
      response: { 200: viewersSchema },
    },
  }, async (request) => ({
    viewers: await renewPresence(database, actorOf(request), request.params.id, request.params.tabId, request.body?.composing),
  }));

  app.delete('/api/v1/tickets/:id/viewers/:tabId', {
    config: { permission: 'tickets.read' },
    schema: { tags, summary: '离开工单 Stop viewing this ticket', params: tabParams, response: { 204: z.null() } },
  }, async (request, reply) => {
    await leavePresence(database, actorOf(request), request.params.id, request.params.tabId);
    return reply.status(204).send(null);
  });

  app.get('/api/v1/tickets/:id/viewers', {
    config: { permission: 'tickets.read' },
    schema: { tags, summary: '谁在查看此工单 Who else is viewing this ticket', params: ticketParams, response: { 200: viewersSchema } },
  }, async (request) => ({ viewers: await listViewers(database, actorOf(request), request.params.id) }));
}
