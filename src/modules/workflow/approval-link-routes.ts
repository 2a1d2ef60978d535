import { z } from 'zod';
import type { AppContext, AppServer } from '../../app/context.js';
import { readApprovalLink, useApprovalLink } from './approval-links.js';
import { transitionDepsOf } from './take-transition.js';

const tags = ['workflow'];
// 32 random bytes in base64url are 43 characters; anything else names no link.
const tokenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'workflow.approval_link.not_found') });
const linkView = z.object({
  decision: z.enum(['approve', 'reject']),
  approverName: z.string(),
  ticketNumber: z.string().nullable(),
  ticketSubject: z.string().nullable(),
  transition: z.object({ 'zh-CN': z.string(), en: z.string().optional() }),
  mode: z.string(),
  expiresAt: z.date(),
});

/**
 * The approver's signed one-time links (同意 / 驳回 from their email, issue 19 §2): no session, the
 * link is the credential. The console's /approve/<token> page reads it and decides with the POST.
 */
export function registerApprovalLinkRoutes(app: AppServer, context: AppContext): void {
  const { database, clock } = context;
  const deps = transitionDepsOf(context);

  app.get('/api/v1/approval-links/:token', {
    config: { permission: 'public' },
    schema: {
      tags, summary: '审批链接 What an approval link decides',
      description: 'The decision the link makes, on which ticket and transition, for which approver, until when. Decides nothing (mail scanners fetch links). 404 `workflow.approval_link.not_found`; 410 `workflow.approval_link.used`, `.expired`, or `.void` (the step is no longer pending for this approver: decided, delegated, reassigned, or the request ended).',
      params: tokenParams,
      response: { 200: linkView },
    },
  }, async (request) => readApprovalLink(database.db, request.params.token, clock.now()));

  app.post('/api/v1/approval-links/:token', {
    config: { permission: 'public' },
    schema: {
      tags, summary: '通过链接审批 Decide through an approval link',
      description: 'Once: the decision must be the link\'s own (400 at `decision`); a rejection needs `reason`. Decided as the approver would in the console, audited with channel `link`; the same 404 and 410 problems as the GET, and a second use is 410 `workflow.approval_link.used`.',
      params: tokenParams,
      body: z.strictObject({ decision: z.enum(['approve', 'reject']), reason: z.string().max(2000).optional() }),
      response: { 200: z.object({ status: z.enum(['pending', 'approved', 'rejected', 'returned']), revision: z.number().int(), stages: z.array(z.string()).optional() }) },
    },
  }, async (request) => useApprovalLink(database, deps, request.params.token, request.body, clock.now()));
}
