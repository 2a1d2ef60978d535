import type { ReadModels } from '../../app/read-models.js';
import { changeOperators } from '../../conditions/operators.js';
import { evaluate } from '../../conditions/evaluate.js';
import { checkedConditionOrThrow } from '../../conditions/validation-problem.js';
import { fieldLookup, type CheckedCondition, type Condition } from '../../conditions/types.js';
import type { Database } from '../../db/database.js';
import type { ConditionTypes } from '../../forms/field-kinds.js';
import type { Actor } from '../auth/index.js';
import { isBusinessTime, listCalendars } from '../sla/index.js';
import { getTicketSnapshot, getVisibleTicket } from '../tickets/index.js';
import type { RuleAction } from './actions/index.js';
import { ruleFieldsWithOptions } from './rule-fields.js';
import { conditionOptions } from './rule-state.js';
import { factLookups, ticketValues } from './ticket-facts.js';
import type { RuleTrigger } from './triggers.js';

export type LeafResult = { path: string; field: string; op: string; result: boolean; reason?: string };
export type Explanation = { ticket: { id: string; number: string }; matches: boolean; leaves: LeafResult[]; actions: RuleAction[] };

function leaves(condition: CheckedCondition): Array<Extract<CheckedCondition, { kind: 'leaf' }>> {
  if (condition.kind === 'leaf') return [condition];
  return condition.kind === 'not' ? leaves(condition.item) : condition.items.flatMap(leaves);
}

/**
 * "Test this rule on ticket X": each condition leaf's result on the ticket as it is now, whether the
 * whole condition holds, and the actions that would run — none is run. A change (`changed*`) has no
 * event to compare with here: such a leaf is false, with the reason. The caller must see the ticket.
 * `path`: where the condition sits in the request (`rule.conditions`) or the stored rule (`conditions`).
 */
export async function explainRule(database: Database, actor: Actor, ticketIdOrNumber: string, rule: { triggers: RuleTrigger[]; conditions: Condition; actions: RuleAction[] }, path: string, deps: { readModels: ReadModels; types: ConditionTypes; now: Date }): Promise<Explanation> {
  const { db } = database;
  const row = await getVisibleTicket(db, actor, ticketIdOrNumber);
  const ticket = (await getTicketSnapshot(db, row.id))!;
  const fields = await ruleFieldsWithOptions(db, deps.readModels, deps.types);
  const checked = checkedConditionOrThrow(rule.conditions, fieldLookup(fields), { ...conditionOptions(rule.triggers), path });
  const lookups = await factLookups(db, [ticket], { customer: true, text: true });
  const values = ticketValues(ticket, lookups, deps.now.toISOString());
  const calendars = new Map((await listCalendars(db)).map((calendar) => [calendar.id, calendar.calendar]));
  const context = { values, previous: values, now: deps.now, businessTime: (id: string, at: Date) => (calendars.has(id) ? isBusinessTime(calendars.get(id)!, at) : false) };
  const results = leaves(checked).map((leaf): LeafResult => ({
    path: leaf.path,
    field: leaf.field.key,
    op: leaf.op,
    result: evaluate(leaf, context),
    ...(changeOperators.includes(leaf.op) && { reason: 'automation.explain.needs_change' }),
  }));
  const matches = evaluate(checked, context);
  return { ticket: { id: row.id, number: row.number }, matches, leaves: results, actions: matches ? rule.actions : [] };
}
