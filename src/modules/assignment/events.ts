import { z } from 'zod';
import { defineEvent } from '../../jobs/event-definition.js';

/** The assignment module's domain events: agents' status and profiles, teams' settings, the queue. */
const status = z.enum(['online', 'busy', 'away', 'offline']);
const changes = z.record(z.string(), z.unknown());

/**
 * An agent's status changed: set by the agent (`self`), or by the system when the console went
 * quiet (`idle` → away, `gone` → offline).
 */
export const agentStatusChanged = defineEvent({
  name: 'agent.status_changed',
  version: 1,
  aggregate: 'user',
  payload: { from: status, to: status, reason: z.enum(['self', 'idle', 'gone']) },
});

/** A supervisor paused an agent (no new work until resumed) or resumed them. */
export const agentPaused = defineEvent({ name: 'agent.paused', version: 1, aggregate: 'user', payload: {} });
export const agentResumed = defineEvent({ name: 'agent.resumed', version: 1, aggregate: 'user', payload: {} });

/** Capacity, weight, skills, weekly shifts or a shift exception of an agent changed. */
export const agentAssignmentProfileChanged = defineEvent({ name: 'agent.assignment_profile_changed', version: 1, aggregate: 'user', payload: { changes } });

/** A team's assignment settings (strategy, skill fields, reassignment, calendar) changed. */
export const teamAssignmentChanged = defineEvent({ name: 'team.assignment_changed', version: 1, aggregate: 'team', payload: { changes } });

/** Nobody of the team could take the ticket: it waits in the team's queue. */
export const ticketQueued = defineEvent({
  name: 'ticket.assignment_queued',
  version: 1,
  aggregate: 'ticket',
  payload: { teamId: z.string(), reason: z.enum(['new', 'reopened', 'reassign', 'unassigned']) },
});
