import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import type { Database } from '../db/database.js';
import { openTestDatabase } from '../db/test-database.js';

/**
 * The node arguments that run a TypeScript script as a child process from a test. Under the test
 * runner (scripts/run-tests.mjs) the sources are compiled once and every `x.ts` has its `x.js`
 * beside it: run that directly, as tsx would spend seconds compiling the whole import graph again
 * in each child (a crash test starts three). From the sources (`node --import tsx --test …`)
 * there is no `.js`, and tsx runs the `.ts`.
 */
export function nodeArgsForScript(script: URL): string[] {
  const path = script.pathname;
  const compiled = path.replace(/\.ts$/, '.js');
  return compiled !== path && existsSync(compiled) ? ['--enable-source-maps', compiled] : ['--import', 'tsx', path];
}

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
