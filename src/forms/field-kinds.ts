import type { FieldDescriptor, FieldType } from '../conditions/types.js';
import { customFieldTypes, isBuiltinFieldType, type CustomFieldType, type FieldDefinition, type FieldOption, type FieldTypeKey } from './definition.js';
import { builtinFieldType } from './field-type-table.js';

/** Registered field types by key, as far as conditions need them (the app's FieldTypes, or a list from GET /field-types). */
export type ConditionTypes = { get(key: string): { conditionType?: FieldType | null } | undefined };

/**
 * The condition-language type a field type's values are judged as: a built-in type's row in
 * field-type-table.ts, else the registered row in `types` (the app's field types). Null when
 * conditions cannot test it (attachments), or for a registered type the caller did not pass.
 */
export function conditionTypeOf(type: FieldTypeKey, types?: ConditionTypes): FieldType | null {
  const builtin = builtinFieldType(type);
  if (builtin) return builtin.conditionType;
  return types?.get(type)?.conditionType ?? null;
}

/** Types whose value is text a person wrote, which full-text search may index. */
export const textFieldTypes: readonly CustomFieldType[] = customFieldTypes.filter((type) => builtinFieldType(type)?.searchable);

/** The JSONB column custom field values live in, on tickets, contacts and organisations alike. */
export const customFieldsColumn = 'fields';

/**
 * A custom field as the condition language sees it: its key, condition type, every option value
 * (deleted ones too, so old conditions stay valid) and where SQL finds it (`fields ->> key`).
 * Null for a type conditions cannot test. `types`: the app's registered field types (server);
 * in the console a field presented by the API carries its `conditionType` instead.
 */
export function describeField(definition: Pick<FieldDefinition, 'key' | 'type' | 'options'> & { conditionType?: FieldType | null }, types?: ConditionTypes): FieldDescriptor | null {
  // A registered type's condition type: the app's row on the server, or the field as the API
  // presented it (its `conditionType`) in the console, which cannot hold the server's rows.
  const type = conditionTypeOf(definition.type, types) ?? (isBuiltinFieldType(definition.type) ? null : (definition.conditionType ?? null));
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
