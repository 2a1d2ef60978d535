import type { components, paths } from '../../shared/api/schema';

export type Policy = components['schemas']['SlaPolicy'];
export type PolicyBody = NonNullable<paths['/api/v1/sla/policies']['post']['requestBody']>['content']['application/json'];
export type Condition = Policy['conditions']['all'][number];
export type ConditionField = Condition['field'];
export type EscalationStep = Policy['escalation'][number];
export type EscalationAction = EscalationStep['actions'][number];
export type TicketStatus = Policy['pauseStatuses'][number];
export type TargetKey = 'firstResponseMinutes' | 'nextResponseMinutes' | 'resolutionMinutes';
export type Targets = Record<string, Partial<Record<TargetKey, number>>>;

export const conditionFields: readonly ConditionField[] = ['priority', 'categoryId', 'customerTier', 'channel', 'organizationId', 'contractType'];
export const targetKeys: readonly TargetKey[] = ['firstResponseMinutes', 'nextResponseMinutes', 'resolutionMinutes'];
export const ticketStatuses: readonly TicketStatus[] = ['new', 'open', 'pending', 'resolved', 'closed'];

/** What the editor changes: a policy without the server's bookkeeping (id, position, version). */
export type PolicyDraft = {
  nameZh: string;
  nameEn: string;
  active: boolean;
  conditions: Condition[];
  targets: Targets;
  calendarId: string | null;
  pauseStatuses: TicketStatus[];
  warningPercent: number | null;
  escalation: EscalationStep[];
};

/** A new policy starts like the seeded default: pending pauses, warn at 80 %, tell assignee and supervisors at the breach. */
export function newPolicyDraft(): PolicyDraft {
  return {
    nameZh: '',
    nameEn: '',
    active: true,
    conditions: [],
    targets: {},
    calendarId: null,
    pauseStatuses: ['pending'],
    warningPercent: 80,
    escalation: [{ afterMinutes: 0, target: 'any', businessHoursOnly: true, actions: [{ type: 'notify', to: 'assignee' }, { type: 'notify', to: 'supervisors' }] }],
  };
}

export function draftOfPolicy(policy: Policy): PolicyDraft {
  return {
    nameZh: policy.nameZh,
    nameEn: policy.nameEn,
    active: policy.active,
    conditions: policy.conditions.all.map((condition) => ({ ...condition, values: [...condition.values] })),
    targets: Object.fromEntries(Object.entries(policy.targets).map(([priority, entry]) => [priority, { ...entry }])),
    calendarId: policy.calendarId,
    pauseStatuses: [...policy.pauseStatuses],
    warningPercent: policy.warningPercent,
    escalation: policy.escalation.map((step) => ({ ...step, actions: step.actions.map((action) => ({ ...action })) })),
  };
}

/** Targets without "no target" entries, so an emptied row is not sent (nor counted as a change). */
function cleanTargets(targets: Targets): Targets {
  const kept: Targets = {};
  for (const [priority, entry] of Object.entries(targets)) {
    const set = targetKeys.filter((key) => entry[key] !== undefined).map((key) => [key, entry[key]] as const);
    if (set.length) kept[priority] = Object.fromEntries(set);
  }
  return kept;
}

export function bodyOfDraft(draft: PolicyDraft): Omit<PolicyBody, 'position'> {
  return {
    nameZh: draft.nameZh.trim(),
    nameEn: draft.nameEn.trim(),
    active: draft.active,
    conditions: { all: draft.conditions },
    targets: cleanTargets(draft.targets),
    calendarId: draft.calendarId,
    pauseStatuses: draft.pauseStatuses,
    warningPercent: draft.warningPercent,
    escalation: draft.escalation,
  };
}

/** JSON with object keys sorted, so drafts compare by content whatever order the server sent keys in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v));
}

export function samePolicyDraft(a: PolicyDraft, b: PolicyDraft): boolean {
  return canonical(bodyOfDraft(a)) === canonical(bodyOfDraft(b));
}

/** Minutes as the hours and minutes the editor shows; undefined (no target) stays empty. */
export function splitMinutes(total: number | undefined): { hours: number | null; minutes: number | null } {
  if (total === undefined) return { hours: null, minutes: null };
  return { hours: Math.floor(total / 60), minutes: total % 60 };
}

/** Back to minutes; nothing or zero entered means no target. */
export function joinMinutes(hours: number | null, minutes: number | null): number | undefined {
  const total = (hours ?? 0) * 60 + (minutes ?? 0);
  return total > 0 ? Math.round(total) : undefined;
}

/** The ids in a new order with the one at `index` moved by `delta` (−1 up, +1 down); unchanged at the ends. */
export function moveId(ids: readonly string[], index: number, delta: -1 | 1): string[] {
  const target = index + delta;
  if (index < 0 || index >= ids.length || target < 0 || target >= ids.length) return [...ids];
  const next = [...ids];
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}

/** Active policies that can never apply because an active policy without conditions comes before them. */
export function unreachablePolicies(policies: readonly Pick<Policy, 'id' | 'position' | 'active' | 'conditions'>[]): Set<string> {
  const ordered = [...policies].sort((a, b) => a.position - b.position);
  const catchAll = ordered.findIndex((p) => p.active && p.conditions.all.length === 0);
  return new Set(catchAll < 0 ? [] : ordered.slice(catchAll + 1).filter((p) => p.active).map((p) => p.id));
}

/** Where a server error path points, for saying it in words (条件 1 取值 2) rather than `conditions.all.0.values.1`. */
export type PolicyPlace =
  | { kind: 'condition'; condition: number; value: number | null }
  | { kind: 'target'; priority: string; target: string | null }
  | { kind: 'step'; step: number; action: number | null }
  | { kind: 'field'; field: string };

export function policyPlaceOf(path: string): PolicyPlace {
  const parts = path.split('.');
  if (parts[0] === 'conditions' && parts[1] === 'all' && parts[2] !== undefined) {
    return { kind: 'condition', condition: Number(parts[2]), value: parts[3] === 'values' && parts[4] !== undefined ? Number(parts[4]) : null };
  }
  if (parts[0] === 'targets' && parts[1] !== undefined) return { kind: 'target', priority: parts[1], target: parts[2] ?? null };
  if (parts[0] === 'escalation' && parts[1] !== undefined) {
    return { kind: 'step', step: Number(parts[1]), action: parts[2] === 'actions' && parts[3] !== undefined ? Number(parts[3]) : null };
  }
  return { kind: 'field', field: parts[0] ?? path };
}
