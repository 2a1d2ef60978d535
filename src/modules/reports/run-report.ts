import { sql, type SQL } from 'drizzle-orm';
import { invalidField } from '../../app/errors.js';
import type { Locale } from '../../app/i18n/catalogue.js';
import type { Db } from '../../db/database.js';
import type { Actor } from '../auth/index.js';
import { dimensionLabels, dimensionName } from './dimension-labels.js';
import type { Span } from './kpi-spans.js';
import type { KpiGroup } from './kpi-types.js';
import { computeKpis } from './kpis.js';
import { isTimeDimension, type ReportDefinition } from './report-definition.js';
import { compileReportFilter, reportFilterFields } from './report-filter.js';
import { periodsOf, resolveRange } from './report-range.js';
import { groupSeparator, reportScope, rollupScopeOf, type GroupBy, type RollupScope } from './scope.js';
import { getReportSettings } from './settings.js';

/** `span`: a time bucket's own range (rows of a report with a time dimension), for its drill-down. */
export type ReportRow = { keys: string[]; labels: string[]; value: number | null; count: number; previous?: number | null; span?: { from: string; to: string } };
/** `unit` of every value: counts, percent (0–100), minutes or an NPS score (−100…100); one decimal. */
export type ReportUnit = 'count' | 'percent' | 'minutes' | 'score';
export type ReportResult = { from: string; to: string; previous: { from: string; to: string } | null; timeZone: string; unit: ReportUnit; dimensionNames: string[]; rows: ReportRow[] };

/**
 * The number as the console shows it and the export writes it (so both hold the same figure):
 * rates as percent, durations in minutes, each rounded to one decimal.
 */
export function unitOf(measure: ReportDefinition['measure']): ReportUnit {
  if (measure === 'volume' || measure === 'backlog') return 'count';
  if (measure === 'firstResponseTime' || measure === 'resolutionTime') return 'minutes';
  return measure === 'nps' ? 'score' : 'percent';
}
function shown(unit: ReportUnit, raw: number | null): number | null {
  if (raw === null) return null;
  const scaled = unit === 'percent' ? raw * 100 : unit === 'minutes' ? raw / 60 : raw;
  return Math.round(scaled * 10) / 10;
}

const maxRangeDays = 400;

/**
 * A report's numbers in the reader's scope, from the KPI code (computeKpis, asked for the one KPI
 * it shows): no dimension or one or two of the KPI dimensions in one read (two read the facts);
 * a time bucket as one read per bucket (each a range of its own, so the rollups serve it and a
 * backlog is the open tickets at the bucket's end). A filter narrows the scope (the facts answer).
 */
export async function runReport(db: Db, input: { definition: ReportDefinition; actor: Actor; now: Date; defaultTimeZone: string; locale: Locale }): Promise<ReportResult> {
  const { definition: d, actor, now, defaultTimeZone } = input;
  const tz = (await getReportSettings(db, defaultTimeZone)).timeZone;
  const hasFilter = d.filter !== undefined && d.filter !== null;
  const filter = hasFilter ? compileReportFilter(d.filter, await reportFilterFields(db), 'definition.filter', tz) : null;
  const scope = filter ? sql`(${reportScope(actor)} and ${filter})` : reportScope(actor);
  const rollupScope = filter ? null : rollupScopeOf(actor);
  const { current, previous } = await resolveRange(db, d.range, now, tz);
  if (current.end.getTime() - current.start.getTime() > maxRangeDays * 86_400_000) throw invalidField('definition.range', 'report.range_too_long', { days: maxRangeDays });
  const read = (span: Span) => valuesOf(db, d, span, { now, scope, rollupScope, tz, defaultTimeZone });
  const [rows, before] = await Promise.all([read(current), d.comparison === 'previous' ? read(previous) : Promise.resolve(null)]);
  const [labels, dimensionNames] = await Promise.all([
    Promise.all(d.dimensions.map((dimension, i) => dimensionLabels(db, dimension, rows.map((r) => r.keys[i]!), input.locale))),
    Promise.all(d.dimensions.map((dimension) => dimensionName(db, dimension, input.locale))),
  ]);
  const unit = unitOf(d.measure);
  const previousByMatch = new Map(before?.map((r) => [r.match, r.value]) ?? []);
  return {
    from: current.start.toISOString(),
    to: current.end.toISOString(),
    previous: before ? { from: previous.start.toISOString(), to: previous.end.toISOString() } : null,
    timeZone: tz,
    unit,
    dimensionNames,
    rows: rows.map((r) => ({
      keys: r.keys,
      labels: r.keys.map((k, i) => labels[i]!.get(k) ?? k),
      value: shown(unit, r.value),
      count: r.count,
      ...(before && { previous: shown(unit, previousByMatch.get(r.match) ?? null) }),
      ...(r.span && { span: { from: r.span.start.toISOString(), to: r.span.end.toISOString() } }),
    })),
  };
}

type Read = { now: Date; scope: SQL; rollupScope: RollupScope | null; tz: string; defaultTimeZone: string };
/** `match`: the row's keys with a time bucket replaced by its position, so period i meets the previous range's period i. */
type Value = { keys: string[]; match: string; value: number | null; count: number; span?: Span };

async function valuesOf(db: Db, d: ReportDefinition, span: Span, r: Read): Promise<Value[]> {
  const time = d.dimensions.find((x) => isTimeDimension(x));
  const timeAt = time ? d.dimensions.indexOf(time) : -1;
  const others = d.dimensions.filter((x): x is GroupBy => !isTimeDimension(x));
  const kpis = (s: Span) => computeKpis(db, {
    from: s.start, to: s.end, now: r.now, scope: r.scope, rollupScope: r.rollupScope, only: new Set([d.measure]),
    ...(others[0] && { groupBy: others[0] }), ...(others[1] && { thenBy: others[1] }),
  }, r.defaultTimeZone);
  // A group without any fact counted (computeKpis' empty '' group) is no row of a grouped report.
  const shown = (g: KpiGroup) => others.length === 0 || measureOf(d, g).count > 0;
  if (!time || !isTimeDimension(time)) {
    return (await kpis(span)).filter(shown).map((g) => {
      const keys = others.length === 0 ? [] : others.length === 1 ? [g.group] : g.group.split(groupSeparator);
      return { keys, match: keys.join(groupSeparator), ...measureOf(d, g) };
    });
  }
  const periods = await periodsOf(db, span, time, r.tz);
  const perPeriod = await Promise.all(periods.map((p) => kpis(p)));
  return periods.flatMap((p, i) => perPeriod[i]!.filter(shown).map((g) => {
    const keys = others.length === 0 ? [p.key] : timeAt === 0 ? [p.key, g.group] : [g.group, p.key];
    const match = others.length === 0 ? String(i) : timeAt === 0 ? `${i}${groupSeparator}${g.group}` : `${g.group}${groupSeparator}${i}`;
    return { keys, match, span: p, ...measureOf(d, g) };
  }));
}

/** The report's number in a KPI group and what it counts (the sample behind a rate or a duration). */
export function measureOf(d: Pick<ReportDefinition, 'measure' | 'statistic' | 'clock'>, g: KpiGroup): { value: number | null; count: number } {
  switch (d.measure) {
    case 'volume': return { value: g.volume, count: g.volume };
    case 'backlog': return { value: g.backlog, count: g.backlog };
    case 'firstResponseTime':
    case 'resolutionTime': {
      const stats = g[d.measure][d.clock];
      return { value: stats[d.statistic], count: stats.count };
    }
    case 'fcr': return { value: g.fcr.rate, count: g.fcr.resolved };
    case 'reopenRate': return { value: g.reopenRate.rate, count: g.reopenRate.resolved };
    case 'slaAttainment': return { value: g.slaAttainment.rate, count: g.slaAttainment.resolved };
    case 'csat': return { value: g.csat.score, count: g.csat.answers };
    case 'nps': return { value: g.nps.score, count: g.nps.answers };
  }
}
