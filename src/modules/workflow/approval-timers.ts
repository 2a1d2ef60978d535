import type { Tx } from '../../db/database.js';
import type { Approval } from '../../workflow-model/definition.js';
import { startNamedTimer, stopNamedTimers } from '../sla/index.js';

/** The SLA module's name for one approver's wait (a step of a request). */
export const approvalTimerKey = (requestId: string, stepId: string) => `approval:${requestId}:${stepId}`;

/** `approval:<request>:<step>` read back; null for another owner's key. */
export function parseApprovalTimerKey(key: string): { requestId: string; stepId: string } | null {
  const [owner, requestId, stepId] = key.split(':');
  return owner === 'approval' && requestId && stepId ? { requestId, stepId } : null;
}

/** An approval's reminder and escalation in business minutes, frozen on its request when it is asked for. */
export function approvalTimingOf(approval: Approval): { reminderMinutes: number | null; escalateMinutes: number | null } {
  return { reminderMinutes: approval.reminderAfterHours ? approval.reminderAfterHours * 60 : null, escalateMinutes: approval.escalateAfterHours ? approval.escalateAfterHours * 60 : null };
}

export type TimedRequest = { id: string; ticketId: string; reminderMinutes?: number | null; escalateMinutes?: number | null };

/**
 * Each approver asked now gets a timer (issue 19 §2): it breaches at the escalation, warning first
 * at the reminder when both are set and the reminder comes first; with only one of them it
 * breaches at that one (approval-timer-firings.ts tells which is which from the request).
 */
export async function startApprovalTimers(tx: Tx, request: TimedRequest, steps: ReadonlyArray<{ id: string }>, at: Date): Promise<void> {
  const reminder = request.reminderMinutes ?? null;
  const escalate = request.escalateMinutes ?? null;
  const target = escalate ?? reminder;
  if (!target) return;
  const warnAfterMinutes = escalate && reminder && reminder < escalate ? reminder : undefined;
  for (const step of steps) await startNamedTimer(tx, { ticketId: request.ticketId, key: approvalTimerKey(request.id, step.id), targetMinutes: target, at, ...(warnAfterMinutes && { warnAfterMinutes }) });
}

/** Steps decided or closed stop waiting: their timers go in the same transaction. */
export async function stopApprovalTimers(tx: Tx, requestId: string, stepIds: readonly string[]): Promise<void> {
  await stopNamedTimers(tx, stepIds.map((id) => approvalTimerKey(requestId, id)));
}
