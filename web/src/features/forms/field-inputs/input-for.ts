import type { FieldType as ConditionType } from '../../../../../src/conditions/types.ts';
import { isBuiltinFieldType, type CustomFieldType, type FieldTypeKey } from '../../../../../src/forms/definition.ts';

/**
 * Which built-in input a registered type borrows, by the condition type its values are judged as
 * (GET /api/v1/field-types): the input then sends the value shape its parser is most likely to
 * take (a string, a number, true/false, an id). A select-like condition type picks from the
 * field's options when it has some, else it is typed.
 */
const inputOfConditionType: Record<ConditionType, CustomFieldType> = {
  text: 'text',
  number: 'number',
  money: 'money',
  date: 'date',
  datetime: 'datetime',
  select: 'select',
  multiselect: 'multiselect',
  boolean: 'checkbox',
  user: 'user',
  team: 'team',
  contact: 'contact',
  organisation: 'organisation',
};

/**
 * The input a field renders with: its own for a built-in type; for a registered one, the input of
 * its condition type, or a text input when the type has none or the console was not told it (the
 * portal's public form answer does not carry it).
 */
export function inputTypeFor(type: FieldTypeKey, conditionType: ConditionType | null | undefined, hasOptions = false): CustomFieldType {
  if (isBuiltinFieldType(type)) return type;
  if (!conditionType) return 'text';
  const input = inputOfConditionType[conditionType];
  return (input === 'select' || input === 'multiselect') && !hasOptions ? 'text' : input;
}
