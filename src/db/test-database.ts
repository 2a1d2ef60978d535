import { randomBytes } from 'node:crypto';
import { accessSync, constants, cpSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Database } from './database.js';
import { runMigrations } from './migrate.js';
import { openPglite } from './pglite.js';
import { openPostgres } from './postgres.js';

/**
 * A fresh, migrated database for one test file.
 *  - PGlite (default): a copy of the migrated template folder the test runner made once
 *    (OPENCSM_TEST_TEMPLATE), opened in place. Measured per file (CPU, median, BENCHMARKS.md):
 *    loading the template as a tarball cost ~2.9 s, most of it untarring 42 MB in JavaScript and
 *    zeroing 128 MB of shared buffers; a file copy into /dev/shm plus an open with the template's
 *    16 MB shared buffers costs ~1.3 s (with cpSync: ~0.5 s copy and start, 2026-12-07).
 *    Creating and migrating from scratch costs ~8 s.
 *  - PostgreSQL (TEST_DATABASE_URL set): a new database copied from the runner's migrated
 *    template database (CREATE DATABASE … TEMPLATE, tens of ms), dropped again on close.
 */
/** One template per test run (the runner's pid), so two runs on one server do not collide. */
export function templateDatabaseName(): string {
  const runId = process.env.OPENCSM_TEST_RUN_ID ?? String(process.pid);
  return `opencsm_test_template_${runId.replace(/\W/g, '')}`;
}

export async function openTestDatabase(): Promise<Database & { url?: string }> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) return openPostgresTestDatabase(serverUrl);
  const templateDir = process.env.OPENCSM_TEST_TEMPLATE;
  if (templateDir) return openPgliteCopy(templateDir);
  const database = await openPglite({});
  await runMigrations(database);
  return database;
}

async function openPgliteCopy(templateDir: string): Promise<Database> {
  const scratchDir = await mkdtemp(join(scratchRoot(), 'opencsm-testdb-'));
  try {
    // The synchronous copy: fs/promises' cp walks the template's ~1,400 files in JavaScript and
    // cost 360–520 ms of CPU per open; cpSync copies each file in the kernel (75–180 ms).
    cpSync(templateDir, scratchDir, { recursive: true });
    const database = await openPglite({ scratchDir });
    return {
      ...database,
      async close() {
        try {
          await database.close();
        } finally {
          await rm(scratchDir, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    await rm(scratchDir, { recursive: true, force: true });
    throw error;
  }
}

/** Memory-backed when the machine has it: the copy is thrown away, so it need not touch a disk. */
function scratchRoot(): string {
  try {
    accessSync('/dev/shm', constants.W_OK);
    return '/dev/shm';
  } catch {
    return tmpdir();
  }
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
