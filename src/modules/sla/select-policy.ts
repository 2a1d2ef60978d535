import { builtinConditionFields, conditionFieldLookup, type SlaConditionField } from './condition-fields.js';
import type { PolicyConditions } from './policy-model.js';
import { checkPolicyConditions, conditionsHold, type StoredCondition } from './policy-conditions.js';

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
  /** The ticket's other registry fields by condition key: team, assignee, requester, tags, created, type, and custom values as `fields.<key>`. */
  fields?: Readonly<Record<string, unknown>>;
  /** The custom fields conditions may name (`fields.<key>` with its type); a condition on a custom field not listed here does not hold. */
  customFields?: readonly SlaConditionField[];
};

export type SelectablePolicy = { id: string; position: number; active: boolean; conditions: PolicyConditions };

/** The facts by condition key, as the condition language reads them. */
export function factValues(facts: TicketFacts): Record<string, unknown> {
  return {
    ...facts.fields,
    priority: facts.priority,
    categoryId: facts.categoryPath,
    customerTier: facts.customerTier,
    channel: facts.channel,
    organizationId: facts.organizationId,
    contractType: facts.contractTypes,
  };
}

const isStoredCondition = (condition: unknown): condition is StoredCondition => {
  if (!condition || typeof condition !== 'object') return false;
  const { field, op, values } = condition as Record<string, unknown>;
  return typeof field === 'string' && typeof op === 'string' && Array.isArray(values) && values.every((v) => ['string', 'number', 'boolean'].includes(typeof v));
};

type Lookup = (key: string) => SlaConditionField | undefined;

function matches(conditions: PolicyConditions, values: Readonly<Record<string, unknown>>, fields: Lookup): boolean {
  const all: unknown = (conditions as { all?: unknown } | null)?.all;
  // Anything malformed (hand-edited JSON, a field since deleted) does not hold; it never throws.
  if (!Array.isArray(all) || !all.every(isStoredCondition)) return false;
  const checked = checkPolicyConditions(all, fields);
  return checked.ok && conditionsHold(checked.condition, values);
}

const lookupFor = (facts: TicketFacts): Lookup => conditionFieldLookup([...builtinConditionFields(), ...(facts.customFields ?? [])]);

export function conditionsMatch(conditions: PolicyConditions, facts: TicketFacts): boolean {
  return matches(conditions, factValues(facts), lookupFor(facts));
}

/**
 * The policy that applies to a ticket: the first active one, by position, whose conditions all
 * hold; null means "no SLA" (no timers), which is a normal outcome, never an error. Ties in
 * position (never stored, but cheap to make deterministic) are broken by id.
 */
export function selectPolicy<P extends SelectablePolicy>(policies: readonly P[], facts: TicketFacts): P | null {
  const ordered = [...policies].sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const values = factValues(facts);
  const fields = lookupFor(facts);
  return ordered.find((policy) => policy.active && matches(policy.conditions, values, fields)) ?? null;
}

/** Whether any of these policies names a custom field (then selecting needs the registry's custom fields). */
export function namesCustomFields(policies: readonly SelectablePolicy[]): boolean {
  return policies.some((policy) => {
    const all: unknown = (policy.conditions as { all?: unknown } | null)?.all;
    return Array.isArray(all) && all.some((condition) => isStoredCondition(condition) && condition.field.startsWith('fields.'));
  });
}
