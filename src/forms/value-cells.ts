import type { FieldDefinition, FieldOption } from './definition.js';
import type { FieldValue } from './field-values.js';
import { formatPhone } from './phone-and-email.js';
import { optionLabel, pathLabels } from './value-labels.js';

/**
 * One stored value as a spreadsheet cell: text for choices (labels joined by "、", a path by " / "),
 * numbers as numbers, amounts as numbers with two decimals, yes/no in the reader's language.
 * Dates and instants stay strings in their stored form (the caller formats instants in its zone).
 */
export function cellOfValue(field: Pick<FieldDefinition, 'type' | 'options' | 'settings'>, value: FieldValue | null | undefined, language: string, trees: Readonly<Record<string, readonly FieldOption[]>> = {}): string | number | null {
  if (value === null || value === undefined) return null;
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
