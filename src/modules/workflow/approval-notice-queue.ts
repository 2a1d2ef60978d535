import type { Tx } from '../../db/database.js';
import { enqueueJobs } from '../../jobs/queue.js';

/** The job that tells an approver they are asked (approval-notices.ts), queued with the step's ask or move. */
export const approvalNoticeJob = 'workflow.approval_notice';

/** Queues a notice per step, in the transaction that asked or moved it; the job notifies whoever the step is pending for then. */
export async function queueApprovalNotices(tx: Tx, stepIds: readonly string[]): Promise<void> {
  if (!stepIds.length) return;
  await enqueueJobs(tx, stepIds.map((stepId) => ({ type: approvalNoticeJob, payload: { stepId }, dedupeKey: `${approvalNoticeJob}:${stepId}` })));
}
