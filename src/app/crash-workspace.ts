import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import type { Database } from '../db/database.js';
import { openTestDatabase } from '../db/test-database.js';
import { seedDataDirFromTestTemplate } from '../db/test-template.js';

// Apart from test-child.ts, which tests of the embedded engine alone import: the test runner keeps
// a file that reaches a database helper for the PostgreSQL pass (scripts/test-uses-database.mjs).
/**
 * Where a crash test's child processes keep their data, made before the file's tests and removed
 * after: a data folder (on PGlite the children own it in turn) and, on PostgreSQL, a fresh test
 * database whose URL the children get as DATABASE_URL (`childEnv`).
 */
export function crashWorkspace(prefix: string): { readonly dataDir: string; readonly databaseUrl: string | undefined; childEnv(): NodeJS.ProcessEnv } {
  let dataDir = '';
  let pgDatabase: (Database & { url?: string }) | undefined;
  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), prefix));
    if (process.env.TEST_DATABASE_URL) pgDatabase = await openTestDatabase();
    // On PGlite the children's folder starts migrated (the crash comes later; src/db/test-template.ts).
    else seedDataDirFromTestTemplate(dataDir);
  });
  after(async () => {
    await pgDatabase?.close();
    await rm(dataDir, { recursive: true, force: true });
  });
  return {
    get dataDir() {
      return dataDir;
    },
    get databaseUrl() {
      return pgDatabase?.url;
    },
    childEnv: () => ({ ...process.env, DATABASE_URL: pgDatabase?.url ?? '' }),
  };
}
