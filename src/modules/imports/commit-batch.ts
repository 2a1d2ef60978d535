import { type ImportCounts } from './schema.js';
import { ImportCheckpointMoved } from './write-batch.js';

/** Where a job stands: the last committed batch's number and the last source row it covered. */
export type Position = { seq: number; checkpoint: number };

export const noCounts: ImportCounts = { created: 0, updated: 0, skipped: 0, rejected: 0 };

export function addCounts(a: ImportCounts, b: ImportCounts): ImportCounts {
  return { created: a.created + b.created, updated: a.updated + b.updated, skipped: a.skipped + b.skipped, rejected: a.rejected + b.rejected };
}

/** The database's error code (e.g. 23505) of a failed write, for the rejected row's reason. */
export function errorCode(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : 'error';
}

/**
 * One batch of planned rows, committed as one transaction with its checkpoint (`write`); when that
 * fails twice, row by row — each its own batch, so the rows around a bad one still commit — and a
 * row that still fails alone is committed as rejected with the reason (`reject`). One bad row never
 * stops the rest (issue 21 §2). A moved checkpoint (another process took the job) always stops.
 */
export async function commitBatch<Row extends { rowNumber: number }>(
  planned: readonly Row[],
  at: Position,
  write: (rows: readonly Row[], from: Position) => Promise<ImportCounts>,
  reject: (row: Row, from: Position, error: unknown) => Promise<ImportCounts>,
): Promise<Position & { counts: ImportCounts }> {
  const lastRow = planned[planned.length - 1]!.rowNumber;
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      return { seq: at.seq + 1, checkpoint: lastRow, counts: await write(planned, at) };
    } catch (error) {
      if (error instanceof ImportCheckpointMoved) throw error;
    }
  }
  let position = at;
  let counts = noCounts;
  for (const row of planned) {
    let written: ImportCounts;
    try {
      written = await write([row], position);
    } catch (error) {
      if (error instanceof ImportCheckpointMoved) throw error;
      written = await reject(row, position, error);
    }
    position = { seq: position.seq + 1, checkpoint: row.rowNumber };
    counts = addCounts(counts, written);
  }
  return { ...position, counts };
}
