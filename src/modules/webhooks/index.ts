/** Public surface of the outbound webhooks module (Standard Webhooks: endpoints, signed deliveries, retries, log, replay). */
import type { AppModule } from '../../app/context.js';
import { webhookDueDeliveries } from './due-deliveries.js';
import { webhookEventTypes } from './event-catalogue.js';
import { webhookEndpointDisabled } from './events.js';
import { notifyAdminsOfDisabledEndpoint } from './notify-admins.js';
import { queueEventDeliveries } from './queue-deliveries.js';
import { registerWebhookRoutes } from './routes.js';
import { webhookSecretBox } from './secrets.js';
import { subscribedTypesOf } from './subscribed-types.js';

/** Its domain events: the endpoints' audit and `webhook.endpoint_disabled` (admin notifications follow it). */
export * from './events.js';
/** For a rule's "call a webhook" action: a signed, retried delivery queued in the caller's transaction. */
export { queueWebhookCall, type WebhookCall } from './queue-deliveries.js';
export { webhookEventTypes } from './event-catalogue.js';
/** For checking a rule's webhook action on save. */
export { enabledWebhookEndpointIds } from './enabled-endpoints.js';

export const webhooksModule: AppModule = {
  name: 'webhooks',
  registerJobs({ jobs, database, clock, config }) {
    jobs.subscribe(webhookEndpointDisabled, 'webhooks.notify_admins', notifyAdminsOfDisabledEndpoint(clock, config.OPENCSM_TIMEZONE));
    const subscribed = subscribedTypesOf(database.db);
    // One batch job for every deliverable event; the relay makes it only while an enabled endpoint listens to the type.
    jobs.subscribeEventBatch('webhooks.queue', webhookEventTypes.map((t) => t.reader(() => subscribed.wants(t.type))), queueEventDeliveries(clock));
    jobs.pollDueRows('webhooks.send', webhookDueDeliveries({ clock, config, box: webhookSecretBox(config) }));
  },
  registerRoutes(app, context) {
    registerWebhookRoutes(app, context);
  },
};
