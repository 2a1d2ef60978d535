import { translate, type Locale } from '../../app/i18n/catalogue.js';
import type { Db } from '../../db/database.js';
import { findOption } from '../../forms/field-kinds.js';
import { getTeamNames, getUserNames } from '../auth/index.js';
import { listFields, listTicketTypes } from '../forms/index.js';
import { listCategories } from '../tickets/index.js';
import { isTimeDimension, type Dimension } from './report-definition.js';

/**
 * The names a report shows and exports for a dimension's values, never ids: team and agent names,
 * category and type labels and custom options in the reader's language, channels and priorities
 * through the catalogue (`report.builder.channel.<key>`, when it has one), time buckets as their
 * local date; '' (facts without a value) reads 「未设置」/ "Not set".
 */
export async function dimensionLabels(db: Db, dimension: Dimension, values: readonly string[], locale: Locale): Promise<Map<string, string>> {
  const present = [...new Set(values.filter((v) => v !== ''))];
  const named = await namesOf(db, dimension, present, locale);
  const out = new Map<string, string>([['', translate(locale, 'report.builder.not_set')]]);
  for (const value of present) out.set(value, named.get(value) ?? value);
  return out;
}

async function namesOf(db: Db, dimension: Dimension, values: string[], locale: Locale): Promise<Map<string, string>> {
  const en = locale === 'en';
  if (values.length === 0 || isTimeDimension(dimension)) return new Map();
  switch (dimension) {
    case 'team': return getTeamNames(db, values);
    case 'agent': return getUserNames(db, values);
    case 'category': return new Map((await listCategories(db, { includeInactive: true })).map((c) => [c.id, en && c.nameEn ? c.nameEn : c.nameZh]));
    case 'type': return new Map((await listTicketTypes(db)).map((t) => [t.key, en && t.label.en ? t.label.en : t.label['zh-CN']]));
    case 'channel':
    case 'priority': return new Map(values.map((v) => {
      const key = `report.builder.${dimension}.${v}`;
      const text = translate(locale, key);
      return [v, text === key ? v : text];
    }));
    default: {
      const key = dimension.slice('field:'.length);
      const field = (await listFields(db, 'ticket')).find((f) => f.key === key);
      return new Map(values.map((v) => {
        const option = findOption(field?.options, v);
        return [v, option ? (en && option.label.en ? option.label.en : option.label['zh-CN']) : v];
      }));
    }
  }
}

/** A dimension's own name as a column header: 团队, 渠道…, a custom field's label. */
export async function dimensionName(db: Db, dimension: Dimension, locale: Locale): Promise<string> {
  if (!dimension.startsWith('field:')) return translate(locale, `report.builder.dimension.${dimension}`);
  const key = dimension.slice('field:'.length);
  const field = (await listFields(db, 'ticket')).find((f) => f.key === key);
  return field ? (locale === 'en' && field.label.en ? field.label.en : field.label['zh-CN']) : key;
}
