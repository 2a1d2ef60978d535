import { Conflict, NotFound } from '../../app/errors.js';
import type { WriteRules } from '../../app/write-rules.js';
import type { EventHandler } from '../../jobs/registry.js';
import { findTeamLead, type Actor } from '../auth/index.js';
import { getTicketSnapshot, updateTicket, type TicketChanges } from '../tickets/index.js';
import type { slaEscalated } from './events.js';

/**
 * Who changes a ticket when an escalation step reassigns it or raises its priority: the SLA
 * itself, through the tickets service like anyone else, so the change is versioned, on the
 * timeline and audited. A fixed id that belongs to no user (no one can sign in as it).
 */
export const slaSystemActor: Actor = { id: '00000000-0000-7000-8000-00000000051a', email: 'sla@system.invalid', name: 'SLA', role: 'admin', locale: 'zh-CN', teamIds: [] };

/**
 * Job `sla.escalation_actions`, following `sla.escalated`: the step's reassign and set_priority
 * actions (notifications are the event itself; a notification module delivers them). A ticket
 * changed meanwhile (412) retries with the new version; a closed ticket or a team without a lead
 * is skipped, as the timeline entry of the step already says what was due.
 */
export const escalationActionsHandler = (rules: WriteRules): EventHandler<typeof slaEscalated> => async (event, { database, log }) => {
  if (event.payload.part !== 'actions') return;
  const ticket = await getTicketSnapshot(database.db, event.aggregateId);
  if (!ticket || ticket.status === 'closed') return;
  const changes: TicketChanges = {};
  for (const action of event.payload.actions) {
    if (action.type === 'set_priority') changes.priority = action.priority;
    if (action.type === 'reassign') {
      const assigneeId = action.to === 'user' ? action.userId : ticket.teamId ? await findTeamLead(database.db, ticket.teamId) : null;
      if (assigneeId) changes.assigneeId = assigneeId;
      else log.warn({ ticketId: ticket.id, action }, 'escalation: nobody to reassign to (team without a lead)');
    }
  }
  if (Object.keys(changes).length === 0) return;
  try {
    await updateTicket(database, slaSystemActor, ticket.id, ticket.version, changes, { ...rules, cause: 'sla' });
  } catch (error) {
    if (error instanceof Conflict || error instanceof NotFound) return;
    throw error;
  }
};
