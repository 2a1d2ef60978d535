import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { AppContext } from '../../app/context.js';
import { translate } from '../../app/i18n/catalogue.js';
import type { Tx } from '../../db/database.js';
import type { JobHandler } from '../../jobs/registry.js';
import { notifyStaff, type NotificationEmailLinks } from '../notifications/index.js';
import { mintApprovalLinks } from './approval-links.js';
export { approvalNoticeJob } from './approval-notice-queue.js';
import { approvalRequests, approvalSteps } from './schema.js';

/**
 * Telling an approver they are asked (issue 19 §2): a job per asked step, queued in the
 * transaction that asked (or moved) it, notifies whoever the step is pending for when it runs —
 * in the app, and by email when they chose email for process notices, with signed one-time
 * 同意 / 驳回 links minted as the mail goes (the notifications module asks for them through the
 * read model `notificationEmailLinks`). WeCom's and DingTalk's staff notices carry ticket events
 * only (channels' staffNotificationTriggers): no path there for a process notice yet.
 */
/** The key of a step's notice for its approver: a step moved to someone else notifies them too; a retried job nobody twice. */
const sourceKeyOf = (step: { id: string; approverId: string }) => `approval_step:${step.id}:${step.approverId}`;
const sourceKeyPattern = /^approval_step:([0-9a-f-]{36}):([0-9a-f-]{36})$/;

export function approvalNoticeHandler(context: AppContext): JobHandler {
  return async (payload, { database }) => {
    const { stepId } = z.object({ stepId: z.string() }).parse(payload);
    await database.transaction(async (tx) => {
      const step = await pendingStep(tx, stepId);
      if (!step) return; // decided or moved on meanwhile
      await notifyStaff(tx, {
        recipients: { userIds: [step.approverId] },
        kind: 'rule',
        ticketId: step.ticketId,
        message: { key: 'workflow.approval.notice', params: {} },
        cause: `process:${step.processId}`,
        sourceKey: sourceKeyOf(step),
        now: context.clock.now(),
        defaultTimeZone: context.config.OPENCSM_TIMEZONE,
      });
    });
  };
}

async function pendingStep(tx: Tx, stepId: string) {
  const [step] = await tx
    .select({ id: approvalSteps.id, requestId: approvalSteps.requestId, approverId: approvalSteps.approverId, ticketId: approvalSteps.ticketId, processId: approvalRequests.processId })
    .from(approvalSteps)
    .innerJoin(approvalRequests, eq(approvalRequests.id, approvalSteps.requestId))
    .where(and(eq(approvalSteps.id, stepId), eq(approvalSteps.status, 'pending'), eq(approvalRequests.status, 'pending')));
  return step;
}

/**
 * The 同意 / 驳回 links of an approval notice's email, minted now (valid OPENCSM_APPROVAL_LINK_HOURS
 * on the app's clock) for the step still pending for that reader; none without OPENCSM_PUBLIC_URL
 * (a link must name the server) or for any other notification. They open the console's
 * confirm page (/approve/<token>), which decides with a POST: a mail scanner's GET decides nothing.
 */
export function approvalEmailLinks(context: AppContext): NotificationEmailLinks {
  const { config, clock } = context;
  return async (database, notification, locale) => {
    const base = config.OPENCSM_PUBLIC_URL?.replace(/\/+$/, '');
    const [, stepId, approverId] = sourceKeyPattern.exec(notification.sourceKey) ?? [];
    if (!base || !stepId || approverId !== notification.userId) return [];
    const links = await database.transaction(async (tx) => {
      const step = await pendingStep(tx, stepId);
      return step && step.approverId === approverId ? mintApprovalLinks(tx, step, clock.now(), config.OPENCSM_APPROVAL_LINK_HOURS) : [];
    });
    return links.map((link) => ({ label: translate(locale, `workflow.approval_link.${link.decision}`), url: `${base}/approve/${link.token}` }));
  };
}
