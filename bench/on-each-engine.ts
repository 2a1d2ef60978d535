import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Database } from '../src/db/database.js';
import { openPglite } from '../src/db/pglite.js';
import { openPostgres } from '../src/db/postgres.js';
import { withDatabase } from '../src/db/test-database.js';

export type Engine = 'pglite' | 'postgres';
/** `url` is the PostgreSQL database's address (migrations and extra pools need it); none on PGlite. */
export type Measure = (engine: Engine, database: Database, url?: string) => Promise<void>;

/**
 * Run one benchmark on a fresh embedded database, then, when BENCH_DATABASE_URL is set, on a
 * fresh database of that PostgreSQL server (created as `name`, dropped afterwards).
 */
export async function onEachEngine(name: string, measure: Measure): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), `${name}-`));
  const embedded = await openPglite({ dataDir: join(dir, 'db') });
  try {
    await measure('pglite', embedded);
  } finally {
    await embedded.close();
    await rm(dir, { recursive: true, force: true });
  }
  const serverUrl = process.env.BENCH_DATABASE_URL || undefined;
  if (!serverUrl) return;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  const url = withDatabase(serverUrl, name);
  const server = await openPostgres(url, 5);
  try {
    await measure('postgres', server, url);
  } finally {
    await server.close();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}
