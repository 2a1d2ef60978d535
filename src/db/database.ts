import type { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { SQL } from 'drizzle-orm';
import type pg from 'pg';

/**
 * What raw SQL (`execute`) answers on both engines: node-postgres' `QueryResult` and PGlite's
 * `Results` both carry the rows as `rows`. Drizzle's own base kind leaves the answer `unknown`;
 * with this one both drivers' databases are a `Db` as they are, and `queryRows` reads `rows`
 * without a cast.
 */
type RowsOf<Row> = { rows: Row[] };
export interface RowsQueryResultHKT extends PgQueryResultHKT {
  type: RowsOf<this['row']>;
}

/**
 * The one query surface every module uses. Both engines (PGlite, node-postgres) give a drizzle
 * `PgDatabase`; a transaction is one too, so service helpers accept either.
 */
export type Db = PgDatabase<RowsQueryResultHKT>;
/** A drizzle transaction. Same API as `Db`; the name documents "call me inside a transaction". */
export type Tx = Db;

export type Engine = 'pglite' | 'postgres';

/**
 * The engine's own client, for the few places that need more than SQL (LISTEN, dumping a data
 * folder, drizzle's engine-specific migrator), typed per engine instead of read off drizzle's
 * untyped `$client`.
 */
export type Driver = { readonly engine: 'pglite'; readonly client: PGlite; readonly db: PgliteDatabase } | { readonly engine: 'postgres'; readonly pool: pg.Pool };

export interface Database {
  readonly engine: Engine;
  readonly driver: Driver;
  /** For reads outside a transaction. Writes go through `transaction` so they are durable and evented. */
  readonly db: Db;
  /**
   * Run `work` in one transaction. On PGlite transactions are serialised (one session) and the WAL
   * is flushed to disk before this resolves; on PostgreSQL serialisation failures and deadlocks
   * are retried a few times.
   */
  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * The app's database whose every transaction is `tx`, and whose reads go through it too: how a
 * service called with it joins an enclosing transaction (a rule's action with its done-row, an
 * assignment with its counters), so both commit or neither. Reads must use it as well: on PGlite
 * a read beside an open transaction would wait for it.
 */
export function databaseInside(tx: Tx, database: Database): Database {
  return { engine: database.engine, driver: database.driver, db: tx, transaction: (work) => work(tx), close: database.close };
}

const retryableSqlStates = new Set(['40001', '40P01']);

/** Postgres error code of a driver error, looking through drizzle's wrapping `cause`. */
export function sqlState(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (sqlState(error) !== '23505') return false;
  if (!constraint) return true;
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    const c = (e as { constraint?: unknown }).constraint;
    if (c === constraint) return true;
    const message = (e as { message?: unknown }).message;
    if (typeof message === 'string' && message.includes(`"${constraint}"`)) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

export function isForeignKeyViolation(error: unknown): boolean {
  return sqlState(error) === '23503';
}

export async function withRetries<T>(attempt: () => Promise<T>, maxAttempts = 5): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (error) {
      const state = sqlState(error);
      if (n >= maxAttempts || !state || !retryableSqlStates.has(state)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 * n + Math.random() * 20));
    }
  }
}

/** Run raw SQL and return its rows (both drivers answer `{ rows }`). */
export async function queryRows<T extends Record<string, unknown>>(db: Db, query: SQL): Promise<T[]> {
  const result = await db.execute<T>(query);
  return result.rows;
}

/**
 * Drizzle's query errors carry the SQL parameters in their message (password hashes, ticket
 * text). For logs and stored job errors use the driver's own error underneath instead.
 */
export function withoutQueryParameters(error: unknown): unknown {
  if (error && typeof error === 'object' && 'params' in error && 'cause' in error && (error as { cause?: unknown }).cause) {
    return (error as { cause: unknown }).cause;
  }
  return error;
}
