import { fieldTypes, type FieldDescriptor, type FieldType } from '../../../../../src/conditions/types.ts';
import type { FieldOption, FieldSettings, FieldTypeKey, Label } from '../../../../../src/forms/definition.ts';
import { describeField } from '../../../../../src/forms/field-kinds.ts';

/**
 * A field as `GET /api/v1/ticket-fields` lists it: the custom fields of src/forms/definition.ts
 * (of a built-in type or one a module registered on the server) and the ticket's built-in fields
 * (`builtIn: true`, whose type is already a condition-language type such as `team` or `select`).
 */
export type RegistryField = {
  key: string;
  label: Label;
  type: FieldTypeKey | FieldType;
  /** A custom field's condition type as the server's type row says it (registered types included). */
  conditionType?: FieldType | null;
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
 * The field as the condition language sees it, through the engine's own `describeField` for
 * custom fields (so the designer checks rules exactly as the server will); a built-in field's
 * type is already a condition type; a registered type's comes from the server (`conditionType`).
 * Undefined for fields no condition can test (attachments).
 */
export function descriptorOf(field: RegistryField): FieldDescriptor | undefined {
  if (field.builtIn) return isConditionType(field.type) ? { key: field.key, type: field.type, ...(field.options ? { options: field.options.map((option) => ({ value: option.value })) } : {}) } : undefined;
  return describeField({ key: field.key, type: field.type, options: field.options, ...(field.conditionType !== undefined && { conditionType: field.conditionType }) }) ?? undefined;
}

function isConditionType(type: string): type is FieldType {
  return (fieldTypes as readonly string[]).includes(type);
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
