import { sql } from 'drizzle-orm';
import type { Clock } from '../../app/clock.js';
import type { WriteRules } from '../../app/write-rules.js';
import { queryRows } from '../../db/database.js';
import type { DueRowSource } from '../../jobs/registry.js';
import { getTicketSnapshot } from '../tickets/index.js';
import { decide } from './decide.js';
import { assignmentReplyWatch } from './schema.js';
import { TeamPlans } from './team-plans.js';
import { urgencyOf } from './urgency.js';

/**
 * Due rows: tickets whose assignee sent no public reply within the team's business minutes
 * (`assignment_reply_watch`, written with the assignment, removed by their reply). Each is taken
 * under SKIP LOCKED and handed to someone else of the team who is available; when nobody is, the
 * assignee keeps it (a ticket is never left with nobody because its agent was slow).
 */
export const reassignSilentSource = (clock: Clock, rules: WriteRules): DueRowSource => async ({ database }) => {
  const now = clock.now();
  const [first] = await queryRows<{ ticket_id: string }>(database.db, sql`select ticket_id from ${assignmentReplyWatch} where due_at <= ${now.toISOString()}::timestamptz limit 1`);
  if (!first) return 0;
  const plans = await TeamPlans.load(database.db);
  const urgency = await urgencyOf(database);
  let handled = 0;
  for (let i = 0; i < 20; i += 1) {
    const done = await database.transaction(async (tx) => {
      const [due] = await queryRows<{ ticket_id: string; assignee_id: string; team_id: string }>(tx, sql`
        delete from ${assignmentReplyWatch} where ticket_id = (
          select ticket_id from ${assignmentReplyWatch} where due_at <= ${now.toISOString()}::timestamptz order by due_at limit 1 for update skip locked)
        returning ticket_id, assignee_id, team_id`);
      if (!due) return false;
      const ticket = await getTicketSnapshot(tx, due.ticket_id);
      const plan = plans.assigning(due.team_id);
      if (!ticket || !plan || ticket.assigneeId !== due.assignee_id || ticket.teamId !== due.team_id || ticket.status === 'resolved' || ticket.status === 'closed') return true;
      await decide(tx, database, rules, { ticket, plan, reason: 'reassign', now, urgency: urgency(ticket.priority), exclude: [due.assignee_id], stayIfNobody: true });
      return true;
    });
    if (!done) break;
    handled += 1;
  }
  return handled;
};
