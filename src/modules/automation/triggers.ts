/**
 * What an event rule listens to. Each trigger is one kind of domain event (or one reading of it:
 * a message is a customer's reply, an agent's reply or a note). Time rules (定时规则, next round)
 * have no trigger: their rows say `kind: 'time'`.
 */
export const ruleTriggers = ['ticket.created', 'ticket.updated', 'customer.replied', 'agent.replied', 'note.added', 'sla.warning', 'sla.breached', 'survey.answered'] as const;
export type RuleTrigger = (typeof ruleTriggers)[number];

export const ruleKinds = ['event', 'time'] as const;
export type RuleKind = (typeof ruleKinds)[number];
