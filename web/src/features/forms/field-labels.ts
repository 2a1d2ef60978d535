import type { FieldDefinition, FieldOption, Label } from '../../../../src/forms/definition.ts';

/**
 * What the renderer needs of a field definition: the API's answers (GET …/form, the portal's)
 * carry more, the designer's preview may carry less.
 */
export type RenderedField = Pick<FieldDefinition, 'key' | 'label' | 'type'> & Partial<Pick<FieldDefinition, 'help' | 'options' | 'settings' | 'customerVisible'>>;

/** A label in the reader's language; English falls back to Chinese when the admin left it empty. */
export function labelIn(label: Partial<Label> | undefined, language: string): string {
  if (!label) return '';
  if (language === 'zh-CN') return label['zh-CN'] || label.en || '';
  return label.en || label['zh-CN'] || '';
}

/** Options a person may still pick: deleted ones stay only to label old values. */
export function liveOptions(options: readonly FieldOption[] | undefined, allowed?: readonly string[]): FieldOption[] {
  return (options ?? []).filter((option) => !option.deleted && (!allowed || allowed.includes(option.value)));
}

/** The label of a stored option value, deleted options included (old tickets keep their label). */
export function optionLabel(options: readonly FieldOption[] | undefined, value: string, language: string): string {
  const found = (options ?? []).find((option) => option.value === value);
  return found ? labelIn(found.label, language) : value;
}

/** A cascader path's labels, level by level (广东省 / 深圳市 / 南山区); unknown steps keep their value. */
export function pathLabels(options: readonly FieldOption[] | undefined, path: readonly string[], language: string): string[] {
  const labels: string[] = [];
  let level = options ?? [];
  for (const step of path) {
    const found = level.find((option) => option.value === step);
    labels.push(found ? labelIn(found.label, language) : step);
    level = found?.children ?? [];
  }
  return labels;
}
