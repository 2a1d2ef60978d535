import { and, eq, inArray, ne } from 'drizzle-orm';
import type { Clock } from '../../app/clock.js';
import type { WriteRules } from '../../app/write-rules.js';
import { databaseInside, type Database, type Tx } from '../../db/database.js';
import type { EnvelopeOf } from '../../jobs/event-definition.js';
import { enqueueJobs } from '../../jobs/queue.js';
import { getTicketSnapshot, updateTicket, type ticketCreated, type ticketMessageAdded, type ticketUpdated } from '../tickets/index.js';
import { isAvailable } from './availability.js';
import { decide, type QueueReason } from './decide.js';
import { assignmentActorOf, isAssignmentActor } from './system-actors.js';
import { handoutJob } from './handout.js';
import { chatChannelOf } from './chat-counters.js';
import { moveLoad } from './loads.js';
import { assignmentQueue, assignmentReplyWatch } from './schema.js';
import type { StrategyFacts } from './strategy-facts.js';
import { TeamPlans } from './team-plans.js';
import { urgencyOf } from './urgency.js';

type TicketEvent = EnvelopeOf<typeof ticketCreated> | EnvelopeOf<typeof ticketUpdated> | EnvelopeOf<typeof ticketMessageAdded>;

const doneStatuses: ReadonlySet<string> = new Set(['resolved', 'closed']);
const crossesDone = (change: { from: unknown; to: unknown } | undefined) => change !== undefined && doneStatuses.has(String(change.from)) !== doneStatuses.has(String(change.to));

/**
 * The relay's filters (`when`), judged from the event and the cached facts alone, so a ticket of a
 * team without a strategy and without an assignee makes no job (the per-ticket budget):
 * - created: its team assigns and it has nobody, or it has an assignee (their load);
 * - updated: the assignee or team changed, or the status crossed between open and done (load,
 *   reopening), except the module's own assignments, already counted in their transaction;
 * - a message: an agent's public reply, when some team reassigns silent tickets.
 */
export const wantsCreated = (facts: StrategyFacts) => (event: EnvelopeOf<typeof ticketCreated>): boolean =>
  event.payload.assigneeId !== null || facts.hasStrategy(event.payload.teamId);

export const wantsUpdated = (event: EnvelopeOf<typeof ticketUpdated>): boolean => {
  if (isAssignmentActor(event.actorId) && event.payload.fields.every((field) => field === 'assigneeId' || field === 'status')) return false;
  return event.payload.fields.includes('assigneeId') || event.payload.fields.includes('teamId') || crossesDone(event.payload.changes?.status);
};

export const wantsMessage = (facts: StrategyFacts) => (event: EnvelopeOf<typeof ticketMessageAdded>): boolean =>
  facts.anyReassigning() && !event.payload.internal && Boolean(event.payload.authorUserId);

/** Why a ticket may need a decision, from one of its events (null: a message, no decision). */
function reasonOf(event: TicketEvent): QueueReason | null {
  if (event.type === 'ticket.created') return 'new';
  if (event.type === 'ticket.message_added') return null;
  const status = event.payload.changes?.status;
  if (status && doneStatuses.has(String(status.from)) && !doneStatuses.has(String(status.to))) return 'reopened';
  if (event.payload.fields.includes('assigneeId') && event.payload.changes?.assigneeId?.to == null) return 'unassigned';
  return 'new';
}

/**
 * Job `assignment.ticket_event` (a batch): settings, members, calendars and priorities are read once;
 * then each ticket in its own transaction: its load follows its assignee and status, stale queue
 * and watch rows go, and a ticket of an assigning team without an assignee is decided. A reply of
 * the assignee ends the wait for it. Agents whose load went down wake their teams' queues.
 */
export const ticketEventsHandler = (clock: Clock, rules: WriteRules) => async (events: TicketEvent[], { database }: { database: Database }): Promise<void> => {
  const replies = events.filter((e): e is EnvelopeOf<typeof ticketMessageAdded> => e.type === 'ticket.message_added');
  if (replies.length) {
    await database.transaction(async (tx) => {
      for (const reply of replies) {
        await tx.delete(assignmentReplyWatch).where(and(eq(assignmentReplyWatch.ticketId, reply.aggregateId), eq(assignmentReplyWatch.assigneeId, reply.payload.authorUserId ?? '')));
      }
    });
  }
  const reasons = new Map<string, QueueReason>();
  // Tickets whose only events here are their creation: nothing of this module exists for them yet.
  const fresh = new Set(events.filter((e) => e.type === 'ticket.created').map((e) => e.aggregateId));
  for (const event of events) if (event.type !== 'ticket.created') fresh.delete(event.aggregateId);
  // In the order recorded, so the oldest ticket is decided first (a batch's jobs come in any order).
  for (const event of [...events].sort((a, b) => a.eventId - b.eventId)) {
    const reason = reasonOf(event);
    // A reopening in the batch wins: it is the one that may hand the ticket to someone else.
    if (reason && reasons.get(event.aggregateId) !== 'reopened') reasons.set(event.aggregateId, reason);
  }
  if (reasons.size === 0) return;
  const plans = await TeamPlans.load(database.db);
  const urgency = await urgencyOf(database);
  for (const [ticketId, reason] of reasons) {
    await database.transaction(async (tx) => {
      const freed = await followTicket(tx, database, rules, { ticketId, reason, plans, urgency, now: clock.now(), fresh: fresh.has(ticketId) });
      if (freed) await wakeTeamsOf(tx, plans, freed);
    });
  }
};

type Follow = {
  ticketId: string;
  reason: QueueReason;
  plans: TeamPlans;
  urgency: (priority: string) => number;
  now: Date;
  /** Only its creation was seen: it has no load, queue or watch row yet, so none is read or deleted (4 statements of a decision). */
  fresh?: boolean;
};

/** One ticket's share of the job; answers the agent whose load went down, if any. */
export async function followTicket(tx: Tx, database: Database, rules: WriteRules, { ticketId, reason, plans, urgency, now, fresh = false }: Follow): Promise<string | null> {
  const ticket = await getTicketSnapshot(tx, ticketId);
  if (!ticket) {
    await tx.delete(assignmentQueue).where(eq(assignmentQueue.ticketId, ticketId));
    return moveLoad(tx, ticketId, null);
  }
  const open = !doneStatuses.has(ticket.status);
  const load = open && ticket.assigneeId ? { userId: ticket.assigneeId, chatChannel: chatChannelOf(ticket.channel) } : null;
  const freed = fresh && !load ? null : await moveLoad(tx, ticket.id, load);
  const plan = plans.assigning(ticket.teamId);
  if (!fresh) {
    // A queue row of a ticket that got someone, was resolved, or moved to another team no longer waits.
    const stillWaits = open && ticket.assigneeId === null && plan !== undefined;
    await tx.delete(assignmentQueue).where(and(eq(assignmentQueue.ticketId, ticket.id), stillWaits ? ne(assignmentQueue.teamId, plan.teamId) : undefined));
    await tx.delete(assignmentReplyWatch).where(and(eq(assignmentReplyWatch.ticketId, ticket.id), open && ticket.assigneeId ? ne(assignmentReplyWatch.assigneeId, ticket.assigneeId) : undefined));
  }
  if (!plan || !open) return freed;
  const input = { ticket, plan, reason, now, urgency: urgency(ticket.priority), fresh };
  if (!ticket.assigneeId) {
    await decide(tx, database, rules, input);
  } else if (reason === 'reopened' && !(await isAvailable(tx, ticket.assigneeId, plan, now))) {
    // Back to the previous assignee if available; else someone else, else the queue.
    const decision = await decide(tx, database, rules, { ...input, exclude: [ticket.assigneeId] });
    if ('queued' in decision) {
      await updateTicket(databaseInside(tx, database), assignmentActorOf(plan.strategy), ticket.id, ticket.version, { assigneeId: null }, { ...rules, cause: 'system' });
      return (await moveLoad(tx, ticket.id, null)) ?? freed;
    }
  }
  return freed;
}

/** Offer the waiting tickets of `userId`'s assigning teams again (one pending job per team). */
export async function wakeTeamsOf(tx: Tx, plans: TeamPlans, userId: string): Promise<void> {
  const teams = plans.teamsOf(userId);
  if (teams.length === 0) return;
  const waiting = await tx.selectDistinct({ teamId: assignmentQueue.teamId }).from(assignmentQueue).where(inArray(assignmentQueue.teamId, teams.map((t) => t.teamId)));
  await enqueueJobs(tx, waiting.map(({ teamId }) => ({ type: handoutJob, payload: { teamId }, dedupeKey: `${handoutJob}:${teamId}` })));
}
