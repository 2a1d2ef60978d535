import { sql } from 'drizzle-orm';
import pg from 'pg';
import { runMigrations } from '../src/db/migrate.js';
import { openPglite } from '../src/db/pglite.js';
import { openPostgres } from '../src/db/postgres.js';
import { templateDatabaseName, withDatabase } from '../src/db/test-database.js';

/**
 * Build the migrated template every test file starts from: a PGlite data folder at the given
 * path (each test file opens a copy of it), or (TEST_DATABASE_URL) a template database on the
 * PostgreSQL server, named after OPENCSM_TEST_RUN_ID. `drop` removes it again.
 */
const [command, templatePath] = process.argv.slice(2);
const serverUrl = process.env.TEST_DATABASE_URL;

if (command === 'drop') {
  // After the run: remove this run's template from the server (PGlite's is a folder the runner deletes).
  if (serverUrl) {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${templateDatabaseName()} with (force)`);
    await admin.end();
  }
} else if (serverUrl) {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${templateDatabaseName()} with (force)`);
  await admin.query(`create database ${templateDatabaseName()}`);
  await admin.end();
  const url = withDatabase(serverUrl, templateDatabaseName());
  const database = await openPostgres(url, 1);
  await runMigrations(database, url);
  await database.close();
} else {
  if (command !== 'create' || !templatePath) throw new Error('usage: prepare-test-template create <output folder> | drop');
  const database = await openPglite({ scratchDir: templatePath });
  await runMigrations(database);
  // PGlite zeroes its shared buffers at every start: 128 MB took ~0.4 s of CPU per test file,
  // and a test database never holds more than a few MB. Closing cleanly (a shutdown checkpoint)
  // also spares every copy a WAL replay.
  await database.db.execute(sql`alter system set shared_buffers = '16MB'`);
  await database.close();
}
