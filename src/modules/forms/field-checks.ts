import { Invalid, type FieldError } from '../../app/errors.js';
import { roleKeys, type FieldTypeKey, type FieldOption } from '../../forms/definition.js';
import { builtinFieldType } from '../../forms/field-type-table.js';

/**
 * The registry's rules for a field definition beyond its shape (the zod schema): options where a
 * type has them and nowhere else, option values unique, search only over text, known roles, and
 * the two rules that keep stored values meaningful — a type never changes (except text ↔
 * textarea: the stored string is the same) and an option is never removed, only marked deleted.
 */

export type CheckedShape = {
  type: FieldTypeKey;
  options?: FieldOption[] | null;
  settings: { optionSource?: string };
  filterable: boolean;
  searchable: boolean;
  readRoles: string[];
  writeRoles: string[];
};

/** What a type's row (src/forms/field-type-table.ts) allows; the built-in row of the field's type when absent. */
export type TypeRules = { hasOptions: boolean; filterable: boolean; searchable: boolean };

export function fieldProblems(field: CheckedShape, given?: TypeRules): FieldError[] {
  const errors: FieldError[] = [];
  const rules: TypeRules = given ?? builtinFieldType(field.type) ?? { hasOptions: false, filterable: false, searchable: false };
  const hasOptions = (field.options?.length ?? 0) > 0;
  const takesOptions = rules.hasOptions;
  if (takesOptions) {
    const fromSource = field.type === 'cascader' && field.settings.optionSource;
    if (!hasOptions && !fromSource) errors.push({ path: 'options', code: 'forms.field.options_needed' });
    if (hasOptions) errors.push(...duplicateOptions(field.options!, 'options'));
  } else if (hasOptions) {
    errors.push({ path: 'options', code: 'forms.field.options_not_allowed' });
  }
  if (field.settings.optionSource && field.type !== 'cascader') errors.push({ path: 'settings.optionSource', code: 'forms.field.options_not_allowed' });
  if (field.searchable && !rules.searchable) errors.push({ path: 'searchable', code: 'forms.field.not_searchable_type' });
  if (field.filterable && !rules.filterable) errors.push({ path: 'filterable', code: 'forms.field.not_filterable_type' });
  for (const name of ['readRoles', 'writeRoles'] as const) {
    field[name].forEach((role, i) => {
      if (!(roleKeys as readonly string[]).includes(role)) errors.push({ path: `${name}.${i}`, code: 'forms.field.unknown_role', params: { role } });
    });
  }
  return errors;
}

/** Option values are unique across the whole tree: a value names one option wherever it sits. */
function duplicateOptions(options: readonly FieldOption[], path: string): FieldError[] {
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  const walk = (list: readonly FieldOption[], at: string) =>
    list.forEach((option, i) => {
      if (seen.has(option.value)) errors.push({ path: `${at}.${i}.value`, code: 'forms.field.duplicate_option', params: { value: option.value } });
      seen.add(option.value);
      if (option.children) walk(option.children, `${at}.${i}.children`);
    });
  walk(options, path);
  return errors;
}

export function assertField(field: CheckedShape, rules?: TypeRules): void {
  const errors = fieldProblems(field, rules);
  if (errors.length) throw new Invalid('validation.failed', {}, errors);
}

export function typeChangeAllowed(from: FieldTypeKey, to: FieldTypeKey): boolean {
  if (from === to) return true;
  const texts = ['text', 'textarea'];
  return texts.includes(from) && texts.includes(to);
}

/**
 * New options over old ones: an old option the admin left out stays, marked deleted, so every
 * value ever stored keeps its label (and a deleted option sent again comes back). Children merge
 * the same way, level by level.
 */
export function mergeOptions(previous: readonly FieldOption[] | null | undefined, next: readonly FieldOption[]): FieldOption[] {
  const merged = next.map((option) => {
    const before = previous?.find((old) => old.value === option.value);
    const children = option.children || before?.children ? mergeOptions(before?.children, option.children ?? []) : undefined;
    return { ...option, ...(children && children.length && { children }) };
  });
  for (const old of previous ?? []) {
    if (!next.some((option) => option.value === old.value)) merged.push({ ...old, deleted: true, ...(old.children && { children: old.children.map(markDeleted) }) });
  }
  return merged;
}

function markDeleted(option: FieldOption): FieldOption {
  return { ...option, deleted: true, ...(option.children && { children: option.children.map(markDeleted) }) };
}
