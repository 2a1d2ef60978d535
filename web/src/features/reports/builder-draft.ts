import type { DrillTarget } from './report-api.ts';

/** A report definition as the builder edits it and the API takes it (POST /reports/query, /reports/saved). */
export type Definition = {
  measure: Measure;
  statistic: 'mean' | 'median' | 'p90';
  clock: 'business' | 'calendar';
  dimensions: string[];
  /** A condition-language tree over the dimensions' fields (report-filter.ts on the server). */
  filter?: unknown;
  range: { last: RelativeRange } | { from: string; to: string };
  comparison: 'none' | 'previous';
  chart: ChartType;
};
export const measures = ['volume', 'backlog', 'firstResponseTime', 'resolutionTime', 'fcr', 'reopenRate', 'slaAttainment', 'csat', 'nps'] as const;
export type Measure = (typeof measures)[number];
export const relativeRanges = ['last7', 'last30', 'last90', 'thisMonth'] as const;
export type RelativeRange = (typeof relativeRanges)[number];
export const chartTypes = ['table', 'bar', 'line', 'pie', 'pivot'] as const;
export type ChartType = (typeof chartTypes)[number];
export const isDuration = (m: Measure) => m === 'firstResponseTime' || m === 'resolutionTime';

export type ResultRow = { keys: string[]; labels: string[]; value: number | null; count: number; previous?: number | null; span?: { from: string; to: string } };
export type ReportResult = { from: string; to: string; previous: { from: string; to: string } | null; unit: 'count' | 'percent' | 'minutes' | 'score'; dimensionNames: string[]; rows: ResultRow[] };

export const newDefinition = (): Definition => ({ measure: 'volume', statistic: 'median', clock: 'business', dimensions: [], range: { last: 'last30' }, comparison: 'none', chart: 'bar' });

/**
 * Which charts a definition can draw: a pie needs exactly one dimension, a pivot two; the others
 * draw anything (a second dimension becomes the series of a bar or line chart).
 */
export function chartAllowed(chart: ChartType, dimensions: readonly string[]): boolean {
  if (chart === 'pie') return dimensions.length === 1;
  if (chart === 'pivot') return dimensions.length === 2;
  return true;
}

/** The reporting facts behind a measure's number, as the drill-down contract (GET /reports/drill) names them; none for a backlog (a state at the range's end, not facts in it). */
export function drillMeasureOf(d: Pick<Definition, 'measure' | 'clock'>): DrillTarget['measure'] | null {
  switch (d.measure) {
    case 'volume': return 'created';
    case 'backlog': return null;
    case 'firstResponseTime': return `first_response.${d.clock}`;
    case 'resolutionTime': return `resolution.${d.clock}`;
    case 'fcr':
    case 'slaAttainment': return 'resolved';
    case 'reopenRate': return 'reopened';
    case 'csat': return 'csat.score';
    case 'nps': return 'nps.score';
  }
}

/** Whether a report's chart elements drill down at all (drillOfRow names each one's tickets). */
export function canDrill(d: Pick<Definition, 'measure' | 'clock' | 'filter'>): boolean {
  return drillMeasureOf(d) !== null && !d.filter;
}

/**
 * The drill-down of one chart element (a result row): the report's range (or the row's time
 * bucket), its measure's facts and its dimensions' values as groups. Null where the tickets
 * cannot be named exactly: a backlog, or a filtered report (the drill-down takes no filter).
 */
export function drillOfRow(d: Definition, result: Pick<ReportResult, 'from' | 'to'>, row: ResultRow): DrillTarget | null {
  const measure = drillMeasureOf(d);
  if (!measure || !canDrill(d)) return null;
  const groups = d.dimensions.flatMap((dimension, i) => (dimension.startsWith('time:') ? [] : [{ by: dimension, value: row.keys[i] ?? '' }]));
  const span = row.span ?? { from: result.from, to: result.to };
  return {
    label: row.labels.join(' / ') || '—',
    measure,
    from: span.from,
    to: span.to,
    ...(groups[0] && { groupBy: groups[0].by, group: groups[0].value }),
    ...(groups[1] && { thenBy: groups[1].by, thenGroup: groups[1].value }),
  };
}

/** A two-dimension result as a pivot: the first dimension's values down, the second's across (in the order they come). */
export function pivotOf(rows: readonly ResultRow[]): { columns: Array<{ key: string; label: string }>; lines: Array<{ key: string; label: string; cells: Record<string, ResultRow> }> } {
  const columns = new Map<string, string>();
  const lines = new Map<string, { key: string; label: string; cells: Record<string, ResultRow> }>();
  for (const row of rows) {
    const [down = '', across = ''] = row.keys;
    columns.set(across, row.labels[1] ?? across);
    const line = lines.get(down) ?? { key: down, label: row.labels[0] ?? down, cells: {} };
    line.cells[across] = row;
    lines.set(down, line);
  }
  return { columns: [...columns].map(([key, label]) => ({ key, label })), lines: [...lines.values()] };
}

/** The condition tree of the filter rows (`undefined` for none, so an empty filter is no filter). */
export function filterOf(draft: { match: 'all' | 'any'; conditions: Array<{ field: string; op: string; value?: unknown }> }): Record<string, unknown> | undefined {
  if (!draft.conditions.length) return undefined;
  return { [draft.match]: draft.conditions.map(({ field, op, value }) => (value === undefined ? { field, op } : { field, op, value })) };
}
