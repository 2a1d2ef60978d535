import type { FieldType, Operator } from './types.js';

/**
 * Which operators each field type takes. The evaluator and the SQL compiler implement exactly
 * these; the validator refuses any other pairing, so neither meets an operator it cannot judge.
 */
const equality: Operator[] = ['is', 'is_not'];
const membership: Operator[] = ['in', 'not_in'];
const emptiness: Operator[] = ['is_empty', 'is_not_empty'];
const ordering: Operator[] = ['gt', 'lt', 'gte', 'lte', 'between'];
const changes: Operator[] = ['changed', 'changed_from', 'changed_to'];

const byType: Record<FieldType, readonly Operator[]> = {
  text: [...equality, ...membership, 'contains', 'starts_with', ...emptiness, ...changes],
  number: [...equality, ...ordering, ...emptiness, ...changes],
  money: [...equality, ...ordering, ...emptiness, ...changes],
  date: [...equality, ...ordering, ...emptiness, ...changes],
  datetime: [...equality, ...ordering, 'within_business_hours', ...emptiness, ...changes],
  select: [...equality, ...membership, ...emptiness, ...changes],
  user: [...equality, ...membership, ...emptiness, ...changes],
  team: [...equality, ...membership, ...emptiness, ...changes],
  contact: [...equality, ...membership, ...emptiness, ...changes],
  organisation: [...equality, ...membership, ...emptiness, ...changes],
  // A set of values: `contains` = has all of the listed, `in` = has any of them, `not_in` = has none.
  multiselect: ['contains', ...membership, ...emptiness, ...changes],
  boolean: [...equality, ...emptiness, ...changes],
};

export function operatorsFor(type: FieldType): readonly Operator[] {
  return byType[type];
}

/** Operators that compare the value before a change with the value after; only event rules have both. */
export const changeOperators: readonly Operator[] = changes;

/** What a leaf's `value` must be for an operator. */
export type ValueShape = 'none' | 'one' | 'list' | 'pair' | 'calendar';

export function valueShape(type: FieldType, op: Operator): ValueShape {
  switch (op) {
    case 'is_empty':
    case 'is_not_empty':
    case 'changed':
      return 'none';
    case 'in':
    case 'not_in':
      return 'list';
    case 'between':
      return 'pair';
    case 'within_business_hours':
      return 'calendar';
    case 'contains':
    case 'changed_from':
    case 'changed_to':
      // On a set, "contains" and a change are about a list of options (all present / all added).
      return type === 'multiselect' ? 'list' : 'one';
    default:
      return 'one';
  }
}
