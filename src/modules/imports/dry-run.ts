import { eq, sql } from 'drizzle-orm';
import { decideBatch, type Decision, type Target } from './decide-rows.js';
import { dedupLookup } from './dedup-lookup.js';
import { planSettings, type ImportDeps } from './import-deps.js';
import { planRow } from './plan-row.js';
import { importJobs, type ImportCounts } from './schema.js';
import { dataRows, inBatches } from './source-rows.js';
import { countDecisions } from './write-batch.js';
import { defaultBatchSize } from './run-import.js';

export type DryRunReport = { settingsVersion: number; counts: ImportCounts; totalRows: number };

/**
 * What a run would do, with nothing written: the same planning and dedup, batch by batch, with
 * the file's earlier rows remembered instead of committed. Its counts are a run's when nothing
 * else changes meanwhile (the tests hold them to it). `onRejected` receives each rejected row
 * (the report's workbook is written from it, streaming).
 */
export async function dryRunImport(deps: ImportDeps, jobId: string, onRejected?: (decision: Decision) => Promise<void> | void): Promise<DryRunReport> {
  const [job] = await deps.database.db.select().from(importJobs).where(eq(importJobs.id, jobId));
  if (!job) throw new Error(`import ${jobId} not found`);
  const settings = await planSettings(deps, job);
  const memory = new Map<string, Target>();
  const lookup = dedupLookup(deps.database.db, job.id, job.entity);
  const counts: ImportCounts = { created: 0, updated: 0, skipped: 0, rejected: 0 };
  for await (const rows of inBatches(dataRows(deps.dataDir, job), defaultBatchSize)) {
    const planned = [];
    for (const row of rows) planned.push(await planRow(row, settings));
    const decisions = await decideBatch(job.entity, job.dedupRule, planned, lookup, memory);
    const batch = countDecisions(decisions);
    for (const key of Object.keys(counts) as Array<keyof ImportCounts>) counts[key] += batch[key];
    if (onRejected) for (const d of decisions) if (d.outcome === 'rejected') await onRejected(d);
  }
  const totalRows = counts.created + counts.updated + counts.skipped + counts.rejected;
  const report = { settingsVersion: job.settingsVersion, counts, totalRows };
  // Kept only if the settings did not change while it ran.
  await deps.database.transaction((tx) =>
    tx.update(importJobs).set({ dryRun: { settingsVersion: job.settingsVersion, counts }, totalRows, updatedAt: sql`now()` }).where(sql`${importJobs.id} = ${jobId} and ${importJobs.settingsVersion} = ${job.settingsVersion}`),
  );
  return report;
}
