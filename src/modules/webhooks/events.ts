import { z } from 'zod';
import { defineEvent } from '../../jobs/event-definition.js';

/** The webhooks module's domain events: the audit of endpoint changes, and an endpoint the sender gave up on. */
const endpointFacts = { url: z.string(), eventTypes: z.array(z.string()) };

export const webhookEndpointCreated = defineEvent({ name: 'webhook.endpoint_created', version: 1, aggregate: 'webhook_endpoint', payload: { ...endpointFacts, headerNames: z.array(z.string()) } });
/** `fields`: what changed (header values and secrets are named, never repeated). */
export const webhookEndpointUpdated = defineEvent({ name: 'webhook.endpoint_updated', version: 1, aggregate: 'webhook_endpoint', payload: { ...endpointFacts, fields: z.array(z.string()), enabled: z.boolean() } });
export const webhookSecretRotated = defineEvent({ name: 'webhook.secret_rotated', version: 1, aggregate: 'webhook_endpoint', payload: { secretId: z.string(), previousExpiresAt: z.string().nullable() } });
export const webhookEndpointDeleted = defineEvent({ name: 'webhook.endpoint_deleted', version: 1, aggregate: 'webhook_endpoint', payload: endpointFacts });

/**
 * The sender disabled an endpoint on its own: `gone` (it answered 410) or `failing` (every
 * automatic attempt failed for three days). Admin notifications follow this event.
 */
export const webhookEndpointDisabled = defineEvent({
  name: 'webhook.endpoint_disabled',
  version: 1,
  aggregate: 'webhook_endpoint',
  payload: { url: z.string(), reason: z.enum(['gone', 'failing']), deliveryId: z.string(), failingSince: z.string().nullable() },
});
/** An admin sent a delivery again (a new attempt under the same webhook-id). */
export const webhookDeliveryReplayed = defineEvent({ name: 'webhook.delivery_replayed', version: 1, aggregate: 'webhook_endpoint', payload: { deliveryId: z.string(), succeeded: z.boolean() } });
