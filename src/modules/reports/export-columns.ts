import type { KpiGroup } from './kpi-types.js';

/**
 * The columns of a KPI export, one row per group: the API's own numbers (seconds, rates as
 * fractions), so a cell equals the field it comes from. Headers are catalogue keys
 * (`report.export.column.<key>`), in the reader's language (zh-CN: Chinese).
 */
export const kpiExportColumns: ReadonlyArray<{ key: string; value: (g: KpiGroup) => string | number | null }> = [
  { key: 'group', value: (g) => g.group },
  { key: 'volume', value: (g) => g.volume },
  { key: 'backlog', value: (g) => g.backlog },
  { key: 'firstResponseMedianBusiness', value: (g) => g.firstResponseTime.business.median },
  { key: 'firstResponseP90Business', value: (g) => g.firstResponseTime.business.p90 },
  { key: 'firstResponseMeanBusiness', value: (g) => g.firstResponseTime.business.mean },
  { key: 'firstResponseMedianCalendar', value: (g) => g.firstResponseTime.calendar.median },
  { key: 'resolutionMedianBusiness', value: (g) => g.resolutionTime.business.median },
  { key: 'resolutionP90Business', value: (g) => g.resolutionTime.business.p90 },
  { key: 'resolutionMeanBusiness', value: (g) => g.resolutionTime.business.mean },
  { key: 'resolutionMedianCalendar', value: (g) => g.resolutionTime.calendar.median },
  { key: 'fcr', value: (g) => g.fcr.rate },
  { key: 'reopenRate', value: (g) => g.reopenRate.rate },
  { key: 'slaAttainment', value: (g) => g.slaAttainment.rate },
  { key: 'csat', value: (g) => g.csat.score },
  { key: 'csatResponseRate', value: (g) => g.csat.responseRate },
  { key: 'nps', value: (g) => g.nps.score },
  { key: 'percentilesExact', value: (g) => (g.percentilesExact ? 1 : 0) },
];

export const drillExportColumns = ['number', 'subject', 'id'] as const;
