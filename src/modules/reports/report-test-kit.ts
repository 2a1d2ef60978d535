import type { EventCause } from '../../jobs/event-definition.js';
import type { ReportEvent } from './fold-events.js';

/**
 * Hand-made events for reporting tests: each at its own time (the live path takes the time the
 * event was recorded, which a test cannot set), with increasing ids in the order they are made.
 */
export class EventScript {
  private next = 1_000_000;
  readonly events: ReportEvent[] = [];

  private push<E extends ReportEvent>(event: Omit<E, 'eventId' | 'version' | 'contactId'> & { contactId?: string | null }): void {
    this.events.push({ eventId: this.next++, version: 1, contactId: null, ...event } as E);
  }

  created(ticketId: string, at: string, p: { teamId: string | null; assigneeId: string | null; channel: string; priority?: string; type?: string; fields?: Record<string, string> }, cause: EventCause = 'agent'): void {
    this.push({ type: 'ticket.created', aggregateType: 'ticket', aggregateId: ticketId, cause, actorId: null, occurredAt: iso(at),
      payload: { number: '1', teamId: p.teamId, assigneeId: p.assigneeId, priority: p.priority ?? 'normal', channel: p.channel, ...(p.type && { type: p.type }), ...(p.fields && { fields: p.fields }) } });
  }

  agentReply(ticketId: string, at: string, agentId: string): void {
    this.push({ type: 'ticket.message_added', aggregateType: 'ticket', aggregateId: ticketId, cause: 'agent', actorId: agentId, occurredAt: iso(at),
      payload: { messageId: `m${this.next}`, internal: false, channel: 'email', deliver: true, authorUserId: agentId } });
  }

  customerMessage(ticketId: string, at: string): void {
    this.push({ type: 'ticket.message_added', aggregateType: 'ticket', aggregateId: ticketId, cause: 'customer', actorId: null, occurredAt: iso(at),
      payload: { messageId: `m${this.next}`, internal: false, channel: 'email', authorContactId: null } });
  }

  status(ticketId: string, at: string, from: string, to: string): void {
    this.push({ type: 'ticket.updated', aggregateType: 'ticket', aggregateId: ticketId, cause: 'agent', actorId: null, occurredAt: iso(at),
      payload: { fields: ['status'], changes: { status: { from, to } } } });
  }

  /** Any ticket change (a team move, a new assignee). */
  update(ticketId: string, at: string, changes: Record<string, { from: string | null; to: string | null }>): void {
    this.push({ type: 'ticket.updated', aggregateType: 'ticket', aggregateId: ticketId, cause: 'agent', actorId: null, occurredAt: iso(at),
      payload: { fields: Object.keys(changes), changes } });
  }

  breached(ticketId: string, at: string, p: { teamId: string | null; assigneeId: string | null }): void {
    this.push({ type: 'sla.breached', aggregateType: 'ticket', aggregateId: ticketId, cause: 'sla', actorId: null, occurredAt: iso(at),
      payload: { target: 'resolution', cycle: 1, timerId: `timer-${this.next}`, dueAt: iso(at), plannedAt: iso(at), event: 'breached', ...p } });
  }

  survey(kind: 'csat' | 'nps', ticketId: string, at: string, p: { teamId: string | null; handlerId: string | null; score?: number; channel?: string }): void {
    const facts = { kind, channel: p.channel ?? 'email', contactId: '00000000-0000-4000-8000-000000000001', ticketId, teamId: p.teamId, handlerId: p.handlerId, organizationId: null, tierKey: null, period: null };
    const surveyId = `survey-${kind}-${ticketId}`;
    this.push({ type: 'survey.delivered', aggregateType: 'survey', aggregateId: surveyId, cause: 'system', actorId: null, occurredAt: iso(at), payload: facts });
    if (p.score !== undefined) this.push({ type: 'survey.answered', aggregateType: 'survey', aggregateId: surveyId, cause: 'customer', actorId: null, occurredAt: iso(at), payload: { ...facts, score: p.score, low: p.score <= 2 } });
  }
}

const iso = (at: string) => new Date(at).toISOString();
