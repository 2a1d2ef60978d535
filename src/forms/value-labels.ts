import type { FieldOption, Label } from './definition.js';
import type { FieldValue } from './field-values.js';

/**
 * Stored custom values as people read them, the same in the console and in files the server
 * writes (exports, value-cells.ts): option labels (deleted options keep theirs), 省/市/区 names.
 * Light on purpose (no phone metadata): the console's list and timeline import it.
 */

/** A label in the reader's language; English falls back to Chinese when the admin left it empty. */
export function labelIn(label: Partial<Label> | undefined, language: string): string {
  if (!label) return '';
  if (language === 'zh-CN') return label['zh-CN'] || label.en || '';
  return label.en || label['zh-CN'] || '';
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

/** How registered types show their values: the app's field types (their rows' optional `display`), by key. */
export type ValueDisplays = { get(key: string): { display?(value: FieldValue, language: string): string } | undefined };

/**
 * A stored value of a registered type (outside the built-in switch) as a person reads it: through
 * its row's `display` when the row has one, else the stored value as it is — a list joined by "、".
 * Without the app's types (the console) the stored value is the text.
 */
export function registeredValueText(type: string, value: FieldValue, language: string, types?: ValueDisplays): string {
  const display = types?.get(type)?.display;
  if (display) return display(value, language);
  return Array.isArray(value) ? value.join('、') : String(value);
}
