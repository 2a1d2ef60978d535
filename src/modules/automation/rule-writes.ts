import { isDeepStrictEqual } from 'node:util';
import { eq, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { invalidField, PreconditionFailed } from '../../app/errors.js';
import type { ReadModels } from '../../app/read-models.js';
import type { Database } from '../../db/database.js';
import type { ConditionTypes } from '../../forms/field-kinds.js';
import { recordEvent } from '../../jobs/events.js';
import type { Actor } from '../auth/index.js';
import { ruleCreated, ruleDeleted, rulesReordered, ruleUpdated } from './events.js';
import { bumpAutomationRevision } from './revision.js';
import { listRules, lockRule, lockRuleOrder, type RuleRow } from './rules.js';
import { ruleFields, validRuleState, type RuleState } from './rule-state.js';
import { recordRuleVersion } from './rule-versions.js';
import { automationRules } from './schema.js';
import { queueTimeRuleBackfill } from './time-backfill.js';
import { queueTimeRuleRecount } from './time-rule-changed.js';
import type { TriggerCache } from './trigger-cache.js';

/** What a rule write needs of the app: its read models and field types (validation) and this process's trigger cache. */
export type RuleWriteContext = { database: Database; readModels: ReadModels; fieldTypes: ConditionTypes; triggers: TriggerCache };

/** A new rule goes last in the order; it is versioned (version 1) and audited. */
export async function createRule(context: RuleWriteContext, actor: Actor, input: RuleState): Promise<RuleRow> {
  const state = await validRuleState(context.database.db, input, context.readModels, context.fieldTypes);
  return context.database.transaction(async (tx) => {
    await lockRuleOrder(tx);
    const [{ count } = { count: 0 }] = await tx.select({ count: sql<number>`count(*)::int` }).from(automationRules);
    const now = new Date();
    const [row] = await tx.insert(automationRules).values({ id: uuidv7(), ...state, position: count, createdBy: actor.id, updatedBy: actor.id, createdAt: now, updatedAt: now }).returning();
    await recordRuleVersion(tx, row!, 'created', actor.id);
    await queueTimeRuleBackfill(tx, null, row!);
    await recordEvent(tx, ruleCreated, { aggregateId: row!.id, cause: 'agent', actorId: actor.id, payload: { name: row!.name, version: row!.version, position: row!.position, enabled: row!.enabled } });
    await bumpAutomationRevision(tx, context.triggers);
    return row!;
  });
}

function assertVersion(current: number, expected: number | undefined): void {
  if (expected !== undefined && current !== expected) throw new PreconditionFailed('automation.rule.version_mismatch', { current });
}

/**
 * Change a rule if it is still at `expectedVersion` (412 otherwise). Fields sent replace the stored
 * ones whole; the merged state is validated as a whole; nothing to change is not a new version.
 * Enabling and disabling are changes like any other (versioned, audited).
 */
export async function updateRule(context: RuleWriteContext, actor: Actor, id: string, expectedVersion: number, changes: Partial<RuleState>): Promise<RuleRow> {
  const { database } = context;
  return database.transaction(async (tx) => {
    const before = await lockRule(tx, id);
    assertVersion(before.version, expectedVersion);
    const previous = stateOf(before);
    const given = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
    const next = await validRuleState(tx, { ...previous, ...given }, context.readModels, context.fieldTypes);
    const changed = ruleFields.filter((field) => !isDeepStrictEqual(previous[field], next[field]));
    if (changed.length === 0) return before;
    const set = Object.fromEntries(changed.map((field) => [field, next[field]]));
    const [row] = await tx.update(automationRules).set({ ...set, version: sql`${automationRules.version} + 1`, updatedBy: actor.id, updatedAt: new Date() }).where(eq(automationRules.id, id)).returning();
    await recordRuleVersion(tx, row!, 'updated', actor.id, changed);
    await queueTimeRuleRecount(tx, before, row!);
    await queueTimeRuleBackfill(tx, before, row!);
    await recordEvent(tx, ruleUpdated, {
      aggregateId: id,
      cause: 'agent',
      actorId: actor.id,
      payload: { name: row!.name, version: row!.version, fields: [...changed], changes: Object.fromEntries(changed.map((field) => [field, { from: previous[field], to: next[field] }])) },
    });
    await bumpAutomationRevision(tx, context.triggers);
    return row!;
  });
}

/** The stored rule as the state an admin edits. */
function stateOf(row: RuleRow): RuleState {
  return { name: row.name, description: row.description, kind: row.kind, triggers: row.triggers, timeTrigger: row.timeTrigger ?? null, conditions: row.conditions, actions: row.actions, stopAfter: row.stopAfter, enabled: row.enabled };
}

/** Delete a rule (its versions and firings stay as history); the rules after it move up. */
export async function deleteRule(context: RuleWriteContext, actor: Actor, id: string, expectedVersion: number | undefined): Promise<void> {
  await context.database.transaction(async (tx) => {
    await lockRuleOrder(tx);
    const row = await lockRule(tx, id);
    assertVersion(row.version, expectedVersion);
    await tx.delete(automationRules).where(eq(automationRules.id, id));
    await queueTimeRuleRecount(tx, row, null);
    await tx.update(automationRules).set({ position: sql`${automationRules.position} - 1` }).where(sql`${automationRules.position} > ${row.position}`);
    await recordRuleVersion(tx, row, 'deleted', actor.id);
    await recordEvent(tx, ruleDeleted, { aggregateId: id, cause: 'agent', actorId: actor.id, payload: { name: row.name, version: row.version, position: row.position } });
    await bumpAutomationRevision(tx, context.triggers);
  });
}

/**
 * Put the rules in the order of `ids`, which must name every rule exactly once (a list made before
 * someone added or removed one is refused, 400 at `ids`). Moving does not change a rule's version.
 */
export async function reorderRules(context: RuleWriteContext, actor: Actor, ids: readonly string[]): Promise<RuleRow[]> {
  return context.database.transaction(async (tx) => {
    await lockRuleOrder(tx);
    const current = await listRules(tx);
    const wanted = ids.map((id) => id.toLowerCase());
    const known = new Set(current.map((rule) => rule.id));
    if (new Set(wanted).size !== wanted.length || wanted.length !== current.length || !wanted.every((id) => known.has(id))) {
      throw invalidField('ids', 'automation.rule.reorder_mismatch', { count: current.length });
    }
    const before = current.map((rule) => rule.id);
    if (wanted.every((id, index) => before[index] === id)) return current;
    for (const [position, id] of wanted.entries()) if (before[position] !== id) await tx.update(automationRules).set({ position }).where(eq(automationRules.id, id));
    await recordEvent(tx, rulesReordered, { aggregateId: 'automation_rules', cause: 'agent', actorId: actor.id, payload: { from: before, to: wanted } });
    await bumpAutomationRevision(tx, context.triggers);
    return listRules(tx);
  });
}
