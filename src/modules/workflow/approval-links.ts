import { createHash, randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { Gone, invalidField, NotFound } from '../../app/errors.js';
import type { Database, Db, Tx } from '../../db/database.js';
import { loadActor, type Actor } from '../auth/index.js';
import { findTicketBriefs } from '../tickets/index.js';
import { decideInside, type DecisionResult } from './approval-decisions.js';
import { approvalLinks, approvalRequests, approvalSteps, processVersions } from './schema.js';
import type { TransitionDeps } from './take-transition.js';

/**
 * Signed one-time approval links (issue 19 §2): 同意 / 驳回 from the approver's email without
 * signing in. A token is 32 random bytes (base64url); only its SHA-256 is stored, bound to one step,
 * its approver and one decision, with an expiry. It is spent by its first use (410 after), and void
 * (410) once its step is no longer pending for that approver: decided in the console, by a
 * substitute, moved to someone else, or the request ended.
 */
export type LinkDecision = 'approve' | 'reject';
export type MintedLink = { decision: LinkDecision; token: string };

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

/** New links for a step pending for `approverId`, one per decision, valid for `hours` from `now`. */
export async function mintApprovalLinks(tx: Tx, step: { id: string; requestId: string; approverId: string }, now: Date, hours: number): Promise<MintedLink[]> {
  const expiresAt = new Date(now.getTime() + hours * 3_600_000);
  const links = (['approve', 'reject'] as const).map((decision) => ({ decision, token: randomBytes(32).toString('base64url') }));
  await tx.insert(approvalLinks).values(links.map((link) => ({ id: uuidv7(), tokenHash: hashOf(link.token), requestId: step.requestId, stepId: step.id, approverId: step.approverId, decision: link.decision, createdAt: now, expiresAt })));
  return links;
}

type LinkRow = typeof approvalLinks.$inferSelect;

/** The link a token names, still usable at `now`, with its approver: 404 unknown, 410 used, expired or void. */
async function usableLink(db: Db, token: string, now: Date, lock: boolean): Promise<{ link: LinkRow; approver: Actor }> {
  const query = db.select().from(approvalLinks).where(eq(approvalLinks.tokenHash, hashOf(token)));
  const [link] = lock ? await query.for('update') : await query;
  if (!link) throw new NotFound('workflow.approval_link.not_found');
  if (link.usedAt) throw new Gone('workflow.approval_link.used');
  if (link.expiresAt.getTime() <= now.getTime()) throw new Gone('workflow.approval_link.expired');
  const [step] = await db
    .select({ status: approvalSteps.status, approverId: approvalSteps.approverId, requestStatus: approvalRequests.status })
    .from(approvalSteps)
    .innerJoin(approvalRequests, eq(approvalRequests.id, approvalSteps.requestId))
    .where(and(eq(approvalSteps.id, link.stepId), eq(approvalSteps.requestId, link.requestId)));
  const approver = await loadActor(db, link.approverId);
  if (!step || step.status !== 'pending' || step.requestStatus !== 'pending' || step.approverId !== link.approverId || !approver) throw new Gone('workflow.approval_link.void');
  return { link, approver };
}

/** What the confirm page shows: the decision the link makes, on which ticket and transition, for whom, until when. */
export type ApprovalLinkView = {
  decision: LinkDecision;
  approverName: string;
  ticketNumber: string | null;
  ticketSubject: string | null;
  transition: { 'zh-CN': string; en?: string };
  mode: string;
  expiresAt: Date;
};

export async function readApprovalLink(db: Db, token: string, now: Date): Promise<ApprovalLinkView> {
  const { link, approver } = await usableLink(db, token, now, false);
  const [request] = await db
    .select({ ticketId: approvalRequests.ticketId, transition: approvalRequests.transition, mode: approvalRequests.mode, definition: processVersions.definition })
    .from(approvalRequests)
    .innerJoin(processVersions, and(eq(processVersions.processId, approvalRequests.processId), eq(processVersions.version, approvalRequests.version)))
    .where(eq(approvalRequests.id, link.requestId));
  if (!request) throw new Gone('workflow.approval_link.void');
  const ticket = (await findTicketBriefs(db, [request.ticketId])).get(request.ticketId);
  const label = request.definition.transitions.find((transition) => transition.id === request.transition)?.label ?? { 'zh-CN': request.transition };
  return { decision: link.decision, approverName: approver.name, ticketNumber: ticket?.number ?? null, ticketSubject: ticket?.subject ?? null, transition: label, mode: request.mode, expiresAt: link.expiresAt };
}

/**
 * Decides through a link: the decision must be the link's own (400 at `decision`), a rejection
 * needs its reason (400 at `reason`). The approver decides as they would in the console (the
 * event's actor, audited with channel 'link'), and the link is spent in the same transaction.
 */
export async function useApprovalLink(database: Database, deps: TransitionDeps, token: string, body: { decision: LinkDecision; reason?: string }, now: Date): Promise<DecisionResult> {
  return database.transaction(async (tx) => {
    const { link, approver } = await usableLink(tx, token, now, true);
    if (body.decision !== link.decision) throw invalidField('decision', 'workflow.approval_link.wrong_decision', { decision: link.decision });
    const result = await decideInside(tx, database, deps, approver, link.requestId, { decision: body.decision, ...(body.reason !== undefined && { reason: body.reason }) }, { channel: 'link' });
    await tx.update(approvalLinks).set({ usedAt: now }).where(eq(approvalLinks.id, link.id));
    return result;
  });
}
