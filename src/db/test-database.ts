import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import type { Database } from './database.js';
import { runMigrations } from './migrate.js';
import { openPglite } from './pglite.js';
import { openPostgres } from './postgres.js';

/**
 * A fresh, migrated database for one test file.
 *  - PGlite (default): loaded from the migrated template the test runner dumped once
 *    (OPENCSM_TEST_TEMPLATE), which takes ~0.5 s instead of ~5 s to create and migrate.
 *  - PostgreSQL (TEST_DATABASE_URL set): a new database copied from the runner's migrated
 *    template database, dropped again on close.
 */
/** One template per test run (the runner's pid), so two runs on one server do not collide. */
export function templateDatabaseName(): string {
  const runId = process.env.OPENCSM_TEST_RUN_ID ?? String(process.pid);
  return `opencsm_test_template_${runId.replace(/\W/g, '')}`;
}

export async function openTestDatabase(): Promise<Database & { url?: string }> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) return openPostgresTestDatabase(serverUrl);
  const templatePath = process.env.OPENCSM_TEST_TEMPLATE;
  if (templatePath) {
    const tarball = await readFile(templatePath);
    return openPglite({ loadDataDir: new Blob([tarball]) });
  }
  const database = await openPglite({});
  await runMigrations(database);
  return database;
}

async function openPostgresTestDatabase(serverUrl: string): Promise<Database & { url: string }> {
  const name = `opencsm_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await createFromTemplate(admin, name);
  } finally {
    await admin.end();
  }
  const url = withDatabase(serverUrl, name);
  const database = await openPostgres(url, 5);
  return {
    ...database,
    url,
    async close() {
      await database.close();
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      try {
        // pool.end() resolves before its sockets are gone; a forced drop would then kill live
        // connections and surface as an error in whichever test owned them. Wait for them to go.
        for (let i = 0; i < 200; i++) {
          const { rows } = await cleanup.query('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
          if (rows[0].n === 0) break;
          await new Promise((resolve) => setTimeout(resolve, 25));
        }
        await cleanup.query(`drop database if exists ${name} with (force)`);
      } finally {
        await cleanup.end();
      }
    },
  };
}

async function createFromTemplate(admin: pg.Client, name: string): Promise<void> {
  // Two files copying the template at the same moment can collide ("being accessed by other users").
  for (let attempt = 1; ; attempt++) {
    try {
      await admin.query(`create database ${name} template ${templateDatabaseName()}`);
      return;
    } catch (error) {
      if (attempt >= 20 || (error as { code?: string }).code !== '55006') throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }
}

export function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
