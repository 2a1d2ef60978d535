import type { RuleTriggerFacts } from './action-context.js';

/** The facts of the firing event the actions use (who caused it, which fields a ticket update changed). */
export function triggerFacts(event: { type: string; actorId: string | null; payload: unknown }): RuleTriggerFacts {
  const payload = event.payload as { fields?: unknown } | null;
  const changedFields = event.type === 'ticket.updated' && Array.isArray(payload?.fields) ? payload.fields.filter((field): field is string => typeof field === 'string') : [];
  return { type: event.type, actorId: event.actorId, changedFields };
}
