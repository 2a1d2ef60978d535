import type { Config } from '../app/config.js';
import type { Database } from './database.js';
import { runMigrations } from './migrate.js';
import { openPglite } from './pglite.js';
import { openPostgres } from './postgres.js';

/** PostgreSQL when DATABASE_URL is set, else embedded PGlite in OPENCSM_DATA_DIR. Migrates first. */
export async function openDatabase(
  config: Pick<Config, 'DATABASE_URL' | 'OPENCSM_DATA_DIR'> & Partial<Pick<Config, 'OPENCSM_DB_PREPARE'>>,
  options: { migrate?: boolean } = {},
): Promise<Database> {
  const database = config.DATABASE_URL
    ? await openPostgres(config.DATABASE_URL, undefined, { prepare: config.OPENCSM_DB_PREPARE !== 'off' })
    : await openPglite({ dataDir: config.OPENCSM_DATA_DIR });
  if (options.migrate ?? true) {
    try {
      await runMigrations(database, config.DATABASE_URL);
    } catch (error) {
      await database.close();
      throw error;
    }
  }
  return database;
}
