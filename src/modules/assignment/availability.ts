import { and, eq, gt, sql } from 'drizzle-orm';
import type { Tx } from '../../db/database.js';
import { isOnShift } from './on-shift.js';
import { assignmentAgents, assignmentShiftExceptions } from './schema.js';
import type { TeamPlan } from './team-plans.js';

/**
 * Whether an agent who already holds a ticket may keep it when it is reopened: 在线, not paused,
 * on shift in the team's calendar, and not over capacity (the ticket already counts against them).
 */
export async function isAvailable(tx: Tx, userId: string, plan: TeamPlan, now: Date): Promise<boolean> {
  const [agent] = await tx.select().from(assignmentAgents).where(eq(assignmentAgents.userId, userId));
  if (!agent || agent.status !== 'online' || agent.paused || agent.openCount > agent.capacity) return false;
  const exceptions = await tx
    .select({ kind: assignmentShiftExceptions.kind, startsAt: assignmentShiftExceptions.startsAt, endsAt: assignmentShiftExceptions.endsAt })
    .from(assignmentShiftExceptions)
    .where(and(eq(assignmentShiftExceptions.userId, userId), gt(assignmentShiftExceptions.endsAt, sql`${now.toISOString()}::timestamptz`)));
  return isOnShift({ weekly: agent.weeklyShifts, exceptions }, plan.calendar, now);
}
