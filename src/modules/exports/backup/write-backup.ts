import { readdir, rename, rm, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { sql } from 'drizzle-orm';
import type { Database } from '../../../db/database.js';
import { ZipFileWriter } from './zip-writer.js';

/** The backup's format; restore refuses another. */
export const backupFormat = { format: 'opencsm-backup', formatVersion: 1 } as const;

/** What the data folder holds that is not data to restore: the engine's files (dumped instead), the lock, the control socket, exports (they are archives already), temp files. */
const leftOut = new Set(['pgdata', 'opencsm.lock', 'opencsm.sock', 'exports', join('attachments', 'tmp')]);

export type BackupResult = { bytes: number; files: number; databaseBytes: number; milliseconds: number };

/**
 * A backup of an embedded installation into one .zip: `opencsm-backup.json`, `pgdata.tar.gz` (the
 * engine's files, read between two transactions with the engine held, so they are the state after
 * the last commit: a CHECKPOINT just before leaves little WAL to replay when it opens) and `data/…` (attachments, the installation key, import sources).
 * The database is dumped first: an attachment's file is stored before the row naming it commits,
 * so every row in the dump finds its file among the files copied after it. The engine is held only
 * while it dumps; requests that need the database wait that long, the HTTP server keeps answering.
 */
export async function writeBackup(database: Database, dataDir: string, file: string, now: Date): Promise<BackupResult> {
  if (database.driver.engine !== 'pglite') throw new Error('writeBackup needs the embedded engine');
  const started = performance.now();
  const client = database.driver.client;
  // The checkpoint writes the dirty pages out, so the dump's WAL to replay is what commits in between.
  await database.db.execute(sql`checkpoint`);
  // Statements outside a transaction take PGlite's transaction lock too (pglite-statements.ts): holding it, no transaction is open while the files are read.
  const dump = await client._runExclusiveTransaction(() => client.dumpDataDir('gzip'));
  const partial = `${file}.partial`;
  const zip = new ZipFileWriter(partial);
  let files = 0;
  try {
    await zip.add('opencsm-backup.json', Buffer.from(`${JSON.stringify({ ...backupFormat, createdAt: now.toISOString(), engine: 'pglite' }, null, 2)}\n`));
    await zip.add('pgdata.tar.gz', new Uint8Array(await dump.arrayBuffer()));
    for await (const path of dataFiles(dataDir, dataDir)) {
      await zip.addFile(`data/${relative(dataDir, path).split('\\').join('/')}`, path);
      files += 1;
    }
    await zip.close();
    await rename(partial, file);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  const { size } = await stat(file);
  return { bytes: size, files, databaseBytes: dump.size, milliseconds: Math.round(performance.now() - started) };
}

async function* dataFiles(root: string, dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (leftOut.has(relative(root, path))) continue;
    if (entry.isDirectory()) yield* dataFiles(root, path);
    else if (entry.isFile()) yield path;
  }
}
