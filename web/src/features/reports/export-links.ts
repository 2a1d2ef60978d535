import type { DrillTarget, Range } from './report-api.ts';

export type ExportFormat = 'xlsx' | 'csv';

/** GET /reports/kpis/export for the range on screen (the file streams; the browser downloads it with the session cookie). */
export function kpiExportUrl(range: Range, format: ExportFormat, groupBy?: 'channel'): string {
  const params = new URLSearchParams({ ...range, format, ...(groupBy && { groupBy }) });
  return `/api/v1/reports/kpis/export?${params.toString()}`;
}

/** GET /reports/drill/export for the drill-down on screen. */
export function drillExportUrl(range: Range, target: DrillTarget, format: ExportFormat): string {
  const { label: _label, ...rest } = target;
  const params = new URLSearchParams({ ...range, format });
  for (const [key, value] of Object.entries(rest)) if (value !== undefined) params.set(key, String(value));
  return `/api/v1/reports/drill/export?${params.toString()}`;
}
