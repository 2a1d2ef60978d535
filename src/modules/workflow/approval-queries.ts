import { and, asc, eq, gt, inArray, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import type { Actor } from '../auth/index.js';
import { filterVisibleTicketIds, findTicketBriefs } from '../tickets/index.js';
import { approvalRequests, approvalSteps } from './schema.js';

const requestColumns = {
  requestId: approvalRequests.id,
  ticketId: approvalRequests.ticketId,
  processId: approvalRequests.processId,
  transition: approvalRequests.transition,
  fromStage: approvalRequests.fromStage,
  mode: approvalRequests.mode,
  revision: approvalRequests.revision,
  requestedBy: approvalRequests.requestedBy,
  requestedAt: approvalRequests.requestedAt,
  needsAttention: approvalRequests.needsAttention,
  attention: approvalRequests.attention,
};

type Page = { limit: number; cursor?: string };

/**
 * 待我审批: the requests with a step pending for me, oldest ask first, keyset pages on the partial
 * index `approval_steps_pending_idx (approver_id, asked_at, id) where status = 'pending'`, so a
 * page costs the same at 10 000 running instances. Only tickets I may see.
 */
export async function listMyApprovals(db: Db, actor: Actor, page: Page) {
  const after = parseCursor(page.cursor);
  const rows = await db
    .select({ stepId: approvalSteps.id, askedAt: approvalSteps.askedAt, delegatedFrom: approvalSteps.delegatedFrom, ...requestColumns })
    .from(approvalSteps)
    .innerJoin(approvalRequests, eq(approvalRequests.id, approvalSteps.requestId))
    .where(and(eq(approvalSteps.approverId, actor.id), eq(approvalSteps.status, 'pending'), after && or(gt(approvalSteps.askedAt, after.at), and(eq(approvalSteps.askedAt, after.at), gt(approvalSteps.id, after.id)))))
    .orderBy(asc(approvalSteps.askedAt), asc(approvalSteps.id))
    .limit(page.limit + 1);
  const items = rows.slice(0, page.limit);
  const visible = await filterVisibleTicketIds(db, actor, [...new Set(items.map((row) => row.ticketId))]);
  const briefs = await findTicketBriefs(db, [...visible]);
  const last = items.at(-1);
  return {
    items: items.filter((row) => visible.has(row.ticketId)).map(({ stepId: _step, askedAt, ...row }) => ({ ...row, askedAt: askedAt!, ticketNumber: briefs.get(row.ticketId)?.number ?? null, ticketSubject: briefs.get(row.ticketId)?.subject ?? null })),
    nextCursor: rows.length > page.limit && last ? `${last.askedAt!.toISOString()}_${last.stepId}` : null,
  };
}

/** The pending requests flagged 需要处理 (an approver left without a lead, nobody found), oldest first: for admins. */
export async function listApprovalsNeedingAttention(db: Db, page: Page) {
  const after = parseCursor(page.cursor);
  const rows = await db
    .select({ ...requestColumns, askedAt: approvalRequests.requestedAt, delegatedFrom: sql<string | null>`null` })
    .from(approvalRequests)
    .where(and(eq(approvalRequests.needsAttention, true), eq(approvalRequests.status, 'pending'), after && or(gt(approvalRequests.requestedAt, after.at), and(eq(approvalRequests.requestedAt, after.at), gt(approvalRequests.id, after.id)))))
    .orderBy(asc(approvalRequests.requestedAt), asc(approvalRequests.id))
    .limit(page.limit + 1);
  const items = rows.slice(0, page.limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > page.limit && last ? `${last.requestedAt.toISOString()}_${last.requestId}` : null };
}

/** A ticket's approval requests, oldest first, each with every step in order. */
export async function listTicketApprovals(db: Db, ticketId: string) {
  const requests = await db.select().from(approvalRequests).where(eq(approvalRequests.ticketId, ticketId)).orderBy(asc(approvalRequests.requestedAt), asc(approvalRequests.id));
  const steps = requests.length ? await db.select().from(approvalSteps).where(inArray(approvalSteps.requestId, requests.map((r) => r.id))).orderBy(asc(approvalSteps.position), asc(approvalSteps.id)) : [];
  return requests.map((request) => ({
    id: request.id,
    processId: request.processId,
    version: request.version,
    transition: request.transition,
    fromStage: request.fromStage,
    mode: request.mode,
    needed: request.needed,
    tier: request.tier,
    status: request.status,
    needsAttention: request.needsAttention,
    attention: request.attention,
    revision: request.revision,
    requestedBy: request.requestedBy,
    requestedAt: request.requestedAt,
    decidedAt: request.decidedAt,
    reason: request.reason,
    steps: steps
      .filter((step) => step.requestId === request.id)
      .map((step) => ({ id: step.id, position: step.position, approverId: step.approverId, status: step.status, askedAt: step.askedAt, decidedAt: step.decidedAt, reason: step.reason, delegatedFrom: step.delegatedFrom, reassignedFrom: step.reassignedFrom, addedBy: step.addedBy })),
  }));
}

/** Keyset after `<ISO time>_<id>`; anything else starts from the beginning. */
function parseCursor(cursor: string | undefined): { at: Date; id: string } | undefined {
  if (!cursor) return undefined;
  const [at, id] = cursor.split('_');
  const when = new Date(at ?? '');
  return id && /^[0-9a-f-]{36}$/i.test(id) && !Number.isNaN(when.getTime()) ? { at: when, id } : undefined;
}
