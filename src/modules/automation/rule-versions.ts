import { and, desc, eq, lt } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Db, Tx } from '../../db/database.js';
import type { RuleRow } from './rules.js';
import { ruleFields } from './rule-state.js';
import { automationRuleVersions } from './schema.js';

export type RuleVersionRow = typeof automationRuleVersions.$inferSelect;
export type RuleChange = 'created' | 'updated' | 'deleted';

/** The rule as an admin edits it: what a version keeps. */
export function snapshotOf(row: RuleRow): Record<string, unknown> {
  return Object.fromEntries(ruleFields.map((field) => [field, row[field]]));
}

/** An immutable snapshot of the rule as this save left it (who, when, what changed). */
export async function recordRuleVersion(tx: Tx, row: RuleRow, change: RuleChange, actorId: string, fields: readonly string[] = []): Promise<void> {
  await tx.insert(automationRuleVersions).values({ id: uuidv7(), ruleId: row.id, version: row.version, change, fields: [...fields], snapshot: snapshotOf(row), actorId, at: new Date() });
}

/** A rule's versions, newest first, a page at a time (`before`: the id of the last one seen). */
export async function listRuleVersions(db: Db, ruleId: string, page: { limit: number; before?: string }): Promise<RuleVersionRow[]> {
  return db
    .select()
    .from(automationRuleVersions)
    .where(and(eq(automationRuleVersions.ruleId, ruleId), page.before ? lt(automationRuleVersions.id, page.before) : undefined))
    .orderBy(desc(automationRuleVersions.id))
    .limit(page.limit);
}
