import type { Tx } from '../../db/database.js';
import type { EscalationStep, PolicyConditions, PolicyTargets, PriorityTargets, TicketStatusKey } from './policy-model.js';
import type { PolicyRow } from './policies.js';
import { assertReferencesExist, type InstalledChannels } from './policy-references.js';
import type { ConditionTypes } from '../../forms/field-kinds.js';

/** A policy's editable state (everything but its id, position, version and timestamps). */
export type PolicyState = {
  nameZh: string;
  nameEn: string;
  active: boolean;
  conditions: PolicyConditions;
  targets: PolicyTargets;
  calendarId: string | null;
  pauseStatuses: TicketStatusKey[];
  warningPercent: number | null;
  escalation: EscalationStep[];
};

export const policyFields = ['nameZh', 'nameEn', 'active', 'conditions', 'targets', 'calendarId', 'pauseStatuses', 'warningPercent', 'escalation'] as const;

export function stateOfPolicy(row: PolicyRow): PolicyState {
  return Object.fromEntries(policyFields.map((field) => [field, row[field]])) as PolicyState;
}

/** A priority with no target at all is the same as no entry: store it as none. */
function withoutEmptyTargets(targets: PolicyTargets): PolicyTargets {
  const kept: PolicyTargets = {};
  for (const [priority, entry] of Object.entries(targets)) {
    const set = Object.entries(entry).filter(([, minutes]) => minutes !== undefined);
    if (set.length) kept[priority] = Object.fromEntries(set) as PriorityTargets;
  }
  return kept;
}

/**
 * Validate a policy as it will be stored (throws `Invalid` naming each bad field) and return it
 * ready to store. Steps are ordered by time only after validation, so error paths point at the
 * positions the client sent; the sort is stable, so steps at the same minute keep their order.
 * `channels`: the channels installed in the app, which conditions on `channel` may name; `types`:
 * its field types, by which conditions test custom fields.
 */
export async function validPolicyState(tx: Tx, state: PolicyState, channels: InstalledChannels, types: ConditionTypes): Promise<PolicyState> {
  await assertReferencesExist(tx, state, channels, types);
  return {
    ...state,
    calendarId: state.calendarId?.toLowerCase() ?? null,
    targets: withoutEmptyTargets(state.targets),
    escalation: [...state.escalation].sort((a, b) => a.afterMinutes - b.afterMinutes),
  };
}
