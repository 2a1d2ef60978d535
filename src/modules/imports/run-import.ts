import { and, count, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { recordEvent } from '../../jobs/events.js';
import { addCounts, commitBatch, errorCode, type Position } from './commit-batch.js';
import { decideBatch, type Decision } from './decide-rows.js';
import { dedupLookup } from './dedup-lookup.js';
import { importFinished } from './events.js';
import { planSettings, type ImportDeps } from './import-deps.js';
import { planRow, type PlannedRow, type PlanSettings } from './plan-row.js';
import type { SourceRow } from './read-source.js';
import { importBatches, importJobs, type ImportCounts } from './schema.js';
import { commitTicketRows, ticketPlanSettings } from './run-ticket-import.js';
import { dataRows, inBatches } from './source-rows.js';
import { writeBatch } from './write-batch.js';

/** Rows per transaction: large enough to amortise a commit, small enough that a retry is cheap. */
export const defaultBatchSize = 500;

export type ImportProgress = { processed: number; total: number | null; counts: ImportCounts };
export type RunOptions = { batchSize?: number; onProgress?: (progress: ImportProgress) => void };

type JobRow = typeof importJobs.$inferSelect;

async function loadJob(database: Database, jobId: string): Promise<JobRow | undefined> {
  const [job] = await database.db.select().from(importJobs).where(eq(importJobs.id, jobId));
  return job;
}

const processedOf = (c: ImportCounts) => c.created + c.updated + c.skipped + c.rejected;

/**
 * Run (or resume) a job that was started: from its checkpoint to the end of the file, one
 * transaction per batch. A batch that fails is decided again (what it collided with is now
 * found), then row by row, where a row that still fails alone is rejected with the reason: one
 * bad row never stops the rest. The job's counts are the sums the batches committed.
 */
export async function runImport(deps: ImportDeps, jobId: string, options: RunOptions = {}): Promise<JobRow> {
  let job = await loadJob(deps.database, jobId);
  if (!job || job.state !== 'running') return job!;
  // Contacts and organisations are planned and decided here; tickets have their own pipeline (run-ticket-import.ts).
  const commit =
    job.entity === 'tickets'
      ? await ticketCommitter(deps, job)
      : await (async () => {
          const settings = await planSettings(deps, job!);
          return (rows: readonly SourceRow[], at: Position) => commitRows(deps.database, job!, settings, rows, at);
        })();
  const [{ n: done } = { n: 0 }] = await deps.database.db.select({ n: count() }).from(importBatches).where(eq(importBatches.jobId, jobId));
  let seq = Number(done);
  let checkpoint = job.checkpointRow;
  let counts = job.counts;
  const total = job.totalRows;
  options.onProgress?.({ processed: processedOf(counts), total, counts });
  for await (const rows of inBatches(dataRows(deps.dataDir, job, checkpoint), options.batchSize ?? defaultBatchSize)) {
    const committed = await commit(rows, { seq, checkpoint });
    seq = committed.seq;
    checkpoint = committed.checkpoint;
    counts = addCounts(counts, committed.counts);
    options.onProgress?.({ processed: processedOf(counts), total, counts });
  }
  await deps.database.transaction(async (tx) => {
    const [finished] = await tx
      .update(importJobs)
      .set({ state: 'done', finishedAt: sql`now()`, updatedAt: sql`now()`, totalRows: sql`coalesce(${importJobs.totalRows}, ${processedOf(counts)})` })
      .where(and(eq(importJobs.id, jobId), eq(importJobs.state, 'running'), eq(importJobs.checkpointRow, checkpoint)))
      .returning();
    if (finished) await recordEvent(tx, importFinished, { aggregateId: jobId, cause: 'system', payload: { counts: finished.counts } });
  });
  job = await loadJob(deps.database, jobId);
  return job!;
}

async function ticketCommitter(deps: ImportDeps, job: JobRow) {
  const settings = await ticketPlanSettings(deps, job);
  return (rows: readonly SourceRow[], at: Position) => commitTicketRows(deps, job, settings, rows, at);
}



async function decideAndWrite(database: Database, job: JobRow, planned: readonly PlannedRow[], at: Position): Promise<ImportCounts> {
  return database.transaction(async (tx) => {
    const decisions = await decideBatch(job.entity, job.dedupRule, planned, dedupLookup(tx, job.id, job.entity), new Map());
    const lastRow = planned[planned.length - 1]!.rowNumber;
    return (await writeBatch(tx, { jobId: job.id, entity: job.entity, seq: at.seq + 1, settingsVersion: job.settingsVersion, fromCheckpoint: at.checkpoint, lastRow, decisions })).counts;
  });
}

async function commitRows(database: Database, job: JobRow, settings: PlanSettings, rows: readonly SourceRow[], at: Position): Promise<Position & { counts: ImportCounts }> {
  const planned: PlannedRow[] = [];
  for (const row of rows) planned.push(await planRow(row, settings));
  return commitBatch(planned, at, (batch, from) => decideAndWrite(database, job, batch, from), (row, from, error) =>
    rejectRow(database, job, { rowNumber: row.rowNumber, cells: row.cells, ok: false, reason: 'imports.reject.write_failed', params: { code: errorCode(error) } }, from),
  );
}

async function rejectRow(database: Database, job: JobRow, row: PlannedRow, at: Position): Promise<ImportCounts> {
  const decision: Decision = { rowNumber: row.rowNumber, cells: row.cells, outcome: 'rejected', reason: row.ok ? 'imports.reject.write_failed' : row.reason, ...(!row.ok && row.params && { params: row.params }) };
  return database.transaction(async (tx) => (await writeBatch(tx, { jobId: job.id, entity: job.entity, seq: at.seq + 1, settingsVersion: job.settingsVersion, fromCheckpoint: at.checkpoint, lastRow: row.rowNumber, decisions: [decision] })).counts);
}
