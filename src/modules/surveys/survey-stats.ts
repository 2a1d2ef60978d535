import { and, eq, gte, isNotNull, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { optionLabel, type FieldGroup } from './customer-field-groups.js';
import { surveys } from './schema.js';

export type StatsFilter = { kind: 'csat' | 'nps'; from?: Date; to?: Date };

/** Response rate per channel = answers ÷ surveys delivered (a survey answered counts once). */
export type ChannelRate = { channel: string; delivered: number; answered: number; responseRate: number | null };
/** CSAT: share of 4–5 star answers and the mean; NPS: % promoters (9–10) − % detractors (0–6). */
export type ScoreGroup = { key: string | null; label?: { 'zh-CN': string; en: string } | null; answered: number; average: number | null; csat: number | null; nps: number | null; promoters: number; passives: number; detractors: number };

const ratio = (a: number, b: number) => (b === 0 ? null : Math.round((a / b) * 1000) / 1000);

function range(filter: StatsFilter): SQL[] {
  return [eq(surveys.kind, filter.kind), ...(filter.from ? [gte(surveys.sentAt, filter.from)] : []), ...(filter.to ? [lt(surveys.sentAt, filter.to)] : [])];
}

export async function responseRates(db: Db, filter: StatsFilter): Promise<ChannelRate[]> {
  const rows = await db
    .select({ channel: surveys.channel, delivered: sql<number>`count(*)::int`, answered: sql<number>`count(${surveys.answeredAt})::int` })
    .from(surveys)
    .where(and(...range(filter), isNotNull(surveys.deliveredAt)))
    .groupBy(surveys.channel)
    .orderBy(surveys.channel);
  return rows.map((r) => ({ ...r, responseRate: ratio(r.answered, r.delivered) }));
}

const groupColumns = {
  channel: surveys.channel,
  team: surveys.teamId,
  organization: surveys.organizationId,
  tier: surveys.tierKey,
  period: surveys.period,
  month: sql<string>`to_char(${surveys.answeredAt} at time zone 'Asia/Shanghai', 'YYYY-MM')`,
} as const;
export type GroupBy = keyof typeof groupColumns | 'field';
/** `field`: by a custom field of the customer, named by the `field` parameter (customer-field-groups.ts). */
export const groupByKeys = [...Object.keys(groupColumns), 'field'] as GroupBy[];

/** Grouped by a column of the survey, or by the customer's field (each group then carries its option's label). */
export async function scoresBy(db: Db, filter: StatsFilter, by: Exclude<GroupBy, 'field'> | FieldGroup): Promise<ScoreGroup[]> {
  const key = typeof by === 'string' ? groupColumns[by] : by.column;
  const base = db
    .select({
      key: sql<string | null>`${key}::text`,
      answered: sql<number>`count(*)::int`,
      sum: sql<number>`coalesce(sum(${surveys.score}), 0)::int`,
      high: sql<number>`count(*) filter (where ${surveys.score} >= 4)::int`,
      promoters: sql<number>`count(*) filter (where ${surveys.score} >= 9)::int`,
      passives: sql<number>`count(*) filter (where ${surveys.score} between 7 and 8)::int`,
      detractors: sql<number>`count(*) filter (where ${surveys.score} <= 6)::int`,
    })
    .from(surveys);
  const joined = typeof by !== 'string' && by.join ? base.leftJoin(by.join, sql`true`) : base;
  const rows = await joined
    .where(and(...range(filter), isNotNull(surveys.answeredAt)))
    .groupBy(sql`1`)
    .orderBy(sql`1`);
  return rows.map((r) => {
    const nps = filter.kind === 'nps';
    return {
      key: r.key,
      ...(typeof by !== 'string' && { label: optionLabel(by.definition, r.key) }),
      answered: r.answered,
      average: r.answered ? Math.round((r.sum / r.answered) * 100) / 100 : null,
      csat: nps ? null : ratio(r.high, r.answered),
      nps: nps && r.answered ? Math.round(((r.promoters - r.detractors) / r.answered) * 1000) / 10 : null,
      promoters: nps ? r.promoters : 0,
      passives: nps ? r.passives : 0,
      detractors: nps ? r.detractors : 0,
    };
  });
}
