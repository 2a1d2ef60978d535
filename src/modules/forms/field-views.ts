import { operatorsFor } from '../../conditions/operators.js';
import { conditionTypeOf } from '../../forms/field-kinds.js';
import type { BuiltinField } from './field-readers.js';
import type { CustomField } from './fields.js';

/** Registry entries as the API lists them: custom fields with their operators, built-in ones marked. */
export function presentField(field: CustomField) {
  const type = conditionTypeOf(field.type);
  return { ...field, builtIn: false, sortable: field.filterable, operators: type ? [...operatorsFor(type)] : [] };
}

export function presentBuiltin(field: BuiltinField) {
  return {
    key: field.key,
    entity: 'ticket' as const,
    label: field.label,
    builtIn: true,
    type: field.type,
    operators: [...operatorsFor(field.type)],
    ...(field.options && { options: field.options.map((option) => ({ ...option })) }),
    filterable: field.filterable,
    sortable: field.sortable,
    searchable: field.searchable,
    customerVisible: field.customerVisible,
    archived: false,
  };
}
