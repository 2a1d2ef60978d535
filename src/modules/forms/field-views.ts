import { operatorsFor } from '../../conditions/operators.js';
import { conditionTypeOf, type ConditionTypes } from '../../forms/field-kinds.js';
import type { FieldType } from '../../app/field-types.js';
import { isBuiltinFieldType } from '../../forms/field-type-table.js';
import type { BuiltinField } from './field-readers.js';
import type { CustomField } from './fields.js';

/**
 * Registry entries as the API lists them: custom fields with their condition type and operators,
 * built-in ones marked. Given the app's field types, so that a field of a registered type says
 * its row's condition type: the console prepares forms with it (it cannot hold the rows).
 */
export const presentFieldOf = (types: ConditionTypes) => (field: CustomField) => {
  const type = conditionTypeOf(field.type, types);
  return { ...field, builtIn: false, sortable: field.filterable, conditionType: type, operators: type ? [...operatorsFor(type)] : [] };
};

export function presentBuiltin(field: BuiltinField) {
  return {
    key: field.key,
    entity: 'ticket' as const,
    label: field.label,
    builtIn: true,
    type: field.type,
    conditionType: field.type,
    operators: [...operatorsFor(field.type)],
    ...(field.options && { options: field.options.map((option) => ({ ...option })) }),
    filterable: field.filterable,
    sortable: field.sortable,
    searchable: field.searchable,
    customerVisible: field.customerVisible,
    archived: false,
  };
}

export function presentFieldType(type: FieldType) {
  return {
    key: type.key,
    label: type.label,
    builtIn: isBuiltinFieldType(type.key),
    conditionType: type.conditionType,
    operators: type.conditionType ? [...operatorsFor(type.conditionType)] : [],
    hasOptions: type.hasOptions,
    filterable: type.filterable,
    searchable: type.searchable,
  };
}
