import { and, eq, sql } from 'drizzle-orm';
import { Conflict, invalidField, NotFound, PreconditionFailed } from '../../app/errors.js';
import type { Database } from '../../db/database.js';
import { recordEvent } from '../../jobs/events.js';
import { enqueueJob } from '../../jobs/queue.js';
import type { Actor } from '../auth/index.js';
import { listFieldFacts } from '../forms/index.js';
import { builtInTargets, fieldEntityOf } from './auto-mapping.js';
import { importSettingsChanged, importStarted } from './events.js';
import { importJobs, type ColumnMapping, type DedupRule, type ValueMaps } from './schema.js';

export const runJobType = 'imports.run';
export type SettingsChange = { mapping?: Array<{ column: number; target: string | null }>; valueMaps?: ValueMaps; dedupRule?: DedupRule };

/**
 * Change a job's mapping, value maps or dedup rule before it runs. Each change bumps the settings
 * version, so a dry run and the batches name the settings they used. Targets must exist: a
 * built-in one of the entity or a live custom field (400 at `mapping.<i>.target`).
 */
export async function updateImportSettings(database: Database, actor: Actor, id: string, expectedVersion: number | undefined, change: SettingsChange) {
  return database.transaction(async (tx) => {
    const [job] = await tx.select().from(importJobs).where(eq(importJobs.id, id)).for('update');
    if (!job) throw new NotFound('imports.not_found');
    if (job.state !== 'uploaded') throw new Conflict('imports.already_started');
    if (expectedVersion !== undefined && expectedVersion !== job.settingsVersion) throw new PreconditionFailed('imports.version_mismatch', { current: job.settingsVersion });
    let mapping: ColumnMapping[] = job.mapping;
    // A JSON-lines file names its own keys (docs/migration.md): nothing to map.
    if (change.mapping && job.fileKind === 'jsonl') throw invalidField('mapping', 'imports.mapping_fixed');
    if (change.mapping) {
      const facts = await listFieldFacts(tx, fieldEntityOf(job.entity));
      const valid = new Set([...builtInTargets(job.entity), ...facts.filter((f) => !f.archived).map((f) => `fields.${f.key}`)]);
      const taken = new Set<string>();
      change.mapping.forEach((m, index) => {
        if (m.column >= job.headers.length) throw invalidField(`mapping.${index}.column`, 'imports.unknown_column', { column: m.column });
        if (m.target && !valid.has(m.target)) throw invalidField(`mapping.${index}.target`, 'imports.unknown_target', { target: m.target });
        if (m.target && (m.target !== 'phone' || job.entity !== 'contacts') && taken.has(m.target)) throw invalidField(`mapping.${index}.target`, 'imports.target_twice', { target: m.target });
        if (m.target) taken.add(m.target);
      });
      const byColumn = new Map(change.mapping.map((m) => [m.column, m.target]));
      mapping = job.mapping.map((m) => (byColumn.has(m.column) ? { ...m, target: byColumn.get(m.column)! } : m));
    }
    const dedupRule = change.dedupRule ?? job.dedupRule;
    const [row] = await tx
      .update(importJobs)
      .set({ mapping, valueMaps: change.valueMaps ?? job.valueMaps, dedupRule, settingsVersion: sql`${importJobs.settingsVersion} + 1`, dryRun: null, updatedAt: sql`now()` })
      .where(eq(importJobs.id, id))
      .returning();
    await recordEvent(tx, importSettingsChanged, { aggregateId: id, cause: 'agent', actorId: actor.id, payload: { settingsVersion: row!.settingsVersion, dedupRule } });
    return row!;
  });
}

/**
 * Start the run: the job becomes `running` and a queue job runs it (and runs it again after a crash,
 * from its checkpoint). `runAt`: when the CLI runs it itself, the queued job is the fallback, due later.
 */
export async function startImport(database: Database, actor: Actor, id: string, options: { runAt?: Date } = {}) {
  return database.transaction(async (tx) => {
    const [row] = await tx.update(importJobs).set({ state: 'running', updatedAt: sql`now()` }).where(and(eq(importJobs.id, id), eq(importJobs.state, 'uploaded'))).returning();
    if (!row) {
      const [job] = await tx.select({ id: importJobs.id }).from(importJobs).where(eq(importJobs.id, id));
      throw job ? new Conflict('imports.already_started') : new NotFound('imports.not_found');
    }
    if (!row.mapping.some((m) => m.target)) throw invalidField('mapping', 'imports.nothing_mapped');
    await recordEvent(tx, importStarted, { aggregateId: id, cause: 'agent', actorId: actor.id, payload: { settingsVersion: row.settingsVersion } });
    await enqueueJob(tx, { type: runJobType, payload: { jobId: id }, dedupeKey: `${runJobType}:${id}`, maxAttempts: 20, ...(options.runAt && { runAt: options.runAt }) });
    return row;
  });
}
