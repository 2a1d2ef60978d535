import { eq, sql } from 'drizzle-orm';
import { decideBatch, type Decision, type Target } from './decide-rows.js';
import { dedupLookup } from './dedup-lookup.js';
import { planSettings, type ImportDeps } from './import-deps.js';
import { planRow } from './plan-row.js';
import { planTickets, ticketPlanSettings } from './run-ticket-import.js';
import { importJobs, type ImportCounts, type RowWarning } from './schema.js';
import { decideTickets } from './write-ticket-batch.js';
import { dataRows, inBatches } from './source-rows.js';
import { countDecisions } from './write-batch.js';
import { defaultBatchSize } from './run-import.js';

export type DryRunReport = { settingsVersion: number; counts: ImportCounts; totalRows: number };
/** A row the run would import without something (an oversized attachment), with the catalogue key. */
export type DryRunWarning = { rowNumber: number } & RowWarning;
export type DryRunListeners = { onRejected?: (decision: Decision) => Promise<void> | void; onWarning?: (warning: DryRunWarning) => void };

/**
 * What a run would do, with nothing written: the same planning and dedup, batch by batch, with
 * the file's earlier rows remembered instead of committed. Its counts are a run's when nothing
 * else changes meanwhile (the tests hold them to it). `onRejected` receives each rejected row
 * (the report's workbook is written from it, streaming).
 */
export async function dryRunImport(deps: ImportDeps, jobId: string, listen: DryRunListeners | DryRunListeners['onRejected'] = {}): Promise<DryRunReport> {
  const { onRejected, onWarning } = typeof listen === 'function' ? { onRejected: listen, onWarning: undefined } : listen;
  const [job] = await deps.database.db.select().from(importJobs).where(eq(importJobs.id, jobId));
  if (!job) throw new Error(`import ${jobId} not found`);
  const counts: ImportCounts = { created: 0, updated: 0, skipped: 0, rejected: 0 };
  const tally = async (decisions: ReadonlyArray<Pick<Decision, 'rowNumber' | 'cells' | 'outcome' | 'reason' | 'params'> & { warnings?: RowWarning[] }>) => {
    const batch = countDecisions(decisions);
    for (const key of Object.keys(counts) as Array<keyof ImportCounts>) counts[key] += batch[key];
    for (const d of decisions) {
      if (d.outcome === 'rejected' && onRejected) await onRejected(d as Decision);
      for (const w of d.warnings ?? []) onWarning?.({ rowNumber: d.rowNumber, ...w });
    }
  };
  if (job.entity === 'tickets') {
    // Planned and decided as a run would, nothing saved: attachments are measured, not stored.
    const settings = await ticketPlanSettings(deps, job);
    const memory = new Map<string, string>();
    for await (const rows of inBatches(dataRows(deps.dataDir, job), defaultBatchSize)) await tally((await decideTickets(deps.database.db, job.dedupRule, await planTickets(rows, settings), memory)).decisions);
    return finish(deps, job, counts);
  }
  const settings = await planSettings(deps, job);
  const memory = new Map<string, Target>();
  const lookup = dedupLookup(deps.database.db, job.id, job.entity);
  for await (const rows of inBatches(dataRows(deps.dataDir, job), defaultBatchSize)) {
    const planned = [];
    for (const row of rows) planned.push(await planRow(row, settings));
    await tally(await decideBatch(job.entity, job.dedupRule, planned, lookup, memory));
  }
  return finish(deps, job, counts);
}

async function finish(deps: ImportDeps, job: typeof importJobs.$inferSelect, counts: ImportCounts): Promise<DryRunReport> {
  const jobId = job.id;
  const totalRows = counts.created + counts.updated + counts.skipped + counts.rejected;
  const report = { settingsVersion: job.settingsVersion, counts, totalRows };
  // Kept only if the settings did not change while it ran.
  await deps.database.transaction((tx) =>
    tx.update(importJobs).set({ dryRun: { settingsVersion: job.settingsVersion, counts }, totalRows, updatedAt: sql`now()` }).where(sql`${importJobs.id} = ${jobId} and ${importJobs.settingsVersion} = ${job.settingsVersion}`),
  );
  return report;
}
