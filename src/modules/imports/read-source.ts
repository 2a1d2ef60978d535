import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';

/**
 * Reading an uploaded file row by row, never whole: CSV through csv-parse (decoded from GB18030
 * when the bytes are not UTF-8), .xlsx through exceljs' streaming reader. Every cell is text, as
 * the file shows it: ids and phone numbers keep their leading zeros and every digit.
 */
export type SourceKind = 'csv' | 'xlsx' | 'jsonl';
export type SourceEncoding = 'utf-8' | 'gb18030';
/** `rowNumber`: the row as a spreadsheet numbers it (1 = first line). `lostPrecision`: columns of numeric cells Excel already rounded. */
export type SourceRow = { rowNumber: number; cells: string[]; lostPrecision?: number[] };

/** How many leading bytes decide the encoding: enough Chinese text to fail a strict UTF-8 decode if it is GBK. */
const sniffBytes = 64 * 1024;

/** UTF-8 (with or without BOM) when the first bytes decode strictly as UTF-8, else GB18030 (a superset of GBK). */
export async function detectEncoding(path: string): Promise<SourceEncoding> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(sniffBytes);
    const { bytesRead } = await handle.read(buffer, 0, sniffBytes, 0);
    try {
      // `stream: true`: a character cut at the end of the sample is not an error.
      new TextDecoder('utf-8', { fatal: true }).decode(buffer.subarray(0, bytesRead), { stream: true });
      return 'utf-8';
    } catch {
      return 'gb18030';
    }
  } finally {
    await handle.close();
  }
}

export async function* readSource(path: string, kind: SourceKind, encoding: SourceEncoding): AsyncGenerator<SourceRow> {
  if (kind === 'csv') yield* readCsv(path, encoding);
  else if (kind === 'jsonl') yield* readJsonLines(path);
  else yield* readXlsx(path);
}

/** JSON lines (tickets, docs/migration.md): each line one cell, parsed by the planner, so a bad line is one rejected row. */
async function* readJsonLines(path: string): AsyncGenerator<SourceRow> {
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let rowNumber = 0;
  for await (const line of lines) {
    rowNumber += 1;
    // A byte order mark on the first line is not part of the JSON.
    yield { rowNumber, cells: [rowNumber === 1 ? line.replace(/^\uFEFF/, '') : line] };
  }
}

async function* readCsv(path: string, encoding: SourceEncoding): AsyncGenerator<SourceRow> {
  const file = createReadStream(path);
  const text = encoding === 'utf-8' ? file : file.pipe(iconv.decodeStream('gb18030'));
  const parser = text.pipe(parse({ bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, info: true }));
  for await (const record of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    // A quoted cell may span lines; the row's number is the line it ends on, as a text editor shows it.
    yield { rowNumber: record.info.lines, cells: record.record };
  }
}

/** Excel keeps 15 significant digits: a longer number typed into a numeric cell is already rounded. */
function numberCell(value: number): { text: string; lost: boolean } {
  if (Number.isInteger(value)) {
    const text = BigInt(value).toString();
    return { text, lost: text.replace(/^-/, '').replace(/0+$/, '').length > 15 || Math.abs(value) > Number.MAX_SAFE_INTEGER };
  }
  return { text: String(value), lost: false };
}

type CellValue = null | undefined | string | number | boolean | Date | { richText?: Array<{ text: string }>; text?: string; result?: unknown; error?: string };

function cellText(value: CellValue): { text: string; lost: boolean } {
  if (value === null || value === undefined) return { text: '', lost: false };
  if (typeof value === 'string') return { text: value, lost: false };
  if (typeof value === 'number') return numberCell(value);
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE', lost: false };
  // A cell formatted as a date: its calendar day as Excel shows it (exceljs reads it as UTC).
  if (value instanceof Date) return { text: value.toISOString().slice(0, value.getUTCHours() || value.getUTCMinutes() ? 16 : 10).replace('T', ' '), lost: false };
  if (value.richText) return { text: value.richText.map((part) => part.text).join(''), lost: false };
  if ('result' in value) return cellText(value.result as CellValue);
  if (typeof value.text === 'string') return { text: value.text, lost: false };
  return { text: value.error ?? '', lost: false };
}

async function* readXlsx(path: string): AsyncGenerator<SourceRow> {
  // Imported on first use: exceljs is ~0.5 s of CPU to load, paid only by a process that imports.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(path, { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'emit' });
  for await (const sheet of workbook) {
    for await (const row of sheet) {
      const values = (row.values ?? []) as CellValue[];
      const cells: string[] = [];
      const lostPrecision: number[] = [];
      // exceljs' row values are 1-based (index 0 is empty).
      for (let column = 1; column < values.length; column += 1) {
        const { text, lost } = cellText(values[column]);
        cells.push(text);
        if (lost) lostPrecision.push(column - 1);
      }
      yield { rowNumber: row.number, cells, ...(lostPrecision.length && { lostPrecision }) };
    }
    // The first worksheet is the data; others (notes, lookups) are not read.
    break;
  }
}
