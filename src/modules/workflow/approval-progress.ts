/**
 * Where an approval stands after its steps changed (pure). `needed` approvals decide it; it fails
 * as soon as the approvals given plus the steps still open cannot reach `needed` (countersign and
 * chain need every step, so one rejection ends them; n of m fails when too many rejected; any
 * fails only when everyone rejected). A chain asks its next waiting step when none is pending.
 */
import type { ApprovalStepStatus } from './schema.js';

export type StepState = { id: string; position: number; status: ApprovalStepStatus };
export type ApprovalProgress = { outcome: 'pending' | 'approved' | 'rejected'; ask: string[] };

export function approvalProgress(request: { mode: string; needed: number }, steps: readonly StepState[]): ApprovalProgress {
  const approved = steps.filter((step) => step.status === 'approved').length;
  const open = steps.filter((step) => step.status === 'pending' || step.status === 'waiting');
  if (approved >= request.needed) return { outcome: 'approved', ask: [] };
  if (approved + open.length < request.needed) return { outcome: 'rejected', ask: [] };
  if (open.some((step) => step.status === 'pending')) return { outcome: 'pending', ask: [] };
  const next = [...open].sort((a, b) => a.position - b.position)[0];
  return { outcome: 'pending', ask: next ? [next.id] : [] };
}

/** The status a plan's step starts in: a chain asks its first approver only. */
export function initialStepStatus(mode: string, index: number): 'pending' | 'waiting' {
  return mode === 'chain' && index > 0 ? 'waiting' : 'pending';
}

/** Does adding a signer (加签) raise the number of approvals needed: yes where every approver must approve. */
export function signerRaisesNeeded(mode: string): boolean {
  return mode === 'single' || mode === 'chain' || mode === 'countersign';
}
