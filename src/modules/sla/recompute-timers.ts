import { and, asc, eq, gt, ne } from 'drizzle-orm';
import { z } from 'zod';
import type { Clock } from '../../app/clock.js';
import type { Database } from '../../db/database.js';
import { enqueueJob } from '../../jobs/queue.js';
import type { JobContext, JobHandler } from '../../jobs/registry.js';
import { slaTicketTimers } from './schema.js';
import { syncTicketTimers } from './ticket-events.js';
import type { ConditionTypes } from '../../forms/field-kinds.js';


/** Job `sla.recompute_page`: the next page of a recount, after the ticket id the last page ended at. */
export const recomputePageJob = 'sla.recompute_page';
const recomputePage = z.object({ aggregateType: z.enum(['sla_policy', 'sla_calendar']), aggregateId: z.string(), after: z.string() });

const pageSize = 200;

/**
 * Job `sla.recompute`: after a policy or a calendar changed (targets, pause statuses, escalation,
 * working hours, holidays, the default switched), recount every unmet timer that used it, page by
 * page (the job queues its own next page as `sla.recompute_page`), each ticket in its own
 * transaction. Which policy a ticket matches is decided again too. A policy created or reordered
 * applies to a ticket at its next change, as re-matching every open ticket at once is not what an
 * admin editing the order expects.
 */
export function handleRecompute(clock: Clock, types: ConditionTypes): (event: { aggregateType: string; aggregateId: string }, context: JobContext) => Promise<void> {
  return async (event, { database }) => recount(database, clock, types, event.aggregateType === 'sla_calendar' ? 'sla_calendar' : 'sla_policy', event.aggregateId, undefined);
}

export function handleRecomputePage(clock: Clock, types: ConditionTypes): JobHandler {
  return async (payload, { database }) => {
    const page = recomputePage.parse(payload);
    await recount(database, clock, types, page.aggregateType, page.aggregateId, page.after);
  };
}

async function recount(database: Database, clock: Clock, types: ConditionTypes, aggregateType: 'sla_policy' | 'sla_calendar', aggregateId: string, after: string | undefined): Promise<void> {
  const column = aggregateType === 'sla_calendar' ? slaTicketTimers.calendarId : slaTicketTimers.policyId;
  const conditions = [eq(column, aggregateId), ne(slaTicketTimers.state, 'met')];
  if (after) conditions.push(gt(slaTicketTimers.ticketId, after));
  const rows = await database.db
    .selectDistinct({ ticketId: slaTicketTimers.ticketId })
    .from(slaTicketTimers)
    .where(and(...conditions))
    .orderBy(asc(slaTicketTimers.ticketId))
    .limit(pageSize);
  const at = clock.now();
  for (const { ticketId } of rows) await syncTicketTimers(database, types, ticketId, at);
  if (rows.length === pageSize) {
    const next: z.input<typeof recomputePage> = { aggregateType, aggregateId, after: rows.at(-1)!.ticketId };
    await database.transaction((tx) => enqueueJob(tx, { type: recomputePageJob, payload: next }));
  }
}
