import { isBuiltinFieldType, type FieldDefinition, type FieldOption } from './definition.js';
import type { FieldValue } from './field-values.js';
import { formatPhone } from './phone-and-email.js';
import { optionLabel, pathLabels, registeredValueText, type ValueDisplays } from './value-labels.js';

/**
 * One stored value as a spreadsheet cell: text for choices (labels joined by "、", a path by " / "),
 * numbers as numbers, amounts as numbers with two decimals, yes/no in the reader's language.
 * Dates and instants stay strings in their stored form (the caller formats instants in its zone).
 * A registered type's value is text, through its row's `display` when `types` (the app's field
 * types) has one, else as stored.
 */
export function cellOfValue(field: Pick<FieldDefinition, 'type' | 'options' | 'settings'>, value: FieldValue | null | undefined, language: string, trees: Readonly<Record<string, readonly FieldOption[]>> = {}, types?: ValueDisplays): string | number | null {
  if (value === null || value === undefined) return null;
  if (!isBuiltinFieldType(field.type)) return registeredValueText(field.type, value, language, types);
  switch (field.type) {
    case 'select':
      return optionLabel(field.options, String(value), language);
    case 'multiselect':
      return (Array.isArray(value) ? value : [String(value)]).map((v) => optionLabel(field.options, v, language)).join('、');
    case 'cascader': {
      const tree = field.settings.optionSource ? trees[field.settings.optionSource] : field.options;
      return pathLabels(tree, Array.isArray(value) ? value : [String(value)], language).join(' / ');
    }
    case 'checkbox':
      return value === true ? (language === 'zh-CN' ? '是' : 'Yes') : language === 'zh-CN' ? '否' : 'No';
    case 'money':
      return Number(value);
    case 'phone':
      return formatPhone(String(value));
    case 'attachments':
      return Array.isArray(value) ? value.length : null;
    default:
      return Array.isArray(value) ? value.join('、') : typeof value === 'boolean' ? String(value) : value;
  }
}
