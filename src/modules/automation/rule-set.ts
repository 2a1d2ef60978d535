import type { Logger } from 'pino';
import { validateCondition } from '../../conditions/validate.js';
import type { CheckedCondition } from '../../conditions/types.js';
import type { Db } from '../../db/database.js';
import type { ConditionTypes } from '../../forms/field-kinds.js';
import { listRules, type RuleRow } from './rules.js';
import { customerFactKeys, ruleFieldsForEvaluation, ticketTextKeys } from './rule-fields.js';
import { conditionOptions } from './rule-state.js';
import type { TriggerCache } from './trigger-cache.js';
import type { RuleTrigger } from './triggers.js';

/** A stored rule ready to judge: its checked condition and which costly facts it needs. */
export type CompiledRule = { row: RuleRow; condition: CheckedCondition; needsCustomer: boolean; needsText: boolean; needsCalendar: boolean };

/** `rules`: the enabled event rules in order; `timeRules`: the enabled time rules (定时规则), judged when due. */
export type RuleSet = { revision: number; rules: CompiledRule[]; byTrigger: ReadonlyMap<RuleTrigger, CompiledRule[]>; timeRules: CompiledRule[]; timeRulesById: ReadonlyMap<string, CompiledRule> };

function leavesOf(condition: CheckedCondition): Array<Extract<CheckedCondition, { kind: 'leaf' }>> {
  if (condition.kind === 'leaf') return [condition];
  return condition.kind === 'not' ? leavesOf(condition.item) : condition.items.flatMap(leavesOf);
}

/** Check every enabled rule once; a rule whose condition no longer validates (a field deleted since) is left out and logged. */
export async function compileRules(db: Db, types: ConditionTypes, revision: number, log?: Logger): Promise<RuleSet> {
  const lookup = await ruleFieldsForEvaluation(db, types);
  const rules: CompiledRule[] = [];
  const timeRules: CompiledRule[] = [];
  for (const row of await listRules(db)) {
    if (!row.enabled) continue;
    const checked = validateCondition(row.conditions, lookup, conditionOptions(row.triggers));
    if (!checked.ok) {
      log?.warn({ ruleId: row.id, issues: checked.issues }, 'automation: a rule no longer validates and is skipped');
      continue;
    }
    const leaves = leavesOf(checked.condition);
    (row.kind === 'time' ? timeRules : rules).push({
      row,
      condition: checked.condition,
      needsCustomer: leaves.some((leaf) => customerFactKeys.has(leaf.field.key)),
      needsText: leaves.some((leaf) => ticketTextKeys.has(leaf.field.key)),
      needsCalendar: leaves.some((leaf) => leaf.op === 'within_business_hours'),
    });
  }
  const byTrigger = new Map<RuleTrigger, CompiledRule[]>();
  for (const rule of rules) for (const trigger of rule.row.triggers) byTrigger.set(trigger, [...(byTrigger.get(trigger) ?? []), rule]);
  return { revision, rules, byTrigger, timeRules, timeRulesById: new Map(timeRules.map((rule) => [rule.row.id, rule])) };
}

/** The compiled rules of one app under the revision its trigger cache trusts: compiled again only when a rule changed. */
export class RuleSetCache {
  private current: RuleSet | null = null;

  constructor(private readonly triggers: TriggerCache) {}

  async get(db: Db, types: ConditionTypes, log?: Logger): Promise<RuleSet> {
    await this.triggers.refresh(db);
    const revision = this.triggers.currentRevision;
    if (this.current?.revision !== revision) this.current = await compileRules(db, types, revision, log);
    return this.current;
  }
}
