import type { FieldDescriptor, FieldType } from '../conditions/types.js';
import { customFieldTypes, type CustomFieldType, type FieldDefinition, type FieldOption, type FieldTypeKey } from './definition.js';
import { builtinFieldType } from './field-type-table.js';

/** The condition-language type a built-in field type's values are judged as (its row in field-type-table.ts), or null when conditions cannot test it (attachments) or the type is a registered one (whose row the caller asks). */
export function conditionTypeOf(type: FieldTypeKey): FieldType | null {
  return builtinFieldType(type)?.conditionType ?? null;
}

/** Types whose value is text a person wrote, which full-text search may index. */
export const textFieldTypes: readonly CustomFieldType[] = customFieldTypes.filter((type) => builtinFieldType(type)?.searchable);

/** The JSONB column custom field values live in, on tickets, contacts and organisations alike. */
export const customFieldsColumn = 'fields';

/**
 * A custom field as the condition language sees it: its key, condition type, every option value
 * (deleted ones too, so old conditions stay valid) and where SQL finds it (`fields ->> key`).
 * Null for a type conditions cannot test.
 */
export function describeField(definition: Pick<FieldDefinition, 'key' | 'type' | 'options'>): FieldDescriptor | null {
  const type = conditionTypeOf(definition.type);
  if (!type) return null;
  const options = type === 'select' || type === 'multiselect' ? flatOptions(definition.options ?? []) : undefined;
  return {
    key: definition.key,
    type,
    ...(options && definition.type !== 'cascader' && { options: options.map((option) => ({ value: option.value })) }),
    sql: { jsonColumn: customFieldsColumn, key: definition.key },
  };
}

/** Every option of a tree, parents before their children. */
export function flatOptions(options: readonly FieldOption[]): FieldOption[] {
  return options.flatMap((option) => [option, ...flatOptions(option.children ?? [])]);
}

/** The option a value names, deleted or not (its label is shown for old values). */
export function findOption(options: readonly FieldOption[] | undefined, value: string): FieldOption | undefined {
  return flatOptions(options ?? []).find((option) => option.value === value);
}
