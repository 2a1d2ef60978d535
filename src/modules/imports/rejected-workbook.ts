import { PassThrough } from 'node:stream';
import { and, asc, eq, gt } from 'drizzle-orm';
import { translate, type Locale } from '../../app/i18n/catalogue.js';
import type { Db } from '../../db/database.js';
import type { Decision } from './decide-rows.js';
import { importRows } from './schema.js';

/**
 * The rejected rows as an .xlsx (exceljs' streaming writer): the row number, the reason in the
 * reader's language, then the row's cells as the file had them. A cell a spreadsheet would run as
 * a formula (= + - @, tab, CR) gets a leading apostrophe (CSV/formula injection, OWASP).
 */
export function defuseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export type RejectedSheet = { stream: PassThrough; add(decision: Pick<Decision, 'rowNumber' | 'cells' | 'reason' | 'params'>): Promise<void>; end(): Promise<void> };

export async function rejectedSheet(locale: Locale, headers: readonly string[]): Promise<RejectedSheet> {
  // Imported on first use: exceljs is ~0.5 s of CPU to load.
  const { default: ExcelJS } = await import('exceljs');
  const stream = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet('rejected');
  const head = sheet.addRow([translate(locale, 'imports.rejected.row'), translate(locale, 'imports.rejected.reason'), ...headers.map(defuseFormula)]);
  head.font = { bold: true };
  head.commit();
  return {
    stream,
    async add(decision) {
      sheet.addRow([decision.rowNumber, translate(locale, decision.reason ?? 'imports.reject.write_failed', decision.params ?? {}), ...decision.cells.map(defuseFormula)]).commit();
    },
    async end() {
      sheet.commit();
      await workbook.commit();
    },
  };
}

/** A run's rejected rows in row order, a page at a time (never the whole list in memory). */
export async function* runRejections(db: Db, jobId: string): AsyncGenerator<Pick<Decision, 'rowNumber' | 'cells' | 'reason' | 'params'>> {
  let after = 0;
  for (;;) {
    const page = await db
      .select({ rowNumber: importRows.rowNumber, cells: importRows.cells, reason: importRows.reason, params: importRows.params })
      .from(importRows)
      .where(and(eq(importRows.jobId, jobId), eq(importRows.outcome, 'rejected'), gt(importRows.rowNumber, after)))
      .orderBy(asc(importRows.rowNumber))
      .limit(1000);
    for (const row of page) yield { rowNumber: row.rowNumber, cells: row.cells ?? [], reason: row.reason ?? undefined, params: row.params ?? undefined };
    if (page.length < 1000) return;
    after = page[page.length - 1]!.rowNumber;
  }
}
