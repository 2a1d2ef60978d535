import { z } from 'zod';
import type { AppContext, AppServer } from '../../app/context.js';
import { Forbidden } from '../../app/errors.js';
import { actorOf } from '../../app/http/request-context.js';
import { can } from '../auth/index.js';
import { getVisibleTicket } from '../tickets/index.js';
import { addSigner, reassignApproval } from './approval-changes.js';
import { decideApproval } from './approval-decisions.js';
import { transitionDepsOf } from './take-transition.js';
import { clearApprovalDelegate, getApprovalDelegate, setApprovalDelegate } from './approval-delegates.js';
import { listApprovalsNeedingAttention, listMyApprovals, listTicketApprovals } from './approval-queries.js';

const tags = ['workflow'];
const idParams = z.object({ id: z.uuid() });
const revision = z.number().int().min(1).optional().describe('The request\'s `revision` the client saw: 409 `workflow.approval.revision_mismatch` when it moved meanwhile.');
const cursor = z.string().regex(/^\d{4}-\d\d-\d\dT[\d:.]+Z_[0-9a-f-]{36}$/i, 'workflow.approval.invalid_cursor').optional().describe('`nextCursor` of the previous page.');
const listItem = z.object({
  requestId: z.string(), ticketId: z.string(), ticketNumber: z.string().nullable().optional().describe('待我审批 only.'), ticketSubject: z.string().nullable().optional().describe('待我审批 only.'), processId: z.string(), transition: z.string(), fromStage: z.string(), mode: z.string(), revision: z.number().int(),
  requestedBy: z.string(), requestedAt: z.date(), askedAt: z.date(), delegatedFrom: z.string().nullable(), needsAttention: z.boolean(), attention: z.array(z.string()),
});
const stepOut = z.object({ id: z.string(), position: z.number().int(), approverId: z.string(), status: z.string(), askedAt: z.date().nullable(), decidedAt: z.date().nullable(), reason: z.string().nullable(), delegatedFrom: z.string().nullable(), reassignedFrom: z.string().nullable(), addedBy: z.string().nullable() });
const requestOut = z.object({
  id: z.string(), processId: z.string(), version: z.number().int(), transition: z.string(), fromStage: z.string(), mode: z.string(), needed: z.number().int(), tier: z.number().int().nullable(),
  status: z.string(), needsAttention: z.boolean(), attention: z.array(z.string()), revision: z.number().int(), requestedBy: z.string(), requestedAt: z.date(), decidedAt: z.date().nullable(), reason: z.string().nullable(), steps: z.array(stepOut),
});
const delegateOut = z.object({ userId: z.string(), from: z.date(), until: z.date() });

/** Approvals at run time (审批, issue 19 §2): 待我审批, decisions, 加签, an admin's reassignment, a ticket's history, my substitute. */
export function registerApprovalRoutes(app: AppServer, context: AppContext): void {
  const { database } = context;
  const deps = transitionDepsOf(context);

  app.get('/api/v1/approvals', {
    config: { permission: 'tickets.read' },
    schema: {
      tags, summary: '待我审批 Approvals waiting for me',
      description: '`mine=1` (the default): requests with a step pending for me (or delegated to me), oldest first, only tickets I may see. `attention=1` (admins, `processes.manage`): pending requests flagged 需要处理 — an approver left without a lead, or nobody could be found. Keyset pages: pass `cursor` = `nextCursor`.',
      querystring: z.object({ mine: z.enum(['1', 'true']).optional(), attention: z.enum(['1', 'true']).optional(), limit: z.coerce.number().int().min(1).max(100).default(50), cursor }),
      response: { 200: z.object({ items: z.array(listItem), nextCursor: z.string().nullable() }) },
    },
  }, async (request) => {
    const actor = actorOf(request);
    const { attention, limit, cursor: after } = request.query;
    if (!attention) return listMyApprovals(database.db, actor, { limit, cursor: after });
    if (!can(actor, 'processes.manage')) throw new Forbidden('auth.forbidden');
    return listApprovalsNeedingAttention(database.db, { limit, cursor: after });
  });

  app.post('/api/v1/approvals/:id/decisions', {
    config: { permission: 'tickets.read' },
    schema: {
      tags, summary: '审批决定 Decide an approval',
      description: 'By an approver with a step pending (or their substitute today): `approve`; `reject` (reason required: the transition is not taken, the ticket stays at its stage); `return` for changes (reason required: ends the request at once). When the plan is satisfied the transition is taken in the same transaction (cause `process:<id>`). 403 `workflow.approval.not_approver`; 409 `workflow.approval.not_pending` when it was decided meanwhile.',
      params: idParams,
      body: z.strictObject({ decision: z.enum(['approve', 'reject', 'return']), reason: z.string().max(2000).optional(), expectedRevision: revision }),
      response: { 200: z.object({ status: z.enum(['pending', 'approved', 'rejected', 'returned']), revision: z.number().int(), stages: z.array(z.string()).optional() }) },
    },
  }, async (request) => decideApproval(database, deps, actorOf(request), request.params.id, request.body));

  app.post('/api/v1/approvals/:id/signers', {
    config: { permission: 'tickets.read' },
    schema: {
      tags, summary: '加签 Add a signer',
      description: 'By a pending approver or an admin. In a chain the signer is asked right after the one who added them; in single, chain and countersign their approval is needed too; in any and n of m they join the pool.',
      params: idParams,
      body: z.strictObject({ userId: z.uuid(), expectedRevision: revision }),
      response: { 200: z.object({ revision: z.number().int() }) },
    },
  }, async (request) => addSigner(database, actorOf(request), request.params.id, request.body, context.clock.now()));

  app.post('/api/v1/approvals/:id/reassign', {
    config: { permission: 'processes.manage' },
    schema: {
      tags, summary: '转交审批 Reassign an approver\'s steps (admins)',
      description: 'Gives the open steps of `from` to `to`; a request with no open step (nobody was found) asks `to`. Clears 需要处理 when every open step has an active approver.',
      params: idParams,
      body: z.strictObject({ from: z.uuid().optional(), to: z.uuid(), expectedRevision: revision }),
      response: { 200: z.object({ revision: z.number().int() }) },
    },
  }, async (request) => reassignApproval(database, actorOf(request), request.params.id, request.body, context.clock.now()));

  app.get('/api/v1/tickets/:id/approvals', {
    config: { permission: 'tickets.read' },
    schema: {
      tags, summary: '工单的审批记录 A ticket\'s approvals',
      description: 'Every approval request of the ticket, oldest first, with each step: approver, status, when asked and decided, the reason, and whom it was delegated or reassigned from.',
      params: z.object({ id: z.string().min(1).max(64) }),
      response: { 200: z.object({ items: z.array(requestOut) }) },
    },
  }, async (request) => {
    const ticket = await getVisibleTicket(database.db, actorOf(request), request.params.id);
    return { items: await listTicketApprovals(database.db, ticket.id) };
  });

  app.get('/api/v1/me/approval-delegate', {
    config: { permission: 'profile.self' },
    schema: { tags, summary: '我的代理审批人 My substitute', response: { 200: z.object({ delegate: delegateOut.nullable() }) } },
  }, async (request) => ({ delegate: await getApprovalDelegate(database.db, actorOf(request)) }));

  app.put('/api/v1/me/approval-delegate', {
    config: { permission: 'profile.self' },
    schema: {
      tags, summary: '设置代理审批人 Set my substitute while away',
      description: 'Approvals asked of me in [from, until) go to `userId` (when the approval allows delegation), recorded as delegated; they may also decide steps still pending for me then.',
      body: z.strictObject({ userId: z.uuid(), from: z.coerce.date(), until: z.coerce.date() }),
      response: { 200: delegateOut },
    },
  }, async (request) => setApprovalDelegate(database, actorOf(request), request.body));

  app.delete('/api/v1/me/approval-delegate', {
    config: { permission: 'profile.self' },
    schema: { tags, summary: '取消代理审批人 Clear my substitute', response: { 204: z.null() } },
  }, async (request, reply) => {
    await clearApprovalDelegate(database, actorOf(request));
    return reply.status(204).send(null);
  });
}
