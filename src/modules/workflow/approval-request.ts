import { and, eq, inArray } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { Invalid } from '../../app/errors.js';
import type { Tx } from '../../db/database.js';
import { recordEvent } from '../../jobs/events.js';
import { approvalPlanFor, approvalsNeeded } from '../../workflow-model/approval-plan.js';
import type { Approval, ProcessTransition } from '../../workflow-model/definition.js';
import type { Actor } from '../auth/index.js';
import { grantTicketSight, recordTicketActivity } from '../tickets/index.js';
import { resolveApprovers, substituteFor } from './approval-approvers.js';
import { queueApprovalNotices } from './approval-notice-queue.js';
import { initialStepStatus } from './approval-progress.js';
import { approvalTimingOf, startApprovalTimers, type TimedRequest } from './approval-timers.js';
import { approvalRequested } from './events.js';
import { approvalRequests, approvalSteps, processInstances, type processTokens } from './schema.js';

type RequestInput = {
  instance: typeof processInstances.$inferSelect;
  token: typeof processTokens.$inferSelect;
  transition: ProcessTransition;
  approval: Approval;
  values: Record<string, unknown>;
  teamId: string | null;
  actor: Actor;
  /** Where the instance's tokens wait (unchanged by the request). */
  stages: string[];
  /** The injected clock's time (the approvers' reminders count from it). */
  now: Date;
};

/**
 * A transition that needs an approval, after every check of takeTransition: the request freezes
 * its plan (the tier the amount falls in, decided as decimals; the approvers resolved now; how
 * many approvals decide), asks its first approvers, and the instance records it (审批中: no
 * transition until it is decided). The tokens stay where they are.
 */
export async function requestApproval(tx: Tx, input: RequestInput): Promise<{ revision: number; stages: string[]; completed: boolean; approvalRequestId: string }> {
  const { instance, token, transition, approval, values, actor } = input;
  const chosen = approvalPlanFor(approval, values);
  if (!chosen.ok) throw new Invalid('validation.failed', {}, [{ path: `values.${chosen.missingField.replace(/^fields\./, '')}`, code: 'workflow.transition.field_required', params: { field: chosen.missingField } }]);
  const { plan, tier } = chosen;
  const resolved = await resolveApprovers(tx, plan.approvers, { id: instance.ticketId, teamId: input.teamId, values });
  const { now } = input;
  const timing = approvalTimingOf(approval);
  const id = uuidv7();
  // Never fewer than one: a request nobody could be found for waits for an admin, it is not approved by default.
  const needed = Math.max(1, approvalsNeeded(plan, resolved.userIds.length));
  await tx.insert(approvalRequests).values({
    id, instanceId: instance.id, ticketId: instance.ticketId, processId: instance.processId, version: instance.version, transition: transition.id, fromStage: transition.from, tokenId: token.id,
    mode: plan.mode, needed, tier, delegation: approval.delegation, ...timing, needsAttention: resolved.attention.length > 0, attention: resolved.attention, requestedBy: actor.id, requestedAt: now,
  });
  if (resolved.userIds.length) {
    await tx.insert(approvalSteps).values(resolved.userIds.map((approverId, index) => ({ id: uuidv7(), requestId: id, ticketId: instance.ticketId, position: index, approverId, status: 'waiting' as const })));
    const steps = await tx.select({ id: approvalSteps.id, position: approvalSteps.position }).from(approvalSteps).where(eq(approvalSteps.requestId, id));
    await askSteps(tx, { id, ticketId: instance.ticketId, delegation: approval.delegation, ...timing }, steps.filter((step) => initialStepStatus(plan.mode, step.position) === 'pending').map((step) => step.id), now);
  }
  const revision = instance.revision + 1;
  await tx.update(processInstances).set({ revision, approvalRequestId: id }).where(eq(processInstances.id, instance.id));
  const cause = `process:${instance.processId}` as const;
  const payload = { processId: instance.processId, requestId: id, transition: transition.id, from: transition.from, mode: plan.mode, tier, approvers: resolved.userIds, attention: resolved.attention };
  await recordEvent(tx, approvalRequested, { aggregateId: instance.ticketId, cause, actorId: actor.id, payload });
  await recordTicketActivity(tx, { ticketId: instance.ticketId, type: 'process_approval', detail: { event: 'requested', ...payload }, actorId: actor.id, at: now });
  return { revision, stages: input.stages, completed: false, approvalRequestId: id };
}

/**
 * Asks these steps now (waiting → pending, in 待我审批). With delegation on, an approver away
 * today (a substitute set for this moment) is asked through their substitute, recorded as delegated.
 * Each starts its reminder timer when the approval has one (approval-timers.ts).
 */
export async function askSteps(tx: Tx, request: TimedRequest & { delegation: boolean }, stepIds: readonly string[], now: Date): Promise<void> {
  if (!stepIds.length) return;
  const steps = await tx.select({ id: approvalSteps.id, approverId: approvalSteps.approverId, ticketId: approvalSteps.ticketId }).from(approvalSteps).where(and(eq(approvalSteps.requestId, request.id), inArray(approvalSteps.id, [...stepIds])));
  for (const step of steps) {
    const substitute = request.delegation ? await substituteFor(tx, step.approverId, now) : null;
    await tx
      .update(approvalSteps)
      .set({ status: 'pending', askedAt: now, ...(substitute && { approverId: substitute, delegatedFrom: step.approverId }) })
      .where(eq(approvalSteps.id, step.id));
    await grantStepSight(tx, { ...step, approverId: substitute ?? step.approverId });
  }
  await queueApprovalNotices(tx, steps.map((step) => step.id));
  await startApprovalTimers(tx, request, steps, now);
}

/**
 * The one asked to approve may see the ticket they decide on, also outside their teams (the lead of
 * another department, a substitute): a sight grant per step, moved with the step when it is
 * delegated or reassigned, kept after the decision (they may look at what they decided).
 */
export async function grantStepSight(tx: Tx, step: { id: string; ticketId: string; approverId: string }): Promise<void> {
  await grantTicketSight(tx, { ticketId: step.ticketId, userId: step.approverId, source: `approval_step:${step.id}` });
}
