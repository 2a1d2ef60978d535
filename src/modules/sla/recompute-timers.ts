import { and, asc, eq, gt, ne } from 'drizzle-orm';
import type { Clock } from '../../app/clock.js';
import { enqueueJob } from '../../jobs/queue.js';
import type { EventEnvelope, JobHandler } from '../../jobs/registry.js';
import { slaTicketTimers } from './schema.js';
import { syncTicketTimers } from './ticket-events.js';

/** Admin changes that move the due times of running timers. */
export const policyEventsForSla = ['sla_policy.updated', 'sla_policy.deleted', 'sla_calendar.updated'] as const;

const pageSize = 200;

/**
 * Job `sla.recompute`: after a policy or a calendar changed (targets, pause statuses, escalation,
 * working hours, holidays, the default switched), recount every unmet timer that used it, page by
 * page (the job queues its own next page), each ticket in its own transaction. Which policy a
 * ticket matches is decided again too. A policy created or reordered applies to a ticket at its
 * next change, as re-matching every open ticket at once is not what an admin editing the order
 * expects.
 */
export function handleRecompute(clock: Clock): JobHandler {
  return async (payload, { database }) => {
    const event = payload as unknown as EventEnvelope & { after?: string };
    const column = event.aggregateType === 'sla_calendar' ? slaTicketTimers.calendarId : slaTicketTimers.policyId;
    const conditions = [eq(column, event.aggregateId), ne(slaTicketTimers.state, 'met')];
    if (event.after) conditions.push(gt(slaTicketTimers.ticketId, event.after));
    const rows = await database.db
      .selectDistinct({ ticketId: slaTicketTimers.ticketId })
      .from(slaTicketTimers)
      .where(and(...conditions))
      .orderBy(asc(slaTicketTimers.ticketId))
      .limit(pageSize);
    const at = clock.now();
    for (const { ticketId } of rows) await syncTicketTimers(database, ticketId, at);
    if (rows.length === pageSize) {
      await database.transaction((tx) => enqueueJob(tx, { type: 'sla.recompute', payload: { ...event, after: rows.at(-1)!.ticketId } }));
    }
  };
}
