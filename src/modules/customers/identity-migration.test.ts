import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { cp, mkdtemp, readFile, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { queryRows, type Database } from '../../db/database.js';
import { migrationsFolder } from '../../db/migrate.js';
import { openPglite } from '../../db/pglite.js';
import { withDatabase } from '../../db/test-database.js';

/**
 * Upgrading a database from before the customers module: the foundation kept one email and one
 * phone on each contact; migration 0005 turns them into identities before 0006 drops the columns.
 */
const beforeCustomers = 5; // migrations 0000–0004

async function migrationsUpTo(count: number): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'opencsm-migrations-'));
  // The compiled test run links migrations/ into its mirror: copy what the link points at.
  await cp(await realpath(migrationsFolder), dir, { recursive: true });
  const journalPath = join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(await readFile(journalPath, 'utf8')) as { entries: unknown[] };
  await writeFile(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, count) }));
  return dir;
}

/** An empty database on the engine under test, and a way to run a migrations folder on it. */
async function emptyDatabase(): Promise<{ database: Database; migrate(folder: string): Promise<void>; close(): Promise<void> }> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const database = await openPglite({});
    return { database, migrate: (folder) => migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder: folder }), close: () => database.close() };
  }
  const name = `opencsm_upgrade_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const client = new pg.Client({ connectionString: withDatabase(serverUrl, name) });
  await client.connect();
  const db = drizzlePg(client);
  // Only `db` is used: the test reads with plain queries.
  const database = { engine: 'postgres', db } as unknown as Database;
  return {
    database,
    migrate: (folder) => migratePg(db, { migrationsFolder: folder }),
    async close() {
      await client.end();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

test('contacts from before the customers module keep their email and phone as identities', async () => {
  const target = await emptyDatabase();
  const oldMigrations = await migrationsUpTo(beforeCustomers);
  try {
    await target.migrate(oldMigrations);
    await target.database.db.execute(sql`insert into contacts (id, name, email, phone) values
      ('01900000-0000-7000-8000-000000000001', '张三', 'zhangsan@example.cn', '+8613800138000'),
      ('01900000-0000-7000-8000-000000000002', '李四', null, '+8675588886666'),
      ('01900000-0000-7000-8000-000000000003', '王五', 'wangwu@example.cn', null)`);
    await target.migrate(migrationsFolder);
    const identities = await queryRows<{ name: string; kind: string; value: string }>(
      target.database.db,
      sql`select c.name, i.kind, i.value from contact_identities i join contacts c on c.id = i.contact_id order by c.id, i.kind`,
    );
    assert.deepEqual(identities, [
      { name: '张三', kind: 'email', value: 'zhangsan@example.cn' },
      { name: '张三', kind: 'phone', value: '+8613800138000' },
      { name: '李四', kind: 'phone', value: '+8675588886666' },
      { name: '王五', kind: 'email', value: 'wangwu@example.cn' },
    ]);
    const tiers = await queryRows<{ key: string }>(target.database.db, sql`select key from customer_tiers order by rank`);
    assert.deepEqual(tiers.map((t) => t.key), ['vip', 'key', 'standard']);
    const columns = await queryRows<{ column_name: string }>(target.database.db, sql`select column_name from information_schema.columns where table_name = 'contacts' and column_name in ('email', 'phone')`);
    assert.deepEqual(columns, [], 'the old columns are gone');
  } finally {
    await rm(oldMigrations, { recursive: true, force: true });
    await target.close();
  }
});
