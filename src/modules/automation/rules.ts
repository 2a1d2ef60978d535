import { asc, eq, sql } from 'drizzle-orm';
import { NotFound } from '../../app/errors.js';
import type { Db, Tx } from '../../db/database.js';
import { automationRules } from './schema.js';

export type RuleRow = typeof automationRules.$inferSelect;

/** Every rule in the order they are tried. */
export async function listRules(db: Db): Promise<RuleRow[]> {
  return db.select().from(automationRules).orderBy(asc(automationRules.position), asc(automationRules.createdAt));
}

export async function getRule(db: Db, id: string): Promise<RuleRow> {
  const [row] = await db.select().from(automationRules).where(eq(automationRules.id, id));
  if (!row) throw new NotFound('automation.rule.not_found');
  return row;
}

/** The row, locked until the transaction ends (the caller is about to change it). */
export async function lockRule(tx: Tx, id: string): Promise<RuleRow> {
  const [row] = await tx.select().from(automationRules).where(eq(automationRules.id, id)).for('update');
  if (!row) throw new NotFound('automation.rule.not_found');
  return row;
}

/** Serialises changes to the order (create, delete, reorder) so positions stay dense. */
export async function lockRuleOrder(tx: Tx): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('automation_rules_order'))`);
}

/** A rule's names by id (the ticket timeline names the rule behind a `rule:<id>` change). */
export async function getRuleNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.select({ id: automationRules.id, name: automationRules.name }).from(automationRules).where(sql`${automationRules.id} in (${sql.join(unique.map((id) => sql`${id}::uuid`), sql`, `)})`);
  return new Map(rows.map((row) => [row.id, row.name]));
}
