import { eq } from 'drizzle-orm';
import { invalidField } from '../../app/errors.js';
import type { Database, Db } from '../../db/database.js';
import { recordEvent } from '../../jobs/events.js';
import type { Actor } from '../auth/index.js';
import { isActiveStaff } from './approval-approvers.js';
import { approvalDelegateChanged } from './events.js';
import { approvalDelegates } from './schema.js';

export type ApprovalDelegate = { userId: string; from: Date; until: Date };

/** My substitute while I am away (代理审批), or null. */
export async function getApprovalDelegate(db: Db, actor: Actor): Promise<ApprovalDelegate | null> {
  const [row] = await db.select().from(approvalDelegates).where(eq(approvalDelegates.userId, actor.id));
  return row ? { userId: row.substituteId, from: row.startsAt, until: row.endsAt } : null;
}

/**
 * Sets who approves for me in [from, until): approvals asked of me then (with the approval's
 * delegation on) go to them, and they may decide steps still pending for me. Replaces any earlier one.
 */
export async function setApprovalDelegate(database: Database, actor: Actor, body: ApprovalDelegate): Promise<ApprovalDelegate> {
  const substituteId = body.userId.toLowerCase();
  if (substituteId === actor.id) throw invalidField('userId', 'workflow.delegate.self');
  if (body.until.getTime() <= body.from.getTime()) throw invalidField('until', 'workflow.delegate.until_before_from');
  if (!(await isActiveStaff(database.db, substituteId))) throw invalidField('userId', 'workflow.approval.unknown_user');
  return database.transaction(async (tx) => {
    const row = { substituteId, startsAt: body.from, endsAt: body.until, updatedAt: new Date() };
    await tx.insert(approvalDelegates).values({ userId: actor.id, ...row }).onConflictDoUpdate({ target: approvalDelegates.userId, set: row });
    await recordEvent(tx, approvalDelegateChanged, { aggregateId: actor.id, cause: 'agent', actorId: actor.id, payload: { substituteId, startsAt: body.from.toISOString(), endsAt: body.until.toISOString() } });
    return { userId: substituteId, from: body.from, until: body.until };
  });
}

export async function clearApprovalDelegate(database: Database, actor: Actor): Promise<void> {
  await database.transaction(async (tx) => {
    const gone = await tx.delete(approvalDelegates).where(eq(approvalDelegates.userId, actor.id)).returning({ userId: approvalDelegates.userId });
    if (gone.length) await recordEvent(tx, approvalDelegateChanged, { aggregateId: actor.id, cause: 'agent', actorId: actor.id, payload: { substituteId: null, startsAt: null, endsAt: null } });
  });
}
