import { PassThrough, type Readable } from 'node:stream';
import type { Cell } from './columns.js';

/** Writes exported rows as a file, streaming: nothing holds the whole export in memory. */
export type SpreadsheetWriter = {
  contentType: string;
  extension: string;
  stream: Readable;
  row(cells: readonly Cell[]): Promise<void>;
  end(): Promise<void>;
};

/**
 * A cell a spreadsheet would run as a formula (`=HYPERLINK(…)`, `+cmd|…`, `-`, `@`, or one
 * starting with a tab or carriage return) is written with a leading apostrophe, as OWASP advises
 * for CSV injection: a customer writes the subject, the supervisor opens the file.
 */
export function defuseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** An instant as a person in the export's time zone reads it: 2026-12-06 18:30. */
export function localTime(at: Date, timeZone: string): string {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

function csvField(cell: Cell, timeZone: string): string {
  if (cell === null) return '';
  const text = cell instanceof Date ? localTime(cell, timeZone) : typeof cell === 'number' ? String(cell) : defuseFormula(cell);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** RFC 4180 CSV in UTF-8 with a byte order mark, so Excel on a Chinese Windows shows 中文 instead of 乱码. */
export function csvWriter(timeZone: string): SpreadsheetWriter {
  const stream = new PassThrough();
  stream.write('\uFEFF');
  return {
    contentType: 'text/csv; charset=utf-8',
    extension: 'csv',
    stream,
    async row(cells) {
      if (!stream.write(`${cells.map((cell) => csvField(cell, timeZone)).join(',')}\r\n`)) await new Promise((resolve) => stream.once('drain', resolve));
    },
    async end() {
      stream.end();
    },
  };
}

/**
 * An .xlsx workbook written row by row (exceljs' streaming writer). Instants become real Excel
 * dates in the export's time zone (Excel has no time zones: the wall-clock time is written).
 */
export async function xlsxWriter(timeZone: string, sheetName: string): Promise<SpreadsheetWriter> {
  // Imported on first use: exceljs is ~0.5 s of CPU to load, paid only by a process that exports.
  const { default: ExcelJS } = await import('exceljs');
  const stream = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName);
  let first = true;
  return {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extension: 'xlsx',
    stream,
    async row(cells) {
      const row = sheet.addRow(cells.map((cell) => (cell instanceof Date ? wallClock(cell, timeZone) : typeof cell === 'string' ? defuseFormula(cell) : cell)));
      row.eachCell((c) => {
        if (c.value instanceof Date) c.numFmt = 'yyyy-mm-dd hh:mm';
      });
      if (first) row.font = { bold: true };
      first = false;
      row.commit();
    },
    async end() {
      sheet.commit();
      await workbook.commit();
    },
  };
}

/** The wall-clock time in `timeZone` as a UTC Date, which is how Excel (zone-less) stores it. */
function wallClock(at: Date, timeZone: string): Date {
  const [date, time] = localTime(at, timeZone).split(' ');
  return new Date(`${date}T${time}:00Z`);
}
