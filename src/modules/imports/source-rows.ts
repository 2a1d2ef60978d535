import { join } from 'node:path';
import { readSource, type SourceRow } from './read-source.js';
import type { importJobs } from './schema.js';

type JobFile = Pick<typeof importJobs.$inferSelect, 'id' | 'fileKind' | 'encoding' | 'headerRow'>;

/** Where a job's file lives: the data folder's imports/<job id>/ (removed with the job). */
export function importFolder(dataDir: string, jobId: string): string {
  return join(dataDir, 'imports', jobId);
}

export function sourcePath(dataDir: string, job: Pick<JobFile, 'id' | 'fileKind'>): string {
  return join(importFolder(dataDir, job.id), `source.${job.fileKind}`);
}

const blank = (row: SourceRow) => row.cells.every((cell) => cell.trim() === '');

/** The data rows of a job's file after `afterRow` (its checkpoint): below the header, blank rows left out. */
export async function* dataRows(dataDir: string, job: JobFile, afterRow = 0): AsyncGenerator<SourceRow> {
  for await (const row of readSource(sourcePath(dataDir, job), job.fileKind, job.encoding as 'utf-8' | 'gb18030')) {
    if (row.rowNumber <= job.headerRow || row.rowNumber <= afterRow || blank(row)) continue;
    yield row;
  }
}

/** Rows in groups of `size`, read as they are needed. */
export async function* inBatches<T>(rows: AsyncIterable<T>, size: number): AsyncGenerator<T[]> {
  let batch: T[] = [];
  for await (const row of rows) {
    batch.push(row);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}
