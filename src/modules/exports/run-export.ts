import { readdir, rm, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { and, eq, inArray, lte, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { AppContext } from '../../app/context.js';
import { Conflict } from '../../app/errors.js';
import type { Database } from '../../db/database.js';
import { recordEvent } from '../../jobs/events.js';
import { enqueueJob } from '../../jobs/queue.js';
import type { Actor } from '../auth/index.js';
import { ZipFileWriter } from './backup/zip-writer.js';
import { dataExportFinished, dataExportRequested } from './events.js';
import { dataExports } from './schema.js';
import { writeArchive } from './write-archive.js';

export const runExportJobType = 'exports.run';
/** How long a finished export's file is kept before it is removed (docs/migration.md). */
export const exportKeepDays = 7;

export function exportFolder(dataDir: string, id: string): string {
  return join(dataDir, 'exports', id);
}

/** Asks for a full export: the row, its audit event and the job, in one transaction. One export at a time. */
export async function requestExport(database: Database, actor: Actor): Promise<typeof dataExports.$inferSelect> {
  return database.transaction(async (tx) => {
    // Serialises two admins' clicks: the second sees the first's row.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('data_exports'))`);
    const [running] = await tx.select({ id: dataExports.id }).from(dataExports).where(inArray(dataExports.state, ['queued', 'running'])).limit(1);
    if (running) throw new Conflict('exports.already_running');
    const id = uuidv7();
    const [row] = await tx.insert(dataExports).values({ id, requestedBy: actor.id }).returning();
    await recordEvent(tx, dataExportRequested, { aggregateId: id, cause: 'agent', actorId: actor.id, payload: {} });
    await enqueueJob(tx, { type: runExportJobType, payload: { exportId: id }, dedupeKey: `${runExportJobType}:${id}`, maxAttempts: 3 });
    if (!row) throw new Error('insert returned no row');
    return row;
  });
}

/**
 * The export job: the archive into `<data>/exports/<id>/archive`, zipped beside it, the folder
 * removed. A retry (a killed worker) starts again from nothing. Progress is written at each entity
 * and every 5 000 rows, for the console's bar.
 */
export async function runExport(context: AppContext, id: string): Promise<void> {
  const { database } = context;
  const folder = exportFolder(context.config.OPENCSM_DATA_DIR, id);
  await rm(folder, { recursive: true, force: true });
  await database.transaction((tx) => tx.update(dataExports).set({ state: 'running', startedAt: context.clock.now(), error: null }).where(eq(dataExports.id, id)));
  // Rows of the entities done, plus the current one's so far.
  let finished = 0;
  let current = { entity: '', rows: 0 };
  const manifest = await writeArchive(database.db, context.dataExporters.list(), join(folder, 'archive'), {
    installation: { engine: database.engine, publicUrl: context.config.OPENCSM_PUBLIC_URL ?? null },
    now: context.clock.now(),
    onProgress: async (progress) => {
      if (progress.entity !== current.entity) finished += current.rows;
      current = { entity: progress.entity, rows: progress.rows };
      await database.db
        .update(dataExports)
        .set({ entity: progress.entity || null, entitiesDone: progress.entitiesDone, entities: progress.entities, rows: finished + progress.rows })
        .where(eq(dataExports.id, id));
    },
  });
  const now = context.clock.now();
  const fileName = `opencsm-export-${now.toISOString().slice(0, 16).replace(/[-:T]/g, '')}.zip`;
  const zip = new ZipFileWriter(join(folder, fileName));
  for await (const path of filesUnder(join(folder, 'archive'))) await zip.addFile(relative(join(folder, 'archive'), path).split('\\').join('/'), path);
  await zip.close();
  await rm(join(folder, 'archive'), { recursive: true, force: true });
  const { size } = await stat(join(folder, fileName));
  const rows = manifest.entities.reduce((sum, entity) => sum + entity.rows, 0);
  await database.transaction(async (tx) => {
    await tx
      .update(dataExports)
      .set({ state: 'ready', finishedAt: now, expiresAt: new Date(now.getTime() + exportKeepDays * 86_400_000), entity: null, entitiesDone: manifest.entities.length, rows, counts: manifest.entities.map(({ entity, rows: n }) => ({ entity, rows: n })), fileName, bytes: size })
      .where(eq(dataExports.id, id));
    await recordEvent(tx, dataExportFinished, { aggregateId: id, cause: 'system', payload: { rows, bytes: size } });
  });
}

async function* filesUnder(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(path);
    else yield path;
  }
}

/** Due rows: ready exports past their day are removed (file and folder), the row kept as `expired` (the audit trail). */
export function expireExports(context: AppContext): () => Promise<number> {
  return async () => {
    const due = await context.database.db.select({ id: dataExports.id }).from(dataExports).where(and(eq(dataExports.state, 'ready'), lte(dataExports.expiresAt, context.clock.now()))).limit(20);
    for (const { id } of due) {
      await rm(exportFolder(context.config.OPENCSM_DATA_DIR, id), { recursive: true, force: true });
      await context.database.transaction((tx) => tx.update(dataExports).set({ state: 'expired', expiresAt: null }).where(and(eq(dataExports.id, id), eq(dataExports.state, 'ready'))));
    }
    return due.length;
  };
}
