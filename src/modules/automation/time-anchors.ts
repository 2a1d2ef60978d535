import type { TicketSnapshot } from '../tickets/index.js';
import { triggerOf, type RuleEvent } from './rule-events.js';
import type { TimeAnchor, TimeTrigger } from './time-trigger.js';

/** Which anchors a ticket event may move (the relay's `when`: an event moving none makes no job). */
export function anchorsMovedBy(event: RuleEvent): TimeAnchor[] {
  switch (event.type) {
    case 'ticket.created':
      return ['created', 'unassigned', 'status'];
    case 'ticket.updated': {
      const fields = event.payload.fields;
      const moved: TimeAnchor[] = [];
      if (fields.includes('status')) moved.push('status', 'created', 'unassigned', 'customer_replied', 'agent_replied');
      else if (fields.includes('assigneeId')) moved.push('unassigned');
      return moved;
    }
    case 'ticket.message_added': {
      const trigger = triggerOf(event);
      return trigger === 'customer.replied' ? ['customer_replied'] : trigger === 'agent.replied' ? ['agent_replied'] : [];
    }
    default:
      return [];
  }
}

/**
 * What `event` does to a time rule's anchor on its ticket: a new anchor (`at`), `null` (the anchor
 * no longer holds: its rows go), or `undefined` (no change). Closing a ticket clears every anchor.
 * A ticket's creation sets the `status` anchor when it was created in that status (the snapshot
 * still at version 1 says it was).
 */
export function anchorMove(trigger: TimeTrigger, event: RuleEvent, at: Date, snapshot: TicketSnapshot | undefined): Date | null | undefined {
  if (event.type === 'ticket.updated') {
    const status = event.payload.changes?.status?.to;
    if (event.payload.fields.includes('status') && status === 'closed') return null;
    if (trigger.anchor === 'status' && event.payload.fields.includes('status')) return status === trigger.status ? at : null;
    if (trigger.anchor === 'unassigned' && event.payload.fields.includes('assigneeId')) return event.payload.changes?.assigneeId?.to == null ? at : null;
    return undefined;
  }
  if (event.type === 'ticket.created') {
    if (trigger.anchor === 'created') return at;
    if (trigger.anchor === 'unassigned') return event.payload.assigneeId === null ? at : undefined;
    if (trigger.anchor === 'status') return snapshot?.version === 1 && snapshot.status === trigger.status ? at : undefined;
    return undefined;
  }
  if (event.type === 'ticket.message_added') {
    const reply = triggerOf(event);
    if (trigger.anchor === 'customer_replied' && reply === 'customer.replied') return at;
    if (trigger.anchor === 'agent_replied' && reply === 'agent.replied') return at;
  }
  return undefined;
}

/** Whether a time rule's anchor still holds on the ticket as it is now (judged again when due). */
export function anchorHolds(trigger: TimeTrigger, ticket: TicketSnapshot): boolean {
  if (ticket.status === 'closed') return false;
  if (trigger.anchor === 'status') return ticket.status === trigger.status;
  if (trigger.anchor === 'unassigned') return ticket.assigneeId === null;
  return true;
}
