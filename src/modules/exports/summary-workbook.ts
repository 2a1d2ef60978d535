import { createWriteStream } from 'node:fs';

/** Counts per entity, and per entity × status × month (UTC) for entities that say how to group. */
export class SummaryCounts {
  readonly totals = new Map<string, number>();
  readonly groups = new Map<string, number>();

  add(entity: string, group: { status?: string; createdAt?: unknown } | undefined): void {
    if (!group) return;
    const key = JSON.stringify([entity, group.status ?? '', monthOf(group.createdAt)]);
    this.groups.set(key, (this.groups.get(key) ?? 0) + 1);
  }

  total(entity: string, rows: number): void {
    this.totals.set(entity, rows);
  }

  /** The grouped counts sorted by entity, month, status. */
  groupRows(): Array<[string, string, string, number]> {
    return [...this.groups.entries()]
      .map(([key, count]): [string, string, string, number] => {
        const [entity = '', status = '', month = ''] = JSON.parse(key) as string[];
        return [entity, month, status, count];
      })
      .sort((a, b) => a[0].localeCompare(b[0]) || a[1].localeCompare(b[1]) || a[2].localeCompare(b[2]));
  }
}

function monthOf(value: unknown): string {
  const date = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : undefined;
  return date && !Number.isNaN(date.getTime()) ? date.toISOString().slice(0, 7) : '';
}

/** summary.xlsx: sheet 数量 (entity, rows) and sheet 按状态和月份 (entity, month, status, rows); headers in both languages. */
export async function writeSummaryWorkbook(path: string, summary: SummaryCounts): Promise<void> {
  // Imported on first use: exceljs is ~0.5 s of CPU to load.
  const { default: ExcelJS } = await import('exceljs');
  const stream = createWriteStream(path);
  const closed = new Promise<void>((resolve, reject) => (stream.once('close', resolve), stream.once('error', reject)));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  const counts = workbook.addWorksheet('数量 Counts');
  counts.addRow(['对象 Entity', '行数 Rows']).font = { bold: true };
  for (const [entity, rows] of summary.totals) counts.addRow([entity, rows]).commit();
  counts.commit();
  const groups = workbook.addWorksheet('按状态和月份 By status and month');
  groups.addRow(['对象 Entity', '月份 Month (UTC)', '状态 Status', '行数 Rows']).font = { bold: true };
  for (const row of summary.groupRows()) groups.addRow(row).commit();
  groups.commit();
  await workbook.commit();
  await closed;
}
