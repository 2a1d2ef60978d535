import type { FieldDescriptor, FieldType } from '../../../../../src/conditions/types.ts';
import type { CustomFieldType, FieldOption, FieldSettings, Label } from '../../../../../src/forms/definition.ts';

/**
 * A field as `GET /api/v1/ticket-fields` lists it: the custom fields of src/forms/definition.ts
 * and the ticket's built-in fields (`builtIn: true`, whose type is already a condition-language
 * type such as `team` or `select`).
 */
export type RegistryField = {
  key: string;
  label: Label;
  type: CustomFieldType | FieldType;
  builtIn?: boolean;
  help?: Partial<Label>;
  options?: FieldOption[];
  settings?: FieldSettings;
  filterable?: boolean;
  searchable?: boolean;
  customerVisible?: boolean;
  readRoles?: string[];
  writeRoles?: string[];
  archived?: boolean;
  version?: number;
};

/**
 * The condition-language type a field's values compare as, or undefined for fields a rule
 * cannot test (attachments; cascader paths). Kept beside the designer until the engine's
 * `describeField` (src/forms/field-kinds.ts) lands; both follow definition.ts's mapping.
 */
export function conditionTypeOf(type: RegistryField['type']): FieldType | undefined {
  switch (type) {
    case 'textarea':
    case 'phone':
    case 'email':
    case 'url':
    case 'record':
      return 'text';
    case 'checkbox':
      return 'boolean';
    case 'rating':
      return 'number';
    case 'cascader':
    case 'attachments':
      return undefined;
    default:
      return type;
  }
}

/** The field as the condition language sees it; options keep deleted ones (old values still compare). */
export function descriptorOf(field: RegistryField): FieldDescriptor | undefined {
  const type = conditionTypeOf(field.type);
  if (!type) return undefined;
  return { key: field.key, type, ...(field.options ? { options: field.options.map((option) => ({ value: option.value })) } : {}) };
}

/** A label in the console's language, falling back to Chinese (the English label is optional). */
export function labelIn(label: Partial<Label> | undefined, language: string): string {
  if (!label) return '';
  return (language.startsWith('en') ? label.en : label['zh-CN']) || label['zh-CN'] || label.en || '';
}

/** Options still offered (not soft-deleted), at every level of a tree. */
export function liveOptions(options: readonly FieldOption[] | undefined): FieldOption[] {
  return (options ?? []).filter((option) => !option.deleted).map(({ children, ...option }) => (children ? { ...option, children: liveOptions(children) } : option));
}

/** Types that hold options of their own (or a built-in tree, for the cascader). */
export const typesWithOptions: ReadonlySet<string> = new Set(['select', 'multiselect', 'cascader']);
