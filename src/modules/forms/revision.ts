import { sql } from 'drizzle-orm';
import type { Database, Db, Tx } from '../../db/database.js';
import { formsRevision } from './schema.js';
import { noteBump } from './registry-cache.js';

/**
 * Every change of a field or a type bumps the one revision, in the change's own transaction; the
 * process that makes it stops trusting its cached registry at once (registry-cache.ts).
 */
export async function bumpFormsRevision(database: Database, tx: Tx): Promise<void> {
  const [row] = await tx
    .insert(formsRevision)
    .values({ id: 1, revision: 1 })
    .onConflictDoUpdate({ target: formsRevision.id, set: { revision: sql`${formsRevision.revision} + 1` } })
    .returning({ revision: formsRevision.revision });
  noteBump(database.db, row!.revision);
}

/** The revision as stored now (one primary-key read): what ETags are made of, exact in every process. */
export async function formsRevisionNow(db: Db): Promise<number> {
  const [row] = await db.select({ revision: formsRevision.revision }).from(formsRevision);
  return row?.revision ?? 0;
}
