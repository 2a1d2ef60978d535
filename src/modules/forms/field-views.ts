import { operatorsFor } from '../../conditions/operators.js';
import { conditionTypeOf } from '../../forms/field-kinds.js';
import type { FieldType } from '../../app/field-types.js';
import { isBuiltinFieldType } from '../../forms/field-type-table.js';
import type { BuiltinField } from './field-readers.js';
import type { CustomField } from './fields.js';

/** Registry entries as the API lists them: custom fields with their operators, built-in ones marked. */
export function presentField(field: CustomField) {
  return presentFieldOf(undefined)(field);
}

/** With the app's field types, so a field of a registered type lists the operators of its row. */
export const presentFieldOf = (types: { get(key: string): Pick<FieldType, 'conditionType'> | undefined } | undefined) => (field: CustomField) => {
  const type = conditionTypeOf(field.type) ?? types?.get(field.type)?.conditionType ?? null;
  return { ...field, builtIn: false, sortable: field.filterable, operators: type ? [...operatorsFor(type)] : [] };
};

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
