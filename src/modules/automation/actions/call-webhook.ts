import { z } from 'zod';
import { queueWebhookCall } from '../../webhooks/index.js';
import { getVisibleTicket } from '../../tickets/index.js';
import type { ActionSpec } from './action-spec.js';

const schema = z.object({
  type: z.literal('webhook'),
  endpointId: z.uuid(),
  /** What the receiver sees as `type` (e.g. `rule.vip_escalated`). */
  eventType: z.string().regex(/^[a-z0-9_.:-]{1,100}$/i),
});

/**
 * 调用 Webhook: one signed delivery to one endpoint (retries and log as any delivery), queued in
 * its own transaction with cause `rule:<id>`. The payload is thin: the ticket's facts, the fields
 * the firing event changed, the rule (null when a process calls it) and the cause. An endpoint deleted since the rule was saved fails the
 * action (`webhook.not_found` in the firing log); a disabled one holds the delivery until enabled.
 */
export const callWebhookAction: ActionSpec<typeof schema> = {
  type: 'webhook',
  schema,
  check: (action, refs, path) => (refs.webhooks.has(action.endpointId.toLowerCase()) ? [] : [{ path: `${path}.endpointId`, code: 'automation.action.unknown_webhook' }]),
  async run(action, context) {
    const ticket = await getVisibleTicket(context.database.db, context.actor, context.ticketId);
    const payload = {
      ruleId: context.ruleId,
      cause: context.cause,
      ticket: { id: ticket.id, number: ticket.number, status: ticket.status, priority: ticket.priority, teamId: ticket.teamId, assigneeId: ticket.assigneeId, typeId: ticket.typeId },
      trigger: context.trigger?.type ?? null,
      changedFields: context.trigger?.changedFields ?? [],
    };
    const deliveryId = await context.database.transaction((tx) => queueWebhookCall(tx, { endpointId: action.endpointId, eventType: action.eventType, payload, cause: context.cause }));
    return { deliveryId };
  },
};
