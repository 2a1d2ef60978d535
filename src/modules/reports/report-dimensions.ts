import { translate, type Locale } from '../../app/i18n/catalogue.js';
import type { Db } from '../../db/database.js';
import { flatOptions } from '../../forms/field-kinds.js';
import { listTeams, listUsers } from '../auth/index.js';
import { listFields, listTicketTypes } from '../forms/index.js';
import { listCategories, listPriorities } from '../tickets/index.js';
import { builderMessages } from './builder-messages.js';
import { timeDimensions } from './report-definition.js';

export type DimensionOption = { value: string; label: string };
/**
 * A dimension the builder offers: `key` as a definition names it, `filterField` the condition
 * language's field for it (null for a time bucket, which no filter tests), and the values a
 * filter may pick, by name in the reader's language.
 */
export type ReportDimension = { key: string; name: string; filterField: string | null; options: DimensionOption[] | null };

/** Channels a fact may carry: those the catalogue names (report.builder.channel.*). */
const channelKeys = Object.keys(builderMessages.zhCN).filter((k) => k.startsWith('report.builder.channel.')).map((k) => k.slice('report.builder.channel.'.length));

/**
 * What the report builder may group and filter by (report-filter.ts's fields and the KPI
 * group-bys), so the console offers exactly what the server accepts: team, agent, channel, type,
 * category, priority, every select custom field of tickets (`field:<key>` / `fields.<key>`), and
 * the time buckets.
 */
export async function listReportDimensions(db: Db, locale: Locale): Promise<ReportDimension[]> {
  const en = locale === 'en';
  const [teams, agents, types, categories, priorities, fields] = await Promise.all([
    listTeams(db), listUsers(db, { active: true }), listTicketTypes(db), listCategories(db, { includeInactive: true }), listPriorities(db), listFields(db, 'ticket'),
  ]);
  const name = (key: string) => translate(locale, `report.builder.dimension.${key}`);
  const builtIn = (key: string, options: DimensionOption[]): ReportDimension => ({ key, name: name(key), filterField: key, options });
  return [
    builtIn('team', teams.map((t) => ({ value: t.id, label: t.name }))),
    builtIn('agent', agents.map((u) => ({ value: u.id, label: u.name }))),
    builtIn('channel', channelKeys.map((c) => ({ value: c, label: translate(locale, `report.builder.channel.${c}`) }))),
    builtIn('type', types.map((t) => ({ value: t.key, label: en && t.label.en ? t.label.en : t.label['zh-CN'] }))),
    builtIn('category', categories.map((c) => ({ value: c.id, label: en && c.nameEn ? c.nameEn : c.nameZh }))),
    builtIn('priority', priorities.map((p) => ({ value: p.key, label: en ? p.nameEn : p.nameZh }))),
    ...fields.filter((f) => f.type === 'select' && !f.archived).map((f): ReportDimension => ({
      key: `field:${f.key}`,
      name: en && f.label.en ? f.label.en : f.label['zh-CN'],
      filterField: `fields.${f.key}`,
      options: flatOptions(f.options ?? []).filter((o) => !o.deleted).map((o) => ({ value: o.value, label: en && o.label.en ? o.label.en : o.label['zh-CN'] })),
    })),
    ...timeDimensions.map((key): ReportDimension => ({ key, name: name(key), filterField: null, options: null })),
  ];
}
