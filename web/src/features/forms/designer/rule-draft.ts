import { operatorsFor, valueShape } from '../../../../../src/conditions/operators.ts';
import type { Operator } from '../../../../../src/conditions/types.ts';
import type { FormRule, RuleEffect } from '../../../../../src/forms/definition.ts';

/**
 * The rule builder's model of a form rule (表单联动): "当 [conditions, all or any] 则 [effects]".
 * It writes src/forms/definition.ts rules whose `when` is a condition-language tree; a rule whose
 * tree the builder cannot show (nested groups written through the API) stays as it is and is
 * shown read-only.
 */
export type LeafDraft = { field: string; op: Operator; value?: unknown };
export type RuleDraft = { id: string; label?: string; match: 'all' | 'any'; conditions: LeafDraft[]; effects: RuleEffect[] };

export const effectKinds = ['show', 'hide', 'require', 'read_only', 'options', 'default', 'set', 'compute'] as const satisfies ReadonlyArray<RuleEffect['effect']>;

/** Operators a form rule may use: a form has no "before" value and no calendar. */
export function formOperatorsFor(type: Parameters<typeof operatorsFor>[0]): Operator[] {
  return operatorsFor(type).filter((op) => !op.startsWith('changed') && op !== 'within_business_hours');
}

export function ruleOfDraft(draft: RuleDraft): FormRule {
  const leaves = draft.conditions.map(({ field, op, value }) => (value === undefined ? { field, op } : { field, op, value }));
  const when = leaves.length === 0 ? undefined : leaves.length === 1 ? leaves[0] : { [draft.match]: leaves };
  return { id: draft.id, ...(draft.label ? { label: draft.label } : {}), ...(when ? { when } : {}), then: draft.effects };
}

function isLeaf(node: unknown): node is LeafDraft {
  return !!node && typeof node === 'object' && typeof (node as LeafDraft).field === 'string' && typeof (node as LeafDraft).op === 'string';
}

/** The builder's view of a stored rule, or undefined when its tree nests deeper than the builder shows. */
export function draftOfRule(rule: FormRule): RuleDraft | undefined {
  const base = { id: rule.id, ...(rule.label ? { label: rule.label } : {}), effects: rule.then };
  const when = rule.when as Record<string, unknown> | undefined;
  if (when === undefined) return { ...base, match: 'all', conditions: [] };
  if (isLeaf(when)) return { ...base, match: 'all', conditions: [when] };
  for (const match of ['all', 'any'] as const) {
    const items = when[match];
    if (Array.isArray(items) && Object.keys(when).length === 1 && items.every(isLeaf)) return { ...base, match, conditions: items };
  }
  return undefined;
}

/**
 * What a fresh condition row holds after its field or operator changes: values of one field mean
 * nothing for another. `operatorsOf`: the operators of the place (a form's by default; an event
 * rule's are all of them).
 */
export function resetLeaf(field: string, type: Parameters<typeof operatorsFor>[0], op?: Operator, operatorsOf: (type: Parameters<typeof operatorsFor>[0]) => readonly Operator[] = formOperatorsFor): LeafDraft {
  const allowed = operatorsOf(type);
  const chosen = op && allowed.includes(op) ? op : allowed[0]!;
  const shape = valueShape(type, chosen);
  if (shape === 'none') return { field, op: chosen };
  if (shape === 'list') return { field, op: chosen, value: [] };
  if (type === 'boolean') return { field, op: chosen, value: true };
  return { field, op: chosen };
}

export function nextRuleId(rules: readonly FormRule[]): string {
  const taken = new Set(rules.map((rule) => rule.id));
  let n = rules.length + 1;
  while (taken.has(`rule_${n}`)) n += 1;
  return `rule_${n}`;
}
