import { translate, type Locale } from '../../app/i18n/catalogue.js';
import type { ReportDefinition } from './report-definition.js';
import type { ReportResult } from './run-report.js';

/**
 * A report's result as a table: one column per dimension (their names, not ids), the value (and
 * the previous period's with a comparison) and what it counts. The export, the email's workbook
 * and its summary all write these cells, the console shows the same numbers.
 */
export function reportTable(d: ReportDefinition, result: ReportResult, locale: Locale): { header: string[]; rows: Array<Array<string | number | null>> } {
  const header = [
    ...result.dimensionNames,
    `${translate(locale, `report.builder.measure.${d.measure}`)} (${translate(locale, `report.builder.unit.${result.unit}`)})`,
    ...(result.previous ? [translate(locale, 'report.builder.previous')] : []),
    translate(locale, 'report.builder.count'),
  ];
  const rows = result.rows.map((r) => [...r.labels, r.value, ...(result.previous ? [r.previous ?? null] : []), r.count]);
  return { header, rows };
}
