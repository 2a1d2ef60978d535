import { z } from 'zod';
import type { Clock } from '../../app/clock.js';
import type { WriteRules } from '../../app/write-rules.js';
import type { JobHandler } from '../../jobs/registry.js';
import { listTickets } from '../tickets/index.js';
import { assignmentSystemActor } from './system-actors.js';
import { followTicket } from './ticket-events.js';
import { TeamPlans } from './team-plans.js';
import { urgencyOf } from './urgency.js';

/**
 * Job: a team's strategy was turned on; its open tickets without an assignee are decided (or
 * queued) like new ones, so the switch does not leave the tickets already waiting behind. Enqueued
 * with the settings change; pages through the tickets service's own list, oldest decisions first
 * within a page, one transaction per ticket.
 */
export const sweepTeamJob = 'assignment.sweep_team';
const payloadSchema = z.object({ teamId: z.uuid() });
const pageSize = 100;

export const sweepTeamHandler = (clock: Clock, rules: WriteRules): JobHandler => async (payload, { database }) => {
  const { teamId } = payloadSchema.parse(payload);
  const plans = await TeamPlans.load(database.db);
  if (!plans.assigning(teamId)) return;
  const urgency = await urgencyOf(database);
  let cursor: string | undefined;
  do {
    const page = await listTickets(database.db, assignmentSystemActor, { teamId, assigneeId: 'none', status: ['new', 'open', 'pending'], sort: 'createdAt', limit: pageSize, ...(cursor && { cursor }) });
    for (const ticket of page.items) {
      await database.transaction((tx) => followTicket(tx, database, rules, { ticketId: ticket.id, reason: 'new', plans, urgency, now: clock.now() }));
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
};
