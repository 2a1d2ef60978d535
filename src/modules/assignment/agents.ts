import { and, asc, eq, gte, inArray, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { NotFound, PreconditionFailed } from '../../app/errors.js';
import type { Database, Db, Tx } from '../../db/database.js';
import { recordEvent } from '../../jobs/events.js';
import { findAssignableUser, getUserNames, type Actor } from '../auth/index.js';
import { agentAssignmentProfileChanged, agentPaused, agentResumed, agentStatusChanged } from './events.js';
import { assignmentAgents, assignmentShiftExceptions, type AgentStatus } from './schema.js';
import { wakeTeamsOf } from './ticket-events.js';
import { TeamPlans } from './team-plans.js';

export type AgentRow = typeof assignmentAgents.$inferSelect;

/** An agent's row, made (offline, defaults) on first use. */
async function lockAgent(tx: Tx, userId: string): Promise<AgentRow> {
  await tx.insert(assignmentAgents).values({ userId }).onConflictDoNothing();
  const [row] = await tx.select().from(assignmentAgents).where(eq(assignmentAgents.userId, userId)).for('update');
  return row!;
}

/** An agent's row as the API shows it: defaults (离线) until they first set a status; 404 for no user. */
export async function getAgent(db: Db, userId: string): Promise<AgentRow> {
  const [row] = await db.select().from(assignmentAgents).where(eq(assignmentAgents.userId, userId));
  if (!row && !(await getUserNames(db, [userId])).has(userId)) throw new NotFound('assignment.agent_not_found');
  return row ?? { userId, status: 'offline', statusChangedAt: new Date(0), lastSeenAt: null, paused: false, pausedBy: null, capacity: 20, chatCapacity: 5, chatCapacities: {}, weight: 1, skills: {}, openCount: 0, chatCounts: {}, lastAssignedAt: null, weeklyShifts: null, version: 1 };
}

/**
 * An agent sets their own status (在线 / 忙碌 / 离开 / 离线); each change is an event. Coming online
 * wakes the queues of their assigning teams. Setting a status is also a sign of life.
 */
export async function setAgentStatus(database: Database, actor: Actor, to: AgentStatus, now: Date): Promise<AgentRow> {
  const plans = to === 'online' ? await TeamPlans.load(database.db) : null;
  return database.transaction(async (tx) => {
    const before = await lockAgent(tx, actor.id);
    const [after] = await tx.update(assignmentAgents)
      .set({ status: to, lastSeenAt: now, ...(before.status !== to && { statusChangedAt: now }) })
      .where(eq(assignmentAgents.userId, actor.id)).returning();
    if (before.status !== to) {
      await recordEvent(tx, agentStatusChanged, { aggregateId: actor.id, cause: 'agent', actorId: actor.id, payload: { from: before.status, to, reason: 'self' } });
      if (plans && !before.paused) await wakeTeamsOf(tx, plans, actor.id);
    }
    return after!;
  });
}

/** The console's sign of life while a tab is open: keeps 在线 from turning 离开 (idle-agents.ts). */
export async function touchAgent(database: Database, actor: Actor, now: Date): Promise<void> {
  await database.db.update(assignmentAgents).set({ lastSeenAt: now }).where(eq(assignmentAgents.userId, actor.id));
}

/** A supervisor pauses an agent (no new work, whatever their status) or resumes them. */
export async function setAgentPaused(database: Database, actor: Actor, userId: string, paused: boolean): Promise<AgentRow> {
  if (!(await findAssignableUser(database.db, userId))) throw new NotFound('assignment.agent_not_found');
  const plans = paused ? null : await TeamPlans.load(database.db);
  return database.transaction(async (tx) => {
    const before = await lockAgent(tx, userId);
    if (before.paused === paused) return before;
    const [after] = await tx.update(assignmentAgents).set({ paused, pausedBy: paused ? actor.id : null }).where(eq(assignmentAgents.userId, userId)).returning();
    await recordEvent(tx, paused ? agentPaused : agentResumed, { aggregateId: userId, cause: 'agent', actorId: actor.id, payload: {} });
    if (plans && after!.status === 'online') await wakeTeamsOf(tx, plans, userId);
    return after!;
  });
}

export type AgentProfile = { capacity?: number; chatCapacity?: number; weight?: number; skills?: Record<string, string[]>; weeklyShifts?: Array<Array<{ start: string; end: string }>> | null };

/** Capacity, weight, skills and weekly shifts (设置 › 分配); If-Match version optional. */
export async function updateAgentProfile(database: Database, actor: Actor, userId: string, changes: AgentProfile, expectedVersion?: number): Promise<AgentRow> {
  if (!(await findAssignableUser(database.db, userId))) throw new NotFound('assignment.agent_not_found');
  const plans = await TeamPlans.load(database.db);
  return database.transaction(async (tx) => {
    const before = await lockAgent(tx, userId);
    if (expectedVersion !== undefined && expectedVersion !== before.version) throw new PreconditionFailed('assignment.agent_version_mismatch', { current: before.version });
    const [after] = await tx.update(assignmentAgents).set({ ...changes, version: sql`${assignmentAgents.version} + 1` }).where(eq(assignmentAgents.userId, userId)).returning();
    await recordEvent(tx, agentAssignmentProfileChanged, { aggregateId: userId, cause: 'agent', actorId: actor.id, payload: { changes } });
    // More capacity or another shift may let a waiting ticket through.
    await wakeTeamsOf(tx, plans, userId);
    return after!;
  });
}

export type ShiftException = typeof assignmentShiftExceptions.$inferSelect;

export async function listShiftExceptions(db: Db, userId: string, from: Date): Promise<ShiftException[]> {
  return db.select().from(assignmentShiftExceptions).where(and(eq(assignmentShiftExceptions.userId, userId), gte(assignmentShiftExceptions.endsAt, from))).orderBy(asc(assignmentShiftExceptions.startsAt));
}

export async function addShiftException(database: Database, actor: Actor, userId: string, input: { kind: 'leave' | 'extra'; startsAt: Date; endsAt: Date; note?: string }): Promise<ShiftException> {
  if (!(await findAssignableUser(database.db, userId))) throw new NotFound('assignment.agent_not_found');
  const plans = await TeamPlans.load(database.db);
  return database.transaction(async (tx) => {
    const [row] = await tx.insert(assignmentShiftExceptions).values({ id: uuidv7(), userId, kind: input.kind, startsAt: input.startsAt, endsAt: input.endsAt, note: input.note ?? '' }).returning();
    await recordEvent(tx, agentAssignmentProfileChanged, { aggregateId: userId, cause: 'agent', actorId: actor.id, payload: { changes: { exceptionAdded: { id: row!.id, kind: input.kind, startsAt: input.startsAt.toISOString(), endsAt: input.endsAt.toISOString() } } } });
    if (input.kind === 'extra') await wakeTeamsOf(tx, plans, userId);
    return row!;
  });
}

export async function deleteShiftException(database: Database, actor: Actor, userId: string, id: string): Promise<void> {
  await database.transaction(async (tx) => {
    const deleted = await tx.delete(assignmentShiftExceptions).where(and(eq(assignmentShiftExceptions.id, id), eq(assignmentShiftExceptions.userId, userId))).returning({ id: assignmentShiftExceptions.id });
    if (deleted.length === 0) throw new NotFound('assignment.exception_not_found');
    await recordEvent(tx, agentAssignmentProfileChanged, { aggregateId: userId, cause: 'agent', actorId: actor.id, payload: { changes: { exceptionDeleted: id } } });
  });
}

/** 分配看板: agents of the given users (every agent with a row when none given), with their names. */
export async function listAgents(db: Db, userIds?: readonly string[]): Promise<Array<AgentRow & { name: string }>> {
  if (userIds?.length === 0) return [];
  const rows = await db.select().from(assignmentAgents).where(userIds ? inArray(assignmentAgents.userId, [...userIds]) : undefined).orderBy(asc(assignmentAgents.userId));
  const names = await getUserNames(db, rows.map((r) => r.userId));
  return rows.map((row) => ({ ...row, name: names.get(row.userId) ?? '' }));
}
