import { z } from 'zod';
import type { AppContext, AppServer } from '../../app/context.js';

const actorNameSchema = z
  .object({
    id: z.uuid(),
    kind: z.string().describe('`assignment`, `assignment:<strategy>`, `sla`, `automation` or `rule:<id>`.'),
    labels: z.object({ 'zh-CN': z.string(), en: z.string() }),
  })
  .meta({ id: 'SystemActorName' });

/** Comma-separated ids, at most 100, each a UUID: a bad one is a 400 naming `ids`. */
const idList = z
  .string()
  .max(4000)
  .transform((value) => [...new Set(value.split(',').map((id) => id.trim()).filter(Boolean))])
  .pipe(z.array(z.uuid()).min(1).max(100));

/**
 * The names of the actors no user is — 自动分配（轮询）, SLA 升级, 规则「VIP 升级」 — for the ticket
 * timeline, whose entries carry only an actor id (a system actor has no user name). One registry
 * (AppContext.systemActors) the modules that act fill; readable by every ticket reader.
 */
export function registerActorNameRoutes(app: AppServer, { database, systemActors }: AppContext): void {
  app.get('/api/v1/actor-names', {
    config: { permission: 'tickets.read' },
    schema: {
      tags: ['tickets'],
      summary: '系统操作者名称 Names of system actors',
      description: 'What the ticket timeline names an entry by when no person acted: each id\'s kind and its name in zh-CN and en ("自动分配（轮询）", "SLA 升级", "规则「VIP 升级」"). Ids that are no system actor (users, deleted rules) are left out.',
      querystring: z.object({ ids: idList }),
      response: { 200: z.object({ items: z.array(actorNameSchema) }) },
    },
  }, async (request) => ({ items: await systemActors.names(database.db, request.query.ids) }));
}
