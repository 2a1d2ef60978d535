import type { FieldDescriptor, FieldType } from '../conditions/types.js';
import type { CustomFieldType, FieldDefinition, FieldOption } from './definition.js';

/**
 * How each custom field type meets the condition language: the condition type its values are
 * judged as, or null when conditions cannot test it (attachments). A cascader's value is its
 * path of option values, judged as an open set (`发生地点 in [广东省]`: the path passes through it).
 */
const conditionTypes: Record<CustomFieldType, FieldType | null> = {
  text: 'text',
  textarea: 'text',
  phone: 'text',
  email: 'text',
  url: 'text',
  record: 'text',
  number: 'number',
  rating: 'number',
  money: 'money',
  date: 'date',
  datetime: 'datetime',
  select: 'select',
  multiselect: 'multiselect',
  cascader: 'multiselect',
  checkbox: 'boolean',
  user: 'user',
  team: 'team',
  contact: 'contact',
  organisation: 'organisation',
  attachments: null,
};

export function conditionTypeOf(type: CustomFieldType): FieldType | null {
  return conditionTypes[type];
}

/** Types whose value is text a person wrote, which full-text search may index. */
export const textFieldTypes: readonly CustomFieldType[] = ['text', 'textarea', 'phone', 'email', 'url'];

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
