import pg from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';
import { withRetries, type Database, type Db, type Tx } from './database.js';
import { preparingClient } from './postgres-statements.js';

/**
 * The server engine: a node-postgres pool. Any number of OpenCSM processes may share it.
 * `prepare`: each connection prepares a SQL text once (postgres-statements.ts); off behind a
 * pooler that cannot keep prepared statements.
 */
export async function openPostgres(url: string, poolSize = 10, { prepare = true }: { prepare?: boolean } = {}): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, application_name: 'opencsm', ...(prepare && { Client: preparingClient() }) });
  // Fail fast with a clear error if the server cannot be reached.
  const probe = await pool.connect();
  probe.release();
  const db: Db = drizzle(pool);
  return {
    engine: 'postgres',
    driver: { engine: 'postgres', pool },
    db,
    transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
      return withRetries(() => db.transaction(work));
    },
    async close() {
      await pool.end();
    },
  };
}
