import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/database.js';
import { formsRevision } from './schema.js';

/** Every change of a field or a type bumps the one revision, in the change's own transaction. */
export async function bumpFormsRevision(tx: Tx): Promise<void> {
  await tx
    .insert(formsRevision)
    .values({ id: 1, revision: 1 })
    .onConflictDoUpdate({ target: formsRevision.id, set: { revision: sql`${formsRevision.revision} + 1` } });
}

export async function formsRevisionNow(db: Db): Promise<number> {
  const [row] = await db.select({ revision: formsRevision.revision }).from(formsRevision);
  return row?.revision ?? 0;
}
