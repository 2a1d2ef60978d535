import type { LeafDraft } from '../forms/designer/rule-draft.ts';
import { operators, type Operator } from '../../../../src/conditions/types.ts';

/** A rule's condition as the editor's rows show it: all or any of flat leaves. */
export type ConditionDraft = { match: 'all' | 'any'; conditions: LeafDraft[] };

const isOperator = (value: unknown): value is Operator => typeof value === 'string' && (operators as readonly string[]).includes(value);

function leafOf(node: unknown): LeafDraft | null {
  if (!node || typeof node !== 'object' || !('field' in node) || !('op' in node)) return null;
  const { field, op } = node;
  if (typeof field !== 'string' || !isOperator(op)) return null;
  return 'value' in node ? { field, op, value: node.value } : { field, op };
}

/** The rows of a stored condition, or null when it nests groups the rows cannot show (kept as it is). */
export function draftOfCondition(condition: unknown): ConditionDraft | null {
  const leaf = leafOf(condition);
  if (leaf) return { match: 'all', conditions: [leaf] };
  if (!condition || typeof condition !== 'object') return null;
  const entries = Object.entries(condition);
  if (entries.length !== 1) return null;
  const [match, items] = entries[0]!;
  if ((match !== 'all' && match !== 'any') || !Array.isArray(items)) return null;
  const leaves = items.map(leafOf);
  return leaves.every((item): item is LeafDraft => item !== null) ? { match, conditions: leaves } : null;
}

/** The condition-language tree of the rows (`{all: []}` holds always). */
export function conditionOfDraft(draft: ConditionDraft): Record<string, unknown> {
  return { [draft.match]: draft.conditions.map(({ field, op, value }) => (value === undefined ? { field, op } : { field, op, value })) };
}
