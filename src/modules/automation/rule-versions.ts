import { and, desc, eq, lt } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { z } from 'zod';
import { ruleActionSchema, type RuleAction } from './actions/index.js';
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

/**
 * The actions of a rule as saved at `version`: what a firing claimed at that version runs when it
 * is resumed after the rule changed. None when the snapshot is gone or unreadable.
 */
export async function actionsAtVersion(db: Db, ruleId: string, version: number): Promise<RuleAction[]> {
  const rows = await db.select({ snapshot: automationRuleVersions.snapshot }).from(automationRuleVersions).where(and(eq(automationRuleVersions.ruleId, ruleId), eq(automationRuleVersions.version, version)));
  for (const row of rows) {
    const parsed = z.array(ruleActionSchema).safeParse(row.snapshot.actions);
    if (parsed.success) return parsed.data;
  }
  return [];
}
