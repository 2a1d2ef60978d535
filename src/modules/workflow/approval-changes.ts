import { and, eq, gt, inArray, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { Conflict, Forbidden, invalidField } from '../../app/errors.js';
import type { Database, Tx } from '../../db/database.js';
import type { EnvelopeOf } from '../../jobs/event-definition.js';
import { recordEvent } from '../../jobs/events.js';
import { wantingOnly } from '../../jobs/registry.js';
import { can, findStaffRecipients, type Actor, type userUpdated } from '../auth/index.js';
import { recordTicketActivity } from '../tickets/index.js';
import { isActiveStaff, managerOf } from './approval-approvers.js';
import { lockPendingRequest, stepsOf } from './approval-decisions.js';
import { signerRaisesNeeded } from './approval-progress.js';
import { queueApprovalNotices } from './approval-notice-queue.js';
import { askSteps, grantStepSight } from './approval-request.js';
import { approvalNeedsAttention, approvalReassigned, approvalSignerAdded } from './events.js';
import { approvalRequests, approvalSteps } from './schema.js';

type StepRow = typeof approvalSteps.$inferSelect;
const isOpen = (step: StepRow) => step.status === 'pending' || step.status === 'waiting';

/**
 * Adds a signer (加签) to a pending request: by one of its pending approvers or an admin. In a chain
 * the signer is asked right after the one who added them; elsewhere at once. Where every approver
 * must approve (single, chain, countersign) the signer's approval is needed too; in any and n of m
 * the signer joins the pool.
 */
export async function addSigner(database: Database, actor: Actor, requestId: string, body: { userId: string; expectedRevision?: number }, now: Date): Promise<{ revision: number }> {
  return database.transaction(async (tx) => {
    const request = await lockPendingRequest(tx, requestId, body.expectedRevision);
    const steps = await stepsOf(tx, requestId);
    const mine = steps.find((step) => step.status === 'pending' && step.approverId === actor.id);
    if (!mine && !can(actor, 'processes.manage')) throw new Forbidden('workflow.approval.not_approver');
    const signer = body.userId.toLowerCase();
    if (!(await isActiveStaff(tx, signer))) throw invalidField('userId', 'workflow.approval.unknown_user');
    if (steps.some((step) => isOpen(step) && step.approverId === signer)) throw new Conflict('workflow.approval.already_approver');
    const chained = request.mode === 'chain';
    const after = chained ? (mine?.position ?? Math.max(-1, ...steps.filter((step) => step.status !== 'waiting').map((step) => step.position))) : Math.max(-1, ...steps.map((step) => step.position));
    // A chain makes room right after the one who added the signer.
    if (chained) await tx.update(approvalSteps).set({ position: sql`${approvalSteps.position} + 1` }).where(and(eq(approvalSteps.requestId, requestId), gt(approvalSteps.position, after)));
    const id = uuidv7();
    await tx.insert(approvalSteps).values({ id, requestId, ticketId: request.ticketId, position: after + 1, approverId: signer, status: 'waiting', addedBy: actor.id });
    const asksNow = !chained || !steps.some((step) => step.status === 'pending');
    if (asksNow) await askSteps(tx, request, [id], now);
    const revision = request.revision + 1;
    await tx.update(approvalRequests).set({ revision, ...(signerRaisesNeeded(request.mode) && { needed: request.needed + 1 }) }).where(eq(approvalRequests.id, requestId));
    await refreshAttention(tx, request.id);
    const payload = { processId: request.processId, requestId, signer };
    await recordEvent(tx, approvalSignerAdded, { aggregateId: request.ticketId, cause: `process:${request.processId}`, actorId: actor.id, payload });
    await recordTicketActivity(tx, { ticketId: request.ticketId, type: 'process_approval', detail: { event: 'signer_added', ...payload }, actorId: actor.id, at: now });
    return { revision };
  });
}

/**
 * An admin gives the open steps of `from` to `to` (a request flagged 需要处理), or, when the request
 * has no open step at all (nobody could be found), asks `to` as its approver.
 */
export async function reassignApproval(database: Database, actor: Actor, requestId: string, body: { from?: string; to: string; expectedRevision?: number }, now: Date): Promise<{ revision: number }> {
  return database.transaction(async (tx) => {
    const request = await lockPendingRequest(tx, requestId, body.expectedRevision);
    const to = body.to.toLowerCase();
    if (!(await isActiveStaff(tx, to))) throw invalidField('to', 'workflow.approval.unknown_user');
    const steps = await stepsOf(tx, requestId);
    const open = steps.filter(isOpen);
    const from = body.from?.toLowerCase() ?? null;
    if (open.length && !open.some((step) => step.approverId === from)) throw invalidField('from', 'workflow.approval.step_not_found');
    if (open.some((step) => step.approverId === to)) throw new Conflict('workflow.approval.already_approver');
    if (open.length) {
      const moved = await tx
        .update(approvalSteps)
        .set({ approverId: to, reassignedFrom: from, delegatedFrom: null })
        .where(and(eq(approvalSteps.requestId, requestId), eq(approvalSteps.approverId, from!), inArray(approvalSteps.status, ['pending', 'waiting'])))
        .returning({ id: approvalSteps.id, ticketId: approvalSteps.ticketId, approverId: approvalSteps.approverId });
      for (const step of moved) await grantStepSight(tx, step);
      await queueApprovalNotices(tx, moved.map((step) => step.id));
    } else {
      const id = uuidv7();
      await tx.insert(approvalSteps).values({ id, requestId, ticketId: request.ticketId, position: Math.max(-1, ...steps.map((step) => step.position)) + 1, approverId: to, status: 'waiting', addedBy: actor.id });
      await askSteps(tx, request, [id], now);
    }
    const revision = request.revision + 1;
    await tx.update(approvalRequests).set({ revision }).where(eq(approvalRequests.id, requestId));
    await refreshAttention(tx, requestId);
    await recordReassigned(tx, request, { from, to, why: 'admin' }, actor.id, now);
    return { revision };
  });
}

/**
 * Job `workflow.approver_deactivated`, following `user.updated` when a user is deactivated: their
 * open steps go to their manager (the lead of one of their teams), else each request is flagged
 * `needsAttention` for admins (GET /approvals?attention=1). Never blocks silently.
 */
export const approverDeactivatedHandler = wantingOnly<EnvelopeOf<typeof userUpdated>>(
  (event) => event.payload.changes.active === false,
  async (event, { database }) => {
    const userId = event.aggregateId;
    const rows = await database.db
      .selectDistinct({ requestId: approvalSteps.requestId })
      .from(approvalSteps)
      .innerJoin(approvalRequests, eq(approvalRequests.id, approvalSteps.requestId))
      .where(and(eq(approvalSteps.approverId, userId), inArray(approvalSteps.status, ['pending', 'waiting']), eq(approvalRequests.status, 'pending')));
    const manager = await managerOf(database.db, userId);
    for (const { requestId } of rows) await replaceInactiveApprover(database, requestId, userId, manager, new Date(event.occurredAt));
  },
);

async function replaceInactiveApprover(database: Database, requestId: string, userId: string, manager: string | null, at: Date): Promise<void> {
  await database.transaction(async (tx) => {
    const [request] = await tx.select().from(approvalRequests).where(eq(approvalRequests.id, requestId)).for('update');
    if (!request || request.status !== 'pending') return;
    const open = and(eq(approvalSteps.requestId, requestId), eq(approvalSteps.approverId, userId), inArray(approvalSteps.status, ['pending', 'waiting']));
    if (manager) {
      const moved = await tx.update(approvalSteps).set({ approverId: manager, reassignedFrom: userId, delegatedFrom: null }).where(open).returning({ id: approvalSteps.id, ticketId: approvalSteps.ticketId, approverId: approvalSteps.approverId });
      if (!moved.length) return;
      for (const step of moved) await grantStepSight(tx, step);
      await queueApprovalNotices(tx, moved.map((step) => step.id));
      await tx.update(approvalRequests).set({ revision: request.revision + 1 }).where(eq(approvalRequests.id, requestId));
      await recordReassigned(tx, request, { from: userId, to: manager, why: 'deactivated' }, null, at);
      return;
    }
    const attention = [...new Set([...request.attention, 'approver_inactive'])];
    await tx.update(approvalRequests).set({ needsAttention: true, attention, revision: request.revision + 1 }).where(eq(approvalRequests.id, requestId));
    const payload = { processId: request.processId, requestId, attention };
    await recordEvent(tx, approvalNeedsAttention, { aggregateId: request.ticketId, cause: `process:${request.processId}`, actorId: null, payload });
    await recordTicketActivity(tx, { ticketId: request.ticketId, type: 'process_approval', detail: { event: 'needs_attention', ...payload, user: userId }, at });
  });
}

async function recordReassigned(tx: Tx, request: typeof approvalRequests.$inferSelect, change: { from: string | null; to: string; why: 'deactivated' | 'admin' }, actorId: string | null, at: Date) {
  const payload = { processId: request.processId, requestId: request.id, ...change };
  await recordEvent(tx, approvalReassigned, { aggregateId: request.ticketId, cause: `process:${request.processId}`, actorId, payload });
  await recordTicketActivity(tx, { ticketId: request.ticketId, type: 'process_approval', detail: { event: 'reassigned', ...payload }, actorId, at });
}

/** A request needs attention while it has no open step or an open step waits for someone inactive. */
async function refreshAttention(tx: Tx, requestId: string): Promise<void> {
  const open = (await stepsOf(tx, requestId)).filter(isOpen);
  const approvers = [...new Set(open.map((step) => step.approverId))];
  const active = approvers.length ? await findStaffRecipients(tx, { userIds: approvers }) : [];
  const needsAttention = open.length === 0 || active.length < approvers.length;
  await tx.update(approvalRequests).set({ needsAttention, ...(!needsAttention && { attention: [] }) }).where(eq(approvalRequests.id, requestId));
}
