import { closeSync, fsyncSync, openSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { lockDataDir, type DataDirLock } from './data-dir-lock.js';
import type { Database, Db, Tx } from './database.js';

/**
 * The embedded engine: PostgreSQL in WASM, in this process.
 *
 * - One session: PGlite queues every query and transaction behind one mutex, so two transactions
 *   never interleave; `database.test.ts` proves it. A query on `db` issued *inside* a transaction
 *   callback would wait for that transaction forever, so code inside `transaction` uses only `tx`.
 * - Durable: PGlite runs with fsync off and its file system never calls fsync, so after each
 *   commit we fsync the WAL segment(s) the commit was written to ourselves.
 * - Locked: `opencsm.lock` stops a second process from opening the same folder.
 */
export type PgliteOptions = {
  dataDir?: string; // undefined = in memory (tests)
  /** A tarball from `dumpDataDir`, used by tests to start from a migrated template. */
  loadDataDir?: Blob;
};

export async function openPglite(options: PgliteOptions): Promise<Database> {
  const dataDir = options.dataDir ? resolve(options.dataDir) : undefined;
  const pgDir = dataDir ? join(dataDir, 'pgdata') : undefined;
  const lock: DataDirLock | undefined = dataDir ? lockDataDir(dataDir) : undefined;
  let client: PGlite;
  try {
    client = new PGlite({ dataDir: pgDir, loadDataDir: options.loadDataDir });
    await client.waitReady;
  } catch (error) {
    lock?.release();
    throw error;
  }
  const db = drizzle(client) as unknown as Db;

  const flushWal = pgDir ? walFlusher(client, pgDir) : async () => {};

  return {
    engine: 'pglite',
    db,
    async transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
      const result = await db.transaction(work);
      await flushWal();
      return result;
    },
    async close() {
      try {
        if (!client.closed) await client.close();
      } finally {
        lock?.release();
      }
    },
  };
}

/** Returns a function that fsyncs the WAL segment holding the latest commit (and its predecessor,
 * in case the commit record straddled a segment boundary). A transaction that wrote nothing
 * (the WAL position did not move) costs no fsync. */
function walFlusher(client: PGlite, pgDir: string): () => Promise<void> {
  let flushedLsn = '';
  return async () => {
    const { rows } = await client.query<{ lsn: string; current: string; previous: string }>(
      `select pg_current_wal_insert_lsn()::text as lsn, pg_walfile_name(pg_current_wal_insert_lsn()) as current,
              pg_walfile_name(greatest(pg_current_wal_insert_lsn() - 8192, '0/0'::pg_lsn)) as previous`,
    );
    const row = rows[0];
    if (!row || row.lsn === flushedLsn) return;
    flushedLsn = row.lsn;
    for (const name of new Set([row.previous, row.current])) fsyncFile(join(pgDir, 'pg_wal', name));
  };
}

function fsyncFile(path: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r+');
    fsyncSync(fd);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Dump a database's files so another process can start from them (test templates). */
export async function dumpPglite(database: Database): Promise<Blob> {
  const client = (database.db as unknown as { $client: PGlite }).$client;
  return client.dumpDataDir('none');
}
