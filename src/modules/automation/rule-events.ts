import type { EnvelopeOf } from '../../jobs/event-definition.js';
import type { slaBreached, slaWarning } from '../sla/index.js';
import type { surveyAnswered } from '../surveys/index.js';
import type { TicketEventEnvelope } from '../tickets/index.js';
import type { RuleTrigger } from './triggers.js';

/** Every event rules follow, as the batch handler receives them. */
export type RuleEvent = TicketEventEnvelope | EnvelopeOf<typeof slaWarning> | EnvelopeOf<typeof slaBreached> | EnvelopeOf<typeof surveyAnswered>;

/** Which trigger an event is: a message is a note, a customer's reply or an agent's reply. */
export function triggerOf(event: RuleEvent): RuleTrigger | null {
  switch (event.type) {
    case 'ticket.created':
    case 'ticket.updated':
    case 'sla.warning':
    case 'survey.answered':
      return event.type;
    case 'sla.breached':
      return 'sla.breached';
    case 'ticket.message_added':
      if (event.payload.internal) return 'note.added';
      if (typeof event.payload.authorContactId === 'string' || event.cause === 'customer') return 'customer.replied';
      return event.payload.authorUserId || event.actorId ? 'agent.replied' : null;
  }
}

/** The ticket an event is about (a survey of no ticket — NPS — is about none). */
export function ticketIdOf(event: RuleEvent): string | null {
  return event.type === 'survey.answered' ? event.payload.ticketId : event.aggregateId;
}

/** The rule that caused an event (`rule:<id>`), if one did. */
export function causingRuleId(event: Pick<RuleEvent, 'cause'>): string | null {
  return event.cause.startsWith('rule:') ? event.cause.slice('rule:'.length) : null;
}

/** A changed field of `ticket.updated` as conditions name it (`teamId` → `team`). */
const conditionKeyOfChange: Record<string, string> = { categoryId: 'category', teamId: 'team', assigneeId: 'assignee', requesterId: 'requester' };
export const conditionKeyOf = (field: string) => conditionKeyOfChange[field] ?? field;

/**
 * The values a `ticket.updated` changed, before and after, under the conditions' keys: judged with
 * these over the ticket's current values, so `changed_to` means this change, not a later one.
 */
export function changesOf(event: RuleEvent): { before: Record<string, unknown>; after: Record<string, unknown> } | null {
  if (event.type !== 'ticket.updated' || !event.payload.changes) return null;
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const [field, change] of Object.entries(event.payload.changes)) {
    before[conditionKeyOf(field)] = change.from;
    after[conditionKeyOf(field)] = change.to;
  }
  return { before, after };
}
