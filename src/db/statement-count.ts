import pg from 'pg';
import type { Database } from './database.js';

/**
 * How many statements `work` sends to the engine (tests: issue 15's per-ticket budget). PostgreSQL:
 * every query of a node-postgres client connected to this database (BEGIN and COMMIT included);
 * PGlite: every call into the engine that carries a statement (BEGIN and COMMIT included). Counts what
 * anything sends meanwhile, so run nothing else beside `work`.
 */
export async function countStatements(database: Database, work: () => Promise<unknown>): Promise<number> {
  let statements = 0;
  if (database.driver.engine === 'pglite') {
    const pglite = database.driver.client;
    const original = pglite.execProtocolStream;
    pglite.execProtocolStream = (message, options) => {
      // PGlite's own BEGIN and COMMIT are a query, then a lone Sync (5 bytes, 'S'): not a statement.
      if (!(message.length === 5 && message[0] === 0x53)) statements += 1;
      return original.call(pglite, message, options);
    };
    try {
      await work();
    } finally {
      pglite.execProtocolStream = original;
    }
    return statements;
  }
  const databaseName = (await database.driver.pool.query<{ name: string }>('select current_database() as name')).rows[0]!.name;
  const original = pg.Client.prototype.query;
  pg.Client.prototype.query = function counted(this: pg.Client, ...args: Parameters<typeof original>) {
    if (this.database === databaseName) statements += 1;
    return Reflect.apply(original, this, args);
  } as typeof original;
  try {
    await work();
  } finally {
    pg.Client.prototype.query = original;
  }
  return statements;
}
