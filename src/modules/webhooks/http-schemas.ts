import { z } from 'zod';
import { deliveryStatuses } from './deliveries.js';

/** The webhook API's shapes (OpenAPI components), kept apart from the routes. */
export const endpointParams = z.object({ id: z.uuid() });
export const deliveryParams = z.object({ id: z.uuid(), deliveryId: z.uuid() });
export const ifMatchHeaders = z.object({ 'if-match': z.string().optional() });

const headersInput = z.record(z.string(), z.string().max(2000)).refine((h) => Object.keys(h).length <= 20, { message: 'at most 20 headers' });

export const createEndpointBody = z.strictObject({
  url: z.string().trim().min(1).max(2000).describe('https://…, or http:// to a host on the outbound allowlist'),
  description: z.string().trim().max(500).optional(),
  eventTypes: z.array(z.string()).min(1).max(50).describe('From GET /api/v1/webhooks/event-types'),
  enabled: z.boolean().optional(),
  headers: headersInput.optional().describe('Sent with every delivery; stored encrypted, answered by name only'),
});

export const updateEndpointBody = z.strictObject({
  url: createEndpointBody.shape.url.optional(),
  description: z.string().trim().max(500).optional(),
  eventTypes: createEndpointBody.shape.eventTypes.optional(),
  enabled: z.boolean().optional(),
  headers: headersInput.optional().describe('Replaces every custom header ({} removes them)'),
});

export const rotateSecretBody = z.strictObject({
  previousValidHours: z.number().int().min(0).max(72).default(24).describe('How long the current secret keeps signing beside the new one'),
});

export const endpointSchema = z
  .object({
    id: z.string(),
    url: z.string(),
    description: z.string(),
    eventTypes: z.array(z.string()),
    enabled: z.boolean(),
    disabledReason: z.enum(['admin', 'gone', 'failing']).nullable().describe('gone: answered 410; failing: every attempt failed for 3 days'),
    disabledAt: z.date().nullable(),
    headerNames: z.array(z.string()),
    secrets: z.array(z.object({ id: z.string(), createdAt: z.string(), expiresAt: z.string().nullable() })).describe('Active secrets, newest first (values are never answered)'),
    failingSince: z.date().nullable(),
    version: z.number().int(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'WebhookEndpoint' });

export const endpointWithSecretSchema = z.object({ endpoint: endpointSchema, secret: z.string().describe('whsec_…: shown this once') }).meta({ id: 'WebhookEndpointWithSecret' });

export const eventTypeSchema = z.object({ type: z.string(), labels: z.object({ 'zh-CN': z.string(), en: z.string() }), fields: z.array(z.string()) }).meta({ id: 'WebhookEventType' });

export const deliverySchema = z
  .object({
    id: z.string(),
    messageId: z.string().describe('The webhook-id header: the same for every attempt and replay'),
    eventType: z.string(),
    eventId: z.number().int().nullable(),
    cause: z.string(),
    status: z.enum(deliveryStatuses),
    attempts: z.number().int(),
    nextAttemptAt: z.date().nullable(),
    lastAttemptAt: z.date().nullable(),
    lastResponseStatus: z.number().int().nullable(),
    lastError: z.string().nullable(),
    deliveredAt: z.date().nullable(),
    createdAt: z.date(),
  })
  .meta({ id: 'WebhookDelivery' });

export const attemptSchema = z
  .object({
    number: z.number().int(),
    manual: z.boolean(),
    startedAt: z.date(),
    durationMs: z.number().int(),
    requestHeaders: z.record(z.string(), z.string()),
    responseStatus: z.number().int().nullable(),
    responseBody: z.string().nullable().describe('The first 2 KB'),
    error: z.string().nullable(),
    succeeded: z.boolean(),
  })
  .meta({ id: 'WebhookAttempt' });

export const deliveryDetailSchema = deliverySchema.extend({ body: z.string(), attemptLog: z.array(attemptSchema) }).meta({ id: 'WebhookDeliveryDetail' });

export const deliveriesQuery = z.object({
  status: z.enum(deliveryStatuses).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
