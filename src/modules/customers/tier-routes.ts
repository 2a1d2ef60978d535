import { z } from 'zod';
import type { AppContext, AppServer } from '../../app/context.js';
import { actorOf } from '../../app/http/request-context.js';
import { tierBody, tierKeySchema, tierSchema } from './http-schemas.js';
import { createTier, deleteTier, listTiers, updateTier } from './tiers.js';

const tags = ['customer tiers'];
const keyParams = z.object({ key: tierKeySchema });

/** Customer tiers (VIP / 重点 / 普通): everyone reads them, admins configure them. */
export function registerTierRoutes(app: AppServer, { database }: AppContext): void {
  app.get('/api/v1/customer-tiers', {
    config: { permission: 'customers.read' },
    schema: { tags, summary: '客户等级 Customer tiers (most important first)', response: { 200: z.object({ items: z.array(tierSchema) }) } },
  }, async () => ({ items: await listTiers(database.db) }));

  app.post('/api/v1/customer-tiers', {
    config: { permission: 'admin.customer_tiers' },
    schema: { tags, summary: '创建客户等级 Create a tier', body: tierBody.extend({ key: tierKeySchema }), response: { 201: tierSchema } },
  }, async (request, reply) => reply.status(201).send(await createTier(database, actorOf(request), request.body)));

  app.patch('/api/v1/customer-tiers/:key', {
    config: { permission: 'admin.customer_tiers' },
    schema: { tags, summary: '修改客户等级 Update a tier', params: keyParams, body: tierBody.partial(), response: { 200: tierSchema } },
  }, async (request) => updateTier(database, actorOf(request), request.params.key, request.body));

  app.delete('/api/v1/customer-tiers/:key', {
    config: { permission: 'admin.customer_tiers' },
    schema: { tags, summary: '删除客户等级 Delete an unused tier', params: keyParams, response: { 204: z.null() } },
  }, async (request, reply) => {
    await deleteTier(database, actorOf(request), request.params.key);
    return reply.status(204).send(null);
  });
}
