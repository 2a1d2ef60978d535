import { closeSync, fsyncSync, openSync, readdirSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PgDialect } from 'drizzle-orm/pg-core';
import { PgliteDatabase, PgliteSession } from 'drizzle-orm/pglite';
import { lockDataDir, type DataDirLock } from './data-dir-lock.js';
import type { Database, Db, Tx } from './database.js';
import { pgliteStatementClient, type PgliteStatementClient } from './pglite-statements.js';

/**
 * The embedded engine: PostgreSQL in WASM, in this process.
 *
 * - One session: PGlite queues every query and transaction behind one mutex, so two transactions
 *   never interleave; `database.test.ts` proves it. A query on `db` issued *inside* a transaction
 *   callback would wait for that transaction forever, so code inside `transaction` uses only `tx`.
 * - Durable against a process crash: PGlite runs with fsync off and its file system never calls
 *   fsync, so after each commit we fsync the WAL written since the last commit ourselves, and
 *   every data file when the database closes. Checkpoints while running still write data pages
 *   without fsync: against power loss, PostgreSQL is the engine to use (docs/operations.md).
 * - Locked: `opencsm.lock` stops a second process from opening the same folder.
 * - Statements go through `pgliteStatementClient`: one call into the engine per statement, each
 *   SQL text prepared once (PGlite's own `query` makes six calls and plans every time).
 */
export type PgliteOptions = {
  dataDir?: string; // undefined = in memory (tests)
  /** A tarball from `dumpDataDir`, used by tests to start from a migrated template. */
  loadDataDir?: Blob;
  /**
   * A throwaway PostgreSQL data folder used as it is (tests: a copy of the migrated template):
   * no lock and no fsync, since nothing in it has to survive the process.
   */
  scratchDir?: string;
};

export async function openPglite(options: PgliteOptions): Promise<Database> {
  const dataDir = options.dataDir ? resolve(options.dataDir) : undefined;
  const pgDir = dataDir ? join(dataDir, 'pgdata') : undefined;
  const lock: DataDirLock | undefined = dataDir ? lockDataDir(dataDir) : undefined;
  let client: PGlite;
  try {
    client = new PGlite({ dataDir: pgDir ?? (options.scratchDir && resolve(options.scratchDir)), loadDataDir: options.loadDataDir });
    await client.waitReady;
  } catch (error) {
    lock?.release();
    throw error;
  }
  // drizzle's PGlite driver, on the statement client instead of PGlite's `query`.
  const dialect = new PgDialect();
  const statements = pgliteStatementClient(client);
  const pgliteDb = new PgliteDatabase(dialect, new PgliteSession(statements, dialect, undefined), undefined);
  const db: Db = pgliteDb;

  const flushWal = pgDir ? groupCommit(walFlusher(statements, pgDir)) : async () => {};

  return {
    engine: 'pglite',
    driver: { engine: 'pglite', client, db: pgliteDb },
    db,
    async transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
      const result = await db.transaction(work);
      await flushWal();
      return result;
    },
    async close() {
      try {
        if (!client.closed) {
          await client.close();
          if (pgDir) fsyncTree(pgDir);
        }
      } finally {
        lock?.release();
      }
    },
  };
}

/**
 * Group commit: a transaction is answered only after an fsync that began after its commit, but
 * commits that land while one fsync runs share the next one instead of queueing one each. The
 * fsync runs on libuv's thread pool, so the event loop (and the engine, which runs on it) serves
 * other requests meanwhile (issue 15: a synchronous fsync per commit was 4.5 % of the embedded
 * server's one thread under load).
 */
export function groupCommit(flush: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  let next: Promise<void> | undefined;
  const start = (): Promise<void> => {
    running = flush().finally(() => {
      running = undefined;
    });
    return running;
  };
  return () => {
    if (!running) return start();
    // The running flush may have read the WAL position before this commit: wait for the next one,
    // shared by every commit that arrives until it starts.
    next ??= running.then(
      () => {
        next = undefined;
        return start();
      },
      () => {
        next = undefined;
        return start();
      },
    );
    return next;
  };
}

/**
 * Returns a function that fsyncs the WAL written since the last call: the current segment, and
 * every segment in between when the WAL moved on to new ones (so a commit record straddling a
 * boundary, or a transaction larger than a segment, is covered). A transaction that wrote nothing
 * (the WAL position did not move) costs no fsync.
 */
function walFlusher(statements: PgliteStatementClient, pgDir: string): () => Promise<void> {
  let flushedLsn = '';
  let flushedSegment: string | undefined;
  return async () => {
    const { rows } = await statements.query<{ lsn: string; current: string }>(
      `select pg_current_wal_insert_lsn()::text as lsn, pg_walfile_name(pg_current_wal_insert_lsn()) as current`,
    );
    const row = rows[0];
    if (!row || row.lsn === flushedLsn) return;
    const from = flushedSegment ?? ''; // first time: every segment up to the current one
    const segments = from === row.current ? [row.current] : walSegmentsBetween(pgDir, from, row.current);
    for (const name of segments) await fsyncFileAsync(join(pgDir, 'pg_wal', name));
    flushedLsn = row.lsn;
    flushedSegment = row.current;
  };
}

async function fsyncFileAsync(path: string): Promise<void> {
  let handle;
  try {
    handle = await open(path, 'r');
    await handle.sync();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  } finally {
    await handle?.close();
  }
}

/** WAL segment files named from `from` to `to` inclusive (names sort in WAL order). */
function walSegmentsBetween(pgDir: string, from: string, to: string): string[] {
  return readdirSync(join(pgDir, 'pg_wal'))
    .filter((name) => /^[0-9A-F]{24}$/.test(name) && name >= from && name <= to)
    .sort();
}

/**
 * After PGlite closes (and checkpoints), flush every data file: PGlite never fsyncs them, and the
 * checkpoint lets the WAL that described them be recycled.
 */
function fsyncTree(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) fsyncTree(path);
    else if (entry.isFile()) fsyncFile(path);
  }
  fsyncFile(dir);
}

function fsyncFile(path: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    fsyncSync(fd);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Dump a database's files so another process can start from them (test templates). */
export async function dumpPglite(database: Database): Promise<Blob> {
  if (database.driver.engine !== 'pglite') throw new Error('dumpPglite needs a PGlite database');
  return database.driver.client.dumpDataDir('none');
}
