/** Which approval plan applies to a ticket's values: a fixed plan, or the tier its amount falls in. */
import { compareDecimal } from '../conditions/values.js';
import type { Approval, ApprovalPlan } from './definition.js';

export type ChosenPlan = { ok: true; plan: ApprovalPlan; tier: number | null } | { ok: false; missingField: string };

export function approvalPlanFor(approval: Approval, values: Readonly<Record<string, unknown>>): ChosenPlan {
  if (approval.kind === 'fixed') return { ok: true, plan: approval, tier: null };
  const raw = values[approval.field];
  const amount = typeof raw === 'number' && Number.isFinite(raw) ? String(raw) : typeof raw === 'string' && /^-?\d+(\.\d+)?$/.test(raw) ? raw : undefined;
  if (amount === undefined) return { ok: false, missingField: approval.field };
  const index = approval.tiers.findIndex((tier) => tier.upTo === null || compareDecimal(amount, tier.upTo) <= 0);
  // validate() makes the last tier open, so a value above every bound lands there; an unvalidated one falls to the last.
  const tier = index === -1 ? approval.tiers.length - 1 : index;
  return { ok: true, plan: approval.tiers[tier] as ApprovalPlan, tier };
}

/** How many approvals decide a plan whose approvers resolved to `resolved` people (chain: all, in order). */
export function approvalsNeeded(plan: ApprovalPlan, resolved: number): number {
  switch (plan.mode) {
    case 'single':
    case 'any':
      return Math.min(1, resolved);
    case 'chain':
    case 'countersign':
      return resolved;
    case 'n_of_m':
      return Math.min(plan.n ?? 1, resolved);
  }
}
