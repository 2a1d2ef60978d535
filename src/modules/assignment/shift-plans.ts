import { and, gt, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { DEFAULT_BUSINESS_CALENDAR, listCalendars, type BusinessCalendar } from '../sla/index.js';
import { isOnShift, type ShiftFacts } from './on-shift.js';
import { assignmentAgents, assignmentShiftExceptions } from './schema.js';

/**
 * People's shifts for another module to judge (the field-service dispatch board): each user's
 * weekly pattern and the leave / extra shifts overlapping [from, to), judged in the installation's
 * default business calendar (holidays and 调休 included). Two statements for any number of users.
 */
export type ShiftPlans = {
  /** On shift at the instant (leave wins; no pattern at all means always on shift). */
  onShift(userId: string, instant: Date): boolean;
  /** On leave (请假) at the instant. */
  onLeave(userId: string, instant: Date): boolean;
};

export async function readShiftPlans(db: Db, userIds: readonly string[], window: { from: Date; to: Date }): Promise<ShiftPlans> {
  const facts = new Map<string, ShiftFacts>();
  if (userIds.length) {
    // One after the other: a caller may pass its transaction.
    const agents = await db.select({ userId: assignmentAgents.userId, weekly: assignmentAgents.weeklyShifts }).from(assignmentAgents).where(inArray(assignmentAgents.userId, [...userIds]));
    const exceptions = await db.select({ userId: assignmentShiftExceptions.userId, kind: assignmentShiftExceptions.kind, startsAt: assignmentShiftExceptions.startsAt, endsAt: assignmentShiftExceptions.endsAt })
        .from(assignmentShiftExceptions)
        .where(and(inArray(assignmentShiftExceptions.userId, [...userIds]), gt(assignmentShiftExceptions.endsAt, sql`${window.from.toISOString()}::timestamptz`), lt(assignmentShiftExceptions.startsAt, sql`${window.to.toISOString()}::timestamptz`)));
    for (const agent of agents) facts.set(agent.userId, { weekly: agent.weekly, exceptions: [] });
    for (const { userId, ...exception } of exceptions) {
      const own = facts.get(userId) ?? { weekly: null, exceptions: [] };
      facts.set(userId, { ...own, exceptions: [...own.exceptions, exception] });
    }
  }
  const calendar: BusinessCalendar = (await listCalendars(db)).find((view) => view.isDefault)?.calendar ?? DEFAULT_BUSINESS_CALENDAR;
  const none: ShiftFacts = { weekly: null, exceptions: [] };
  return {
    onShift: (userId, instant) => isOnShift(facts.get(userId) ?? none, calendar, instant),
    onLeave: (userId, instant) => (facts.get(userId) ?? none).exceptions.some((e) => e.kind === 'leave' && e.startsAt <= instant && instant < e.endsAt),
  };
}
