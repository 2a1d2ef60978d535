import { asc, eq, sql } from 'drizzle-orm';
import { NotFound } from '../../app/errors.js';
import type { Db, Tx } from '../../db/database.js';
import { slaPolicies } from './schema.js';

export type PolicyRow = typeof slaPolicies.$inferSelect;

/** Every policy in the order they are tried (first match wins). */
export async function listPolicies(db: Db): Promise<PolicyRow[]> {
  return db.select().from(slaPolicies).orderBy(asc(slaPolicies.position), asc(slaPolicies.id));
}

export async function getPolicy(db: Db, id: string): Promise<PolicyRow> {
  const [row] = await db.select().from(slaPolicies).where(eq(slaPolicies.id, id));
  if (!row) throw new NotFound('sla.policy.not_found');
  return row;
}

/** The row, locked until the transaction ends (the caller is about to change it). */
export async function lockPolicy(tx: Tx, id: string): Promise<PolicyRow> {
  const [row] = await tx.select().from(slaPolicies).where(eq(slaPolicies.id, id)).for('update');
  if (!row) throw new NotFound('sla.policy.not_found');
  return row;
}

/**
 * Queue every change to the order (create, delete, reorder) behind one lock, so positions stay
 * 0..n-1 without gaps or ties even when admins act at the same moment.
 */
export async function lockPolicyOrder(tx: Tx): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended('sla_policies:order', 0))`);
}
