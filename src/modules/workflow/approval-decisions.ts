import { asc, eq, inArray, sql } from 'drizzle-orm';
import { Conflict, Forbidden, NotFound, invalidField } from '../../app/errors.js';
import type { Database, Tx } from '../../db/database.js';
import { recordEvent } from '../../jobs/events.js';
import type { Actor } from '../auth/index.js';
import { getTicketSnapshot, recordTicketActivity } from '../tickets/index.js';
import { substituteFor } from './approval-approvers.js';
import { approvalProgress } from './approval-progress.js';
import { askSteps, grantStepSight } from './approval-request.js';
import { stopApprovalTimers } from './approval-timers.js';
import { approvalDecided } from './events.js';
import { processFields } from './process-fields.js';
import { loadVersion } from './process-versions-cache.js';
import { approvalRequests, approvalSteps, processInstances, processTokens } from './schema.js';
import { moveAlong, type TransitionDeps } from './take-transition.js';
import { ticketValuesOf } from './ticket-values.js';

export type Decision = { decision: 'approve' | 'reject' | 'return'; reason?: string; expectedRevision?: number };
/** How the decision came: through a signed link in the approver's email (audited as such), else the console or the API. */
export type DecisionChannel = { channel?: 'link' };
export type DecisionResult = { status: 'pending' | 'approved' | 'rejected' | 'returned'; revision: number; stages?: string[] };
type RequestRow = typeof approvalRequests.$inferSelect;

/** The request, locked for this transaction, still pending and at `expectedRevision` when given. */
export async function lockPendingRequest(tx: Tx, requestId: string, expectedRevision?: number): Promise<RequestRow> {
  const [request] = await tx.select().from(approvalRequests).where(eq(approvalRequests.id, requestId)).for('update');
  if (!request) throw new NotFound('workflow.approval.not_found');
  if (request.status !== 'pending') throw new Conflict('workflow.approval.not_pending', { status: request.status });
  if (expectedRevision !== undefined && request.revision !== expectedRevision) throw new Conflict('workflow.approval.revision_mismatch', { current: request.revision });
  return request;
}

export const stepsOf = (tx: Tx, requestId: string) => tx.select().from(approvalSteps).where(eq(approvalSteps.requestId, requestId)).orderBy(asc(approvalSteps.position), asc(approvalSteps.id));

/**
 * One approver's decision (issue 19 §2), in one transaction under the request's row lock, so of
 * two approvers deciding at once the second sees what the first did (on `any`, exactly one
 * completes it). The decision covers every step pending for the actor — or for the approver whose
 * substitute the actor is today (recorded as delegated). Reject and return need a reason; return
 * ends the request at once (the requester changes and asks again). When the plan is satisfied the
 * transition is taken as takeTransition takes it (moveAlong), in this same transaction.
 */
export async function decideApproval(database: Database, deps: TransitionDeps, actor: Actor, requestId: string, body: Decision, via: DecisionChannel = {}): Promise<DecisionResult> {
  return database.transaction((tx) => decideInside(tx, database, deps, actor, requestId, body, via));
}

/** decideApproval inside the caller's transaction (a link's use marks the link spent in the same one). */
export async function decideInside(tx: Tx, database: Database, deps: TransitionDeps, actor: Actor, requestId: string, body: Decision, via: DecisionChannel = {}): Promise<DecisionResult> {
  const request = await lockPendingRequest(tx, requestId, body.expectedRevision);
  const reason = body.reason?.trim();
  const steps = await stepsOf(tx, requestId);
  const pending = steps.filter((step) => step.status === 'pending');
  const now = deps.actions.clock.now();
  let mine = pending.filter((step) => step.approverId === actor.id);
  let delegatedFrom: string | undefined;
  if (!mine.length && request.delegation) {
    for (const step of pending) if (!delegatedFrom && (await substituteFor(tx, step.approverId, now)) === actor.id) delegatedFrom = step.approverId;
    mine = pending.filter((step) => delegatedFrom !== undefined && step.approverId === delegatedFrom);
  }
  if (!mine.length) throw new Forbidden('workflow.approval.not_approver');
  if (body.decision !== 'approve' && !reason) throw invalidField('reason', 'workflow.approval.reason_required');

  const status = ({ approve: 'approved', reject: 'rejected', return: 'returned' } as const)[body.decision];
  const mineIds = new Set(mine.map((step) => step.id));
  await stopApprovalTimers(tx, requestId, [...mineIds]);
  await tx
    .update(approvalSteps)
    .set({ status, decidedAt: now, reason: reason ?? null, ...(delegatedFrom && { approverId: actor.id, delegatedFrom }) })
    .where(inArray(approvalSteps.id, [...mineIds]));
  if (delegatedFrom) for (const step of mine) await grantStepSight(tx, { ...step, approverId: actor.id });
  const after = steps.map((step) => (mineIds.has(step.id) ? { ...step, status } : step));
  const progress = body.decision === 'return' ? { outcome: 'returned' as const, ask: [] } : approvalProgress(request, after);
  await askSteps(tx, request, progress.ask, now);

  const cause = `process:${request.processId}` as const;
  const payload = { processId: request.processId, requestId, transition: request.transition, decision: body.decision, outcome: progress.outcome, ...(reason && { reason }), ...(delegatedFrom && { delegatedFrom }), ...(via.channel && { channel: via.channel }) };
  await recordEvent(tx, approvalDecided, { aggregateId: request.ticketId, cause, actorId: actor.id, payload });
  await recordTicketActivity(tx, { ticketId: request.ticketId, type: 'process_approval', detail: { event: 'decided', ...payload }, actorId: actor.id, at: now });

  const revision = request.revision + 1;
  if (progress.outcome === 'pending') {
    await tx.update(approvalRequests).set({ revision }).where(eq(approvalRequests.id, requestId));
    return { status: 'pending', revision };
  }
  const open = after.filter((step) => step.status === 'pending' || step.status === 'waiting').map((step) => step.id);
  if (open.length) await tx.update(approvalSteps).set({ status: 'closed' }).where(inArray(approvalSteps.id, open));
  await stopApprovalTimers(tx, requestId, open);
  await tx.update(approvalRequests).set({ revision, status: progress.outcome, decidedAt: now, reason: reason ?? null, needsAttention: false }).where(eq(approvalRequests.id, requestId));
  if (progress.outcome !== 'approved') {
    // Rejected or returned: the transition is not taken; the ticket stays at the stage it asked from.
    await tx.update(processInstances).set({ approvalRequestId: null, revision: sql`${processInstances.revision} + 1` }).where(eq(processInstances.id, request.instanceId));
    return { status: progress.outcome, revision };
  }
  const moved = await takeApprovedTransition(tx, database, deps, request, actor);
  return { status: 'approved', revision, stages: moved.stages };
}

/** The approved transition, taken from the stage it was asked at, by the final approver, for the requester (who stays the stage's actor). */
async function takeApprovedTransition(tx: Tx, database: Database, deps: TransitionDeps, request: RequestRow, actor: Actor) {
  const [instance] = await tx.select().from(processInstances).where(eq(processInstances.id, request.instanceId)).for('update');
  if (!instance || instance.status !== 'running' || instance.approvalRequestId !== request.id) throw new Conflict('workflow.instance.not_running');
  const { definition, conditions } = await loadVersion(tx, database.db, instance.processId, instance.version, () => processFields(tx, deps.readModels, deps.fieldTypes));
  const transition = definition.transitions.find((t) => t.id === request.transition);
  const tokens = await tx.select().from(processTokens).where(eq(processTokens.instanceId, instance.id));
  const token = tokens.find((candidate) => candidate.id === request.tokenId);
  if (!transition || !token) throw new Conflict('workflow.transition.not_available', { transition: request.transition });
  const ticket = await getTicketSnapshot(tx, instance.ticketId);
  if (!ticket) throw new NotFound('ticket.not_found');
  return moveAlong(tx, { instance, tokens, token, transition, definition, conditions, values: ticketValuesOf(ticket), written: [], leaverId: request.requestedBy, actorId: actor.id, actions: { database, deps: deps.actions } });
}
