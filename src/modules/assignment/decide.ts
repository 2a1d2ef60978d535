import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import type { WriteRules } from '../../app/write-rules.js';
import { databaseInside, type Database, type Tx } from '../../db/database.js';
import { recordEvent } from '../../jobs/events.js';
import { addBusinessMinutes } from '../sla/index.js';
import { updateTicket, type TicketSnapshot } from '../tickets/index.js';
import { ticketQueued } from './events.js';
import { chatChannelOf, chatRoomSql, hasChatRoom, movedChatCountsSql } from './chat-counters.js';
import { moveLoad } from './loads.js';
import { assignmentActorOf } from './system-actors.js';
import { isOnShift, nextShiftStart, type ShiftFacts } from './on-shift.js';
import { hasSkills, pickOrder, type Candidate } from './pick-order.js';
import { assignmentAgents, assignmentQueue, assignmentReplyWatch, assignmentShiftExceptions, assignmentTeamSettings, type ChatCounts } from './schema.js';
import type { TeamPlan } from './team-plans.js';

export type QueueReason = 'new' | 'reopened' | 'reassign' | 'unassigned';

/** The chosen agent, or none (the ticket then waits in the queue unless `stayIfNobody`). */
export type Decision = { assigneeId: string } | { queued: boolean };

export type DecideInput = {
  ticket: TicketSnapshot;
  plan: TeamPlan;
  reason: QueueReason;
  now: Date;
  /** The priority's rank (higher: more urgent), for the queue's order. */
  urgency: number;
  /** Agents not to choose (the silent assignee when reassigning). */
  exclude?: readonly string[];
  /** A ticket just created: it has no load or queue row to move or delete. */
  fresh?: boolean;
  /** When nobody is available, leave the ticket as it is instead of queueing it (reassigning a silent one). */
  stayIfNobody?: boolean;
};

/**
 * Decide who gets `ticket` among its team's members, inside `tx`: the team's settings row is
 * locked first, so the team's decisions are serialised (round-robin pointer included) in every
 * process. The chosen agent's counter is raised by an update that checks capacity itself, so an
 * agent shared with another team is never pushed over it. Nobody available: the ticket waits in
 * the queue (and the team is woken when a member's shift starts).
 */
export async function decide(tx: Tx, database: Database, rules: WriteRules, input: DecideInput): Promise<Decision> {
  const { ticket, plan, now } = input;
  const [settings] = await tx.select().from(assignmentTeamSettings).where(eq(assignmentTeamSettings.teamId, plan.teamId)).for('update');
  // Turned off since the batch read the plans: nothing to decide, nothing to queue.
  if (!settings || settings.strategy === 'off') return { queued: false };
  const chat = chatChannelOf(ticket.channel);
  const agents = await availableAgents(tx, plan.memberIds, now);
  const values = skillValuesOf(ticket);
  const candidates = agents.filter((agent) =>
    !input.exclude?.includes(agent.userId)
    && agent.openCount < agent.capacity
    && (chat === null || hasChatRoom(agent, chat))
    && isOnShift(agent.shifts, plan.calendar, now)
    && (settings.strategy !== 'skills' || hasSkills(agent, settings.skillFields, values)));
  const ordered = pickOrder(settings.strategy, candidates, settings.lastAssigneeId);
  for (const candidate of ordered) {
    if (!(await takePlace(tx, candidate.userId, chat, now))) continue;
    await moveLoad(tx, ticket.id, { userId: candidate.userId, chatChannel: chat }, { counted: true, empty: input.fresh });
    await updateTicket(databaseInside(tx, database), assignmentActorOf(settings.strategy), ticket.id, ticket.version, { assigneeId: candidate.userId }, { ...rules, cause: 'system' });
    // The round-robin pointer; other strategies order by the counters and need no write here.
    if (settings.strategy === 'round_robin') await tx.update(assignmentTeamSettings).set({ lastAssigneeId: candidate.userId }).where(eq(assignmentTeamSettings.teamId, plan.teamId));
    if (!input.fresh) await tx.delete(assignmentQueue).where(eq(assignmentQueue.ticketId, ticket.id));
    if (settings.reassignAfterMinutes !== null) {
      const dueAt = addBusinessMinutes(plan.calendar, now, settings.reassignAfterMinutes);
      await tx.insert(assignmentReplyWatch).values({ ticketId: ticket.id, assigneeId: candidate.userId, teamId: plan.teamId, dueAt })
        .onConflictDoUpdate({ target: assignmentReplyWatch.ticketId, set: { assigneeId: candidate.userId, teamId: plan.teamId, dueAt } });
    }
    return { assigneeId: candidate.userId };
  }
  return input.stayIfNobody ? { queued: false } : queue(tx, input, agents);
}

type AvailableAgent = Candidate & { capacity: number; chatCounts: ChatCounts; chatCapacity: number; chatCapacities: ChatCounts; shifts: ShiftFacts };

/** The team's members who are 在线 and not paused, with their counters and shifts (one statement). */
async function availableAgents(tx: Tx, memberIds: readonly string[], now: Date): Promise<AvailableAgent[]> {
  if (memberIds.length === 0) return [];
  const rows = await tx
    .select({
      userId: assignmentAgents.userId,
      openCount: assignmentAgents.openCount,
      capacity: assignmentAgents.capacity,
      chatCounts: assignmentAgents.chatCounts,
      chatCapacity: assignmentAgents.chatCapacity,
      chatCapacities: assignmentAgents.chatCapacities,
      weight: assignmentAgents.weight,
      skills: assignmentAgents.skills,
      lastAssignedAt: assignmentAgents.lastAssignedAt,
      weekly: assignmentAgents.weeklyShifts,
      exceptions: sql<Array<{ kind: 'leave' | 'extra'; startsAt: string; endsAt: string }>>`coalesce((
        select json_agg(json_build_object('kind', e.kind, 'startsAt', e.starts_at, 'endsAt', e.ends_at))
        from ${assignmentShiftExceptions} e where e.user_id = ${assignmentAgents.userId} and e.ends_at > ${now.toISOString()}::timestamptz), '[]'::json)`,
    })
    .from(assignmentAgents)
    .where(and(inArray(assignmentAgents.userId, [...memberIds]), eq(assignmentAgents.status, 'online'), eq(assignmentAgents.paused, false)));
  return rows.map(({ weekly, exceptions, ...row }) => ({
    ...row,
    shifts: { weekly, exceptions: exceptions.map((e) => ({ kind: e.kind, startsAt: new Date(e.startsAt), endsAt: new Date(e.endsAt) })) },
  }));
}

/**
 * Raise the agent's counters if they still have room: open tickets, and the chat channel's own
 * counter for a chat (the check and the raise are one statement, so two processes never both take
 * an agent's last WeChat place).
 */
async function takePlace(tx: Tx, userId: string, chat: string | null, now: Date): Promise<boolean> {
  const taken = await tx
    .update(assignmentAgents)
    .set({ openCount: sql`${assignmentAgents.openCount} + 1`, ...(chat !== null && { chatCounts: movedChatCountsSql(chat, 1) }), lastAssignedAt: now })
    .where(and(eq(assignmentAgents.userId, userId), lt(assignmentAgents.openCount, assignmentAgents.capacity), chat !== null ? chatRoomSql(chat) : undefined))
    .returning({ userId: assignmentAgents.userId });
  return taken.length > 0;
}

/** Put the ticket in its team's queue (once), and wake the team when a member's shift starts. */
async function queue(tx: Tx, input: DecideInput, agents: readonly AvailableAgent[] | null): Promise<Decision> {
  const { ticket, plan, now } = input;
  const added = await tx
    .insert(assignmentQueue)
    .values({ ticketId: ticket.id, teamId: plan.teamId, urgency: input.urgency, queuedAt: now, reason: input.reason })
    .onConflictDoUpdate({ target: assignmentQueue.ticketId, set: { teamId: plan.teamId }, setWhere: sql`${assignmentQueue.teamId} <> ${plan.teamId}` })
    .returning({ ticketId: assignmentQueue.ticketId });
  if (added.length) await recordEvent(tx, ticketQueued, { aggregateId: ticket.id, cause: 'system', actorId: assignmentActorOf(plan.strategy).id, payload: { teamId: plan.teamId, reason: input.reason } });
  const starts = (agents ?? []).map((agent) => nextShiftStart(agent.shifts, plan.calendar, now)).filter((at): at is Date => at !== null && at > now);
  if (starts.length) {
    const at = new Date(Math.min(...starts.map((d) => d.getTime())));
    await tx.update(assignmentTeamSettings)
      .set({ handoutAt: sql`least(coalesce(${assignmentTeamSettings.handoutAt}, ${at.toISOString()}::timestamptz), ${at.toISOString()}::timestamptz)` })
      .where(eq(assignmentTeamSettings.teamId, plan.teamId));
  }
  return { queued: true };
}

/** The ticket's values of the fields skills can name. */
function skillValuesOf(ticket: TicketSnapshot): Record<string, unknown> {
  const values: Record<string, unknown> = { priority: ticket.priority, channel: ticket.channel, categoryId: ticket.categoryPath };
  for (const [key, value] of Object.entries(ticket.fields ?? {})) values[`fields.${key}`] = value;
  return values;
}
