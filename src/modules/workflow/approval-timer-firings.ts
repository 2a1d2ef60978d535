import { eq } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Database, Tx } from '../../db/database.js';
import type { EnvelopeOf } from '../../jobs/event-definition.js';
import { recordEvent } from '../../jobs/events.js';
import type { JobRegistry } from '../../jobs/registry.js';
import type { ProcessAction } from '../../workflow-model/definition.js';
import { findTeamLead } from '../auth/index.js';
import { ActionFailed, runActionsFor } from '../automation/index.js';
import { slaNamedTimerBreached, slaNamedTimerWarning } from '../sla/index.js';
import { getTicketSnapshot, recordTicketActivity } from '../tickets/index.js';
import { parseApprovalTimerKey } from './approval-timers.js';
import { approvalNeedsAttention } from './events.js';
import type { ProcessActionDeps } from './process-actions.js';
import { approvalRequests, approvalSteps, processes } from './schema.js';

type Firing = EnvelopeOf<typeof slaNamedTimerWarning> | EnvelopeOf<typeof slaNamedTimerBreached>;
type RequestRow = typeof approvalRequests.$inferSelect;

/**
 * Jobs following the SLA module's named-timer events for approval keys (issue 19 §2): the
 * reminder (催办) tells the pending approver again; the escalation tells the lead of the ticket's
 * team and marks the request 需关注 (`approval_overdue`), on the timeline. A step decided or
 * closed meanwhile does nothing. Which firing is which: the warning is the reminder; the breach is
 * the escalation when the request has one, else the reminder (the only timing it has).
 */
export function registerApprovalTimerFirings(jobs: JobRegistry, database: Database, deps: ProcessActionDeps): void {
  const isApproval = (event: Firing) => parseApprovalTimerKey(event.payload.key) !== null;
  jobs.subscribe(slaNamedTimerWarning, 'workflow.approval_timer', (event, { log }) => onApprovalFiring(database, deps, event, 'warning', log), { when: isApproval });
  jobs.subscribe(slaNamedTimerBreached, 'workflow.approval_timer', (event, { log }) => onApprovalFiring(database, deps, event, 'breach', log), { when: isApproval });
}

async function onApprovalFiring(database: Database, deps: ProcessActionDeps, event: Firing, kind: 'warning' | 'breach', log: Logger): Promise<void> {
  const key = parseApprovalTimerKey(event.payload.key);
  if (!key) return;
  await database.transaction(async (tx) => {
    const [request] = await tx.select().from(approvalRequests).where(eq(approvalRequests.id, key.requestId)).for('update');
    const [step] = await tx.select().from(approvalSteps).where(eq(approvalSteps.id, key.stepId));
    if (!request || request.status !== 'pending' || !step || step.status !== 'pending') return;
    const escalates = kind === 'breach' && request.escalateMinutes !== null;
    const hours = Math.round((escalates ? request.escalateMinutes! : (request.reminderMinutes ?? event.payload.targetMinutes)) / 60);
    const action = escalates ? await escalation(tx, request, hours, deps.clock.now()) : reminder(step.approverId, hours);
    if (!action) return;
    const [process] = await tx.select({ name: processes.name }).from(processes).where(eq(processes.id, request.processId));
    const run = {
      ticketId: request.ticketId,
      actions: [action],
      cause: `process:${request.processId}` as const,
      actorId: null,
      trigger: event.type,
      actingAs: { id: request.processId, name: process?.name['zh-CN'] ?? request.processId },
      sourceKey: `approval_timer:${event.eventId}`,
    };
    try {
      await runActionsFor(tx, run, { ...deps, database });
    } catch (failure) {
      if (!(failure instanceof ActionFailed)) throw failure;
      log.warn({ key: event.payload.key, type: failure.type }, 'approval reminder: the notice was refused');
    }
  });
}

function reminder(approverId: string, hours: number): ProcessAction {
  const texts = { 'zh-CN': `一项审批已等待您 ${hours} 个工作小时，请尽快处理。`, en: `An approval has waited for you for ${hours} business hours.` };
  return { type: 'notify', recipients: { userIds: [approverId] }, texts };
}

/** The request needs attention (an admin may reassign it) and the ticket team's lead hears of it. */
async function escalation(tx: Tx, request: RequestRow, hours: number, at: Date): Promise<ProcessAction | null> {
  const attention = [...new Set([...request.attention, 'approval_overdue'])];
  await tx.update(approvalRequests).set({ needsAttention: true, attention, revision: request.revision + 1 }).where(eq(approvalRequests.id, request.id));
  const payload = { processId: request.processId, requestId: request.id, attention };
  await recordEvent(tx, approvalNeedsAttention, { aggregateId: request.ticketId, cause: `process:${request.processId}`, actorId: null, payload });
  await recordTicketActivity(tx, { ticketId: request.ticketId, type: 'process_approval', detail: { event: 'needs_attention', ...payload }, at });
  const teamId = (await getTicketSnapshot(tx, request.ticketId))?.teamId ?? null;
  const lead = teamId ? await findTeamLead(tx, teamId) : null;
  if (!lead) return null;
  const texts = { 'zh-CN': `一项审批已超过 ${hours} 个工作小时无人处理，请跟进。`, en: `An approval has waited more than ${hours} business hours; please follow it up.` };
  return { type: 'notify', recipients: { userIds: [lead] }, texts };
}
