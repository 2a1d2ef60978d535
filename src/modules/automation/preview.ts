import type { ReadModels } from '../../app/read-models.js';
import { compileCondition } from '../../conditions/sql-compile.js';
import { checkedConditionOrThrow } from '../../conditions/validation-problem.js';
import { fieldLookup, type Condition } from '../../conditions/types.js';
import type { Db } from '../../db/database.js';
import type { ConditionTypes } from '../../forms/field-kinds.js';
import type { Actor } from '../auth/index.js';
import { ticketsMatching, type ConditionMatches } from '../tickets/index.js';
import { ruleFieldsWithOptions } from './rule-fields.js';
import { conditionOptions } from './rule-state.js';
import type { RuleTrigger } from './triggers.js';

/**
 * "现在会匹配 N 张工单": how many tickets the caller may see satisfy a rule's condition now, and the
 * newest ten. A leaf SQL cannot judge over stored tickets (`changed*`, which needs the change;
 * `within_business_hours`, whose holidays live in code; requester, organisation and type facts,
 * which are not ticket columns) is refused with a 422 naming each such leaf, never dropped, so the
 * count is always the count of the condition as written (docs/automation.md).
 */
export async function previewCondition(db: Db, actor: Actor, input: { conditions: Condition; triggers?: RuleTrigger[] }, deps: { readModels: ReadModels; types: ConditionTypes; now: Date }): Promise<ConditionMatches> {
  const fields = await ruleFieldsWithOptions(db, deps.readModels, deps.types);
  const checked = checkedConditionOrThrow(input.conditions, fieldLookup(fields), { ...conditionOptions(input.triggers ?? ['ticket.updated']), path: 'conditions' });
  return ticketsMatching(db, actor, compileCondition(checked, { now: deps.now }));
}
