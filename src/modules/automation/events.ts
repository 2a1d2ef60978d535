import { z } from 'zod';
import { defineEvent } from '../../jobs/event-definition.js';

/** The automation module's domain events: admin changes to rules (the audit) and a rule chain stopped by the loop guard. */
const ruleFacts = { name: z.string(), version: z.number().int() };

export const ruleCreated = defineEvent({ name: 'rule.created', version: 1, aggregate: 'automation_rule', payload: { ...ruleFacts, position: z.number().int(), enabled: z.boolean() } });
export const ruleUpdated = defineEvent({
  name: 'rule.updated',
  version: 1,
  aggregate: 'automation_rule',
  payload: { ...ruleFacts, fields: z.array(z.string()), changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })) },
});
export const ruleDeleted = defineEvent({ name: 'rule.deleted', version: 1, aggregate: 'automation_rule', payload: { ...ruleFacts, position: z.number().int() } });
export const rulesReordered = defineEvent({ name: 'rules.reordered', version: 1, aggregate: 'automation_rule_order', payload: { from: z.array(z.string()), to: z.array(z.string()) } });

/**
 * The loop guard stopped a chain of rules on a ticket: the event (caused by rule `causeRuleId`)
 * would have fired `ruleIds` at a depth beyond the limit. The audit record says why nothing ran.
 */
export const ruleChainStopped = defineEvent({
  name: 'rule.chain_stopped',
  version: 1,
  aggregate: 'ticket',
  payload: { eventId: z.number().int(), eventType: z.string(), causeRuleId: z.string(), depth: z.number().int(), limit: z.number().int(), ruleIds: z.array(z.string()) },
});

/**
 * A time rule (定时规则) fell due on a ticket and its condition held: recorded in the transaction
 * that claims the firing, so the firing has an event (its actions' idempotency key) and the
 * timeline says which rule woke up and why.
 */
export const ruleTimeDue = defineEvent({
  name: 'rule.time_due',
  version: 1,
  aggregate: 'ticket',
  payload: { ruleId: z.string(), ruleName: z.string(), anchor: z.string(), anchorAt: z.string(), dueAt: z.string() },
});
