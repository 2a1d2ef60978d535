import dayjs from 'dayjs';
import type { FieldOption } from '../../../../src/forms/definition.ts';
import { formatPhone } from '../../shared/format-phone.ts';
import { optionLabel, pathLabels, type RenderedField } from './field-labels.ts';

/** What formatting a value needs besides its field: names of people and teams, words for yes/no. */
export type ValueWords = {
  language: string;
  yes: string;
  no: string;
  userName?: (id: string) => string | undefined;
  teamName?: (id: string) => string | undefined;
  /** A cascader's built-in tree (省/市/区) when the page has it. */
  optionTree?: (source: string) => readonly FieldOption[] | undefined;
};

/**
 * A custom field's value as a person reads it, on one line: option labels instead of values
 * (a retired option keeps its label), 省 / 市 / 区 names, ¥ amounts, local times. Null for no value.
 */
export function formatFieldValue(field: RenderedField, value: unknown, words: ValueWords): string | null {
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) return null;
  const { language } = words;
  const strings = Array.isArray(value) ? value.map(String) : [String(value)];
  switch (field.type) {
    case 'select':
    case 'multiselect':
      return strings.map((item) => optionLabel(field.options, item, language)).join(language === 'zh-CN' ? '、' : ', ');
    case 'cascader': {
      const tree = field.settings?.optionSource ? words.optionTree?.(field.settings.optionSource) : field.options;
      return pathLabels(tree, strings, language).join(' / ');
    }
    case 'checkbox':
      return value === true ? words.yes : words.no;
    case 'money':
      return `¥${Number(value).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
    case 'datetime':
      return dayjs(String(value)).format('YYYY-MM-DD HH:mm');
    case 'rating':
      return `${String(value)} / ${field.settings?.scale ?? 5}`;
    case 'phone':
      return formatPhone(String(value));
    case 'user':
      return words.userName?.(String(value)) ?? String(value);
    case 'team':
      return words.teamName?.(String(value)) ?? String(value);
    case 'attachments':
      return language === 'zh-CN' ? `${strings.length} 个附件` : `${strings.length} file(s)`;
    default: {
      const text = strings.join(', ');
      return text.length > 80 ? `${text.slice(0, 80)}…` : text;
    }
  }
}
