import { z } from 'zod';
import type { AppContext, AppServer } from '../../app/context.js';
import { ifMatchVersion } from '../../app/http/if-match.js';
import { actorOf } from '../../app/http/request-context.js';
import { listDeliveries, getDelivery, replayDelivery, sendTestEvent } from './deliveries.js';
import { getEndpoint, listEndpoints, presentEndpoint } from './endpoints.js';
import { webhookEventTypes } from './event-catalogue.js';
import {
  createEndpointBody, deliveriesQuery, deliveryDetailSchema, deliveryParams, deliverySchema, endpointParams, endpointSchema, endpointWithSecretSchema,
  eventTypeSchema, ifMatchHeaders, rotateSecretBody, updateEndpointBody,
} from './http-schemas.js';
import { createEndpoint, deleteEndpoint, rotateEndpointSecret, updateEndpoint, type EndpointDeps } from './manage-endpoints.js';
import { webhookSecretBox } from './secrets.js';

const tags = ['webhooks'];
const permission = 'webhooks.manage' as const;
const versionFrom = (header: string | undefined) => ifMatchVersion(header, 'webhook.if_match_required');

/** 设置 › Webhook: endpoints, their secrets, the event catalogue, the delivery log, replay and test. */
export function registerWebhookRoutes(app: AppServer, context: AppContext): void {
  const { database, config, clock } = context;
  const box = webhookSecretBox(config);
  const deps = (): EndpointDeps => ({ database, config, box, now: clock.now() });
  const sender = { database, config, box, clock };
  const present = (row: Parameters<typeof presentEndpoint>[0]) => presentEndpoint(row, clock.now());

  app.get('/api/v1/webhooks', {
    config: { permission },
    schema: { tags, summary: 'Webhook 列表 Webhook endpoints', response: { 200: z.object({ items: z.array(endpointSchema) }) } },
  }, async () => ({ items: (await listEndpoints(database.db)).map(present) }));

  app.get('/api/v1/webhooks/event-types', {
    config: { permission },
    schema: { tags, summary: '可订阅的事件 Event types an endpoint may subscribe to', response: { 200: z.object({ items: z.array(eventTypeSchema) }) } },
  }, async () => ({ items: webhookEventTypes.map(({ type, labels, fields }) => ({ type, labels, fields: [...fields] })) }));

  app.post('/api/v1/webhooks', {
    config: { permission },
    schema: {
      tags, summary: '添加 Webhook Create an endpoint',
      description: 'The answer carries the signing secret (whsec_…) this once. The URL is checked against the outbound guard (400 at `url`).',
      body: createEndpointBody, response: { 201: endpointWithSecretSchema },
    },
  }, async (request, reply) => {
    const { row, secret } = await createEndpoint(deps(), actorOf(request), request.body);
    return reply.status(201).header('ETag', `"${row.version}"`).send({ endpoint: present(row), secret });
  });

  app.get('/api/v1/webhooks/:id', {
    config: { permission },
    schema: { tags, summary: 'Webhook 详情 An endpoint', params: endpointParams, response: { 200: endpointSchema } },
  }, async (request, reply) => {
    const row = await getEndpoint(database.db, request.params.id);
    return reply.header('ETag', `"${row.version}"`).send(present(row));
  });

  app.patch('/api/v1/webhooks/:id', {
    config: { permission },
    schema: { tags, summary: '修改 Webhook Update an endpoint', description: 'Requires `If-Match: "<version>"` (428 without, 412 when stale).', params: endpointParams, headers: ifMatchHeaders, body: updateEndpointBody, response: { 200: endpointSchema } },
  }, async (request, reply) => {
    const row = await updateEndpoint(deps(), actorOf(request), request.params.id, versionFrom(request.headers['if-match']), request.body);
    return reply.header('ETag', `"${row.version}"`).send(present(row));
  });

  app.delete('/api/v1/webhooks/:id', {
    config: { permission },
    schema: { tags, summary: '删除 Webhook Delete an endpoint and its delivery log', params: endpointParams, headers: ifMatchHeaders, response: { 204: z.null() } },
  }, async (request, reply) => {
    await deleteEndpoint(database, actorOf(request), request.params.id, versionFrom(request.headers['if-match']));
    return reply.status(204).send(null);
  });

  app.post('/api/v1/webhooks/:id/rotate-secret', {
    config: { permission },
    schema: { tags, summary: '轮换密钥 Rotate the signing secret', description: 'The new secret is answered this once; the previous one keeps signing beside it for `previousValidHours`.', params: endpointParams, body: rotateSecretBody, response: { 200: endpointWithSecretSchema } },
  }, async (request) => {
    const { row, secret } = await rotateEndpointSecret(deps(), actorOf(request), request.params.id, request.body.previousValidHours);
    return { endpoint: present(row), secret };
  });

  app.post('/api/v1/webhooks/:id/test', {
    config: { permission },
    schema: { tags, summary: '发送测试事件 Send a test event', description: 'One `webhook.test` delivery, attempted now (no retries); answered with its attempt.', params: endpointParams, response: { 200: deliveryDetailSchema } },
  }, async (request) => sendTestEvent(sender, request.params.id));

  app.get('/api/v1/webhooks/:id/deliveries', {
    config: { permission },
    schema: { tags, summary: '投递记录 Delivery log', description: 'Newest first; `nextCursor` pages on.', params: endpointParams, querystring: deliveriesQuery, response: { 200: z.object({ items: z.array(deliverySchema), nextCursor: z.string().nullable() }) } },
  }, async (request) => listDeliveries(database.db, request.params.id, request.query));

  app.get('/api/v1/webhooks/:id/deliveries/:deliveryId', {
    config: { permission },
    schema: { tags, summary: '投递详情 A delivery with its attempts', params: deliveryParams, response: { 200: deliveryDetailSchema } },
  }, async (request) => getDelivery(database.db, request.params.id, request.params.deliveryId));

  app.post('/api/v1/webhooks/:id/deliveries/:deliveryId/replay', {
    config: { permission },
    schema: { tags, summary: '重新投递 Replay a delivery', description: 'A new attempt now, under the same webhook-id.', params: deliveryParams, response: { 200: deliveryDetailSchema } },
  }, async (request) => replayDelivery(sender, actorOf(request), request.params.id, request.params.deliveryId));
}
