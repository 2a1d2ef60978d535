import type { ConditionField, PolicyConditions } from './policy-model.js';

/**
 * What a policy's conditions are matched against: a ticket and its customer, as plain values.
 * Fields that can hold several values are lists: a category counts with its ancestors (a policy
 * for 硬件 covers 打印机 under it), and an organisation may hold several contracts.
 */
export type TicketFacts = {
  priority: string;
  /** The ticket's category and its ancestors, in any order; empty when it has none. */
  categoryPath: readonly string[];
  customerTier: string | null;
  channel: string;
  organizationId: string | null;
  /** Types of the customer's contracts in force; empty when none. */
  contractTypes: readonly string[];
};

export type SelectablePolicy = { id: string; position: number; active: boolean; conditions: PolicyConditions };

function factValues(facts: TicketFacts, field: ConditionField): readonly (string | null)[] {
  switch (field) {
    case 'priority':
      return [facts.priority];
    case 'categoryId':
      return facts.categoryPath;
    case 'customerTier':
      return [facts.customerTier];
    case 'channel':
      return [facts.channel];
    case 'organizationId':
      return [facts.organizationId];
    case 'contractType':
      return facts.contractTypes;
    default:
      return [];
  }
}

/** Whether one stored condition holds. Anything malformed (hand-edited JSON) does not hold. */
function holds(condition: unknown, facts: TicketFacts): boolean {
  if (!condition || typeof condition !== 'object') return false;
  const { field, op, values } = condition as { field?: unknown; op?: unknown; values?: unknown };
  if (typeof field !== 'string' || !Array.isArray(values)) return false;
  const wanted = new Set(values);
  const present = factValues(facts, field as ConditionField).some((value) => value !== null && wanted.has(value));
  if (op === 'in') return present;
  if (op === 'not_in') return !present;
  return false;
}

export function conditionsMatch(conditions: PolicyConditions, facts: TicketFacts): boolean {
  const all: unknown = (conditions as { all?: unknown } | null)?.all;
  return Array.isArray(all) && all.every((condition) => holds(condition, facts));
}

/**
 * The policy that applies to a ticket: the first active one, by position, whose conditions all
 * hold; null means "no SLA" (no timers), which is a normal outcome, never an error. Ties in
 * position (never stored, but cheap to make deterministic) are broken by id.
 */
export function selectPolicy<P extends SelectablePolicy>(policies: readonly P[], facts: TicketFacts): P | null {
  const ordered = [...policies].sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return ordered.find((policy) => policy.active && conditionsMatch(policy.conditions, facts)) ?? null;
}
