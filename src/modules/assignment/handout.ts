import { and, asc, desc, eq, isNotNull, lte, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Clock } from '../../app/clock.js';
import type { WriteRules } from '../../app/write-rules.js';
import type { Database } from '../../db/database.js';
import type { DueRowSource, JobHandler } from '../../jobs/registry.js';
import { getTicketSnapshot } from '../tickets/index.js';
import { chatChannelOf } from './chat-counters.js';
import { decide } from './decide.js';
import { assignmentQueue, assignmentTeamSettings } from './schema.js';
import { TeamPlans, type TeamPlan } from './team-plans.js';
import { urgencyOf } from './urgency.js';

/** Job: offer a team's waiting tickets again (an agent came online, was resumed, or freed a place). */
export const handoutJob = 'assignment.handout';
const handoutPayload = z.object({ teamId: z.uuid() });
/** Tickets offered per job; a longer queue is offered by the next wake-up. */
const perRound = 50;

export const handoutHandler = (clock: Clock, rules: WriteRules): JobHandler => async (payload, { database }) => {
  const { teamId } = handoutPayload.parse(payload);
  const plans = await TeamPlans.load(database.db);
  const plan = plans.assigning(teamId);
  if (plan) await handOut(database, rules, plan, clock.now());
};

/**
 * Offer the team's queue, most urgent first, then oldest, each ticket in its own transaction under
 * the team's lock. Without skills, a ticket nobody can take ends the round (nobody can take the
 * next either), except a chat: its channel has limits of its own, so only the later chats of that
 * channel are passed over (a WeCom chat behind a waiting WeChat one may find a place). With skills
 * the next may find someone. Answers how many were assigned.
 */
export async function handOut(database: Database, rules: WriteRules, plan: TeamPlan, now: Date): Promise<number> {
  const waiting = await database.db
    .select({ ticketId: assignmentQueue.ticketId, reason: assignmentQueue.reason, urgency: assignmentQueue.urgency })
    .from(assignmentQueue)
    .where(eq(assignmentQueue.teamId, plan.teamId))
    .orderBy(desc(assignmentQueue.urgency), asc(assignmentQueue.queuedAt))
    .limit(perRound);
  if (waiting.length === 0) return 0;
  const urgency = await urgencyOf(database);
  const fullChannels = new Set<string>();
  let assigned = 0;
  for (const row of waiting) {
    const outcome = await database.transaction(async (tx) => {
      const ticket = await getTicketSnapshot(tx, row.ticketId);
      if (!ticket || ticket.teamId !== plan.teamId || ticket.assigneeId !== null || ticket.status === 'resolved' || ticket.status === 'closed') {
        await tx.delete(assignmentQueue).where(eq(assignmentQueue.ticketId, row.ticketId));
        return 'gone' as const;
      }
      const chat = chatChannelOf(ticket.channel);
      if (chat !== null && fullChannels.has(chat)) return 'passed' as const;
      return { chat, decision: await decide(tx, database, rules, { ticket, plan, reason: row.reason, now, urgency: urgency(ticket.priority) }) };
    });
    if (outcome === 'gone' || outcome === 'passed') continue;
    if ('assigneeId' in outcome.decision) assigned += 1;
    else if (plan.strategy === 'skills') continue;
    else if (outcome.chat !== null) fullChannels.add(outcome.chat);
    else break;
  }
  return assigned;
}

/**
 * Due rows: teams whose waiting tickets are to be offered again because a member's shift starts
 * (`handout_at`, set when a ticket was queued). Each team is taken under SKIP LOCKED and its
 * time cleared before the offer (which sets it again if tickets still wait for a later shift).
 */
export const shiftHandoutSource = (clock: Clock, rules: WriteRules): DueRowSource => async ({ database }) => {
  const now = clock.now();
  // One indexed read while nothing is due (every worker poll), the transaction only when something is.
  const [first] = await database.db.select({ teamId: assignmentTeamSettings.teamId }).from(assignmentTeamSettings)
    .where(and(isNotNull(assignmentTeamSettings.handoutAt), lte(assignmentTeamSettings.handoutAt, sql`${now.toISOString()}::timestamptz`))).limit(1);
  if (!first) return 0;
  const due = await database.transaction((tx) =>
    tx.update(assignmentTeamSettings)
      .set({ handoutAt: null })
      .where(sql`${assignmentTeamSettings.teamId} in (select team_id from ${assignmentTeamSettings} where ${and(isNotNull(assignmentTeamSettings.handoutAt), lte(assignmentTeamSettings.handoutAt, sql`${now.toISOString()}::timestamptz`))} limit 20 for update skip locked)`)
      .returning({ teamId: assignmentTeamSettings.teamId }));
  if (due.length === 0) return 0;
  const plans = await TeamPlans.load(database.db);
  for (const { teamId } of due) {
    const plan = plans.assigning(teamId);
    if (plan) await handOut(database, rules, plan, now);
  }
  return due.length;
};
