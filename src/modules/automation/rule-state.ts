import { z } from 'zod';
import { Invalid, type FieldError } from '../../app/errors.js';
import type { ReadModels } from '../../app/read-models.js';
import { validateCondition } from '../../conditions/validate.js';
import { fieldLookup, type CheckedCondition, type Condition } from '../../conditions/types.js';
import type { Db } from '../../db/database.js';
import type { ConditionTypes } from '../../forms/field-kinds.js';
import { getTeamNames, getUserNames } from '../auth/index.js';
import { listCalendars, listPolicies } from '../sla/index.js';
import { enabledWebhookEndpointIds } from '../webhooks/index.js';
import { actionReferenceIds, checkAction, ruleActionSchema, type ActionReferences, type RuleAction } from './actions/index.js';
import { ruleFieldsWithOptions, type RuleField } from './rule-fields.js';
import { timeTriggerProblems, timeTriggerSchema } from './time-trigger.js';
import { ruleKinds, ruleTriggers, type RuleTrigger } from './triggers.js';

/** The fields of a rule an admin edits; each save writes them whole into a version snapshot. */
export const ruleFields = ['name', 'description', 'kind', 'triggers', 'timeTrigger', 'conditions', 'actions', 'stopAfter', 'enabled'] as const;

export const ruleStateSchema = z.object({
  name: z.string().trim().min(1).max(200),
  description: z.string().max(2000).default(''),
  /** `event` (触发器: `triggers`) or `time` (定时规则: `timeTrigger`, time-trigger.ts). */
  kind: z.enum(ruleKinds).default('event'),
  /** An event rule needs at least one (checked with the kind in validRuleState); a time rule has none. */
  triggers: z.array(z.enum(ruleTriggers)).max(ruleTriggers.length).default([]),
  timeTrigger: timeTriggerSchema.nullable().default(null),
  /** A tree of the condition language (docs/conditions.md); `{all: []}` always holds. */
  conditions: z.custom<Condition>((value) => typeof value === 'object' && value !== null && !Array.isArray(value), { message: 'expected a condition object' }).default({ all: [] }),
  actions: z.array(ruleActionSchema).min(1).max(20),
  stopAfter: z.boolean().default(false),
  enabled: z.boolean().default(true),
});
export type RuleState = z.output<typeof ruleStateSchema>;

/** What a condition may use where a rule listens: the values before a change only for ticket updates; calendars always. */
export function conditionOptions(triggers: readonly RuleTrigger[]) {
  return { allowChanges: triggers.includes('ticket.updated'), allowBusinessTime: true };
}

/** Calendar ids named by `within_business_hours` leaves, with their paths. */
function calendarLeaves(condition: CheckedCondition): Array<{ path: string; calendarId: string }> {
  switch (condition.kind) {
    case 'all':
    case 'any':
      return condition.items.flatMap(calendarLeaves);
    case 'not':
      return calendarLeaves(condition.item);
    case 'leaf':
      return condition.value.kind === 'calendar' ? [{ path: `${condition.path}.value`, calendarId: condition.value.calendarId }] : [];
  }
}

async function actionReferences(db: Db, fields: readonly RuleField[], actions: readonly RuleAction[]): Promise<ActionReferences> {
  const optionsOf = (key: string) => new Set((fields.find((field) => field.key === key)?.options ?? []).map((option) => option.value));
  const { userIds, teamIds, webhookIds, slaPolicyIds } = actionReferenceIds(actions);
  const [users, teams, webhooks, policies] = await Promise.all([getUserNames(db, userIds), getTeamNames(db, teamIds), enabledWebhookEndpointIds(db, webhookIds), slaPolicyIds.length ? listPolicies(db) : []]);
  return {
    users: new Set(users.keys()),
    teams: new Set(teams.keys()),
    priorities: optionsOf('priority'),
    categories: optionsOf('category'),
    typeKeys: optionsOf('type'),
    customFields: new Set(fields.filter((field) => field.source === 'custom').map((field) => field.key.slice('fields.'.length))),
    webhooks,
    slaPolicies: new Set(policies.map((policy) => policy.id.toLowerCase())),
  };
}

/**
 * Checks a rule's whole state against the registry and what it names, reporting every problem at
 * its path (`conditions.all.2.value`, `actions.1.userId`): a 400 naming the fields, or the state.
 */
export async function validRuleState(db: Db, state: RuleState, readModels: ReadModels, types: ConditionTypes): Promise<RuleState> {
  const fields = await ruleFieldsWithOptions(db, readModels, types);
  const problems: FieldError[] = [];
  if (state.kind === 'event' && state.triggers.length === 0) problems.push({ path: 'triggers', code: 'automation.rule.triggers_required' });
  if (state.kind === 'event' && state.timeTrigger) problems.push({ path: 'timeTrigger', code: 'automation.time.event_rule' });
  if (state.kind === 'time' && state.triggers.length) problems.push({ path: 'triggers', code: 'automation.time.no_triggers' });
  if (state.kind === 'time' && !state.timeTrigger) problems.push({ path: 'timeTrigger', code: 'automation.time.trigger_required' });
  if (state.kind === 'time' && state.timeTrigger) problems.push(...timeTriggerProblems(state.timeTrigger, new Set((await listCalendars(db)).map((calendar) => calendar.id))));
  const checked = validateCondition(state.conditions, fieldLookup(fields), { ...conditionOptions(state.triggers), path: 'conditions' });
  if (!checked.ok) problems.push(...checked.issues);
  else {
    const calendars = calendarLeaves(checked.condition);
    if (calendars.length) {
      const known = new Set((await listCalendars(db)).map((calendar) => calendar.id));
      for (const { path, calendarId } of calendars) if (!known.has(calendarId)) problems.push({ path, code: 'automation.rule.unknown_calendar' });
    }
  }
  const refs = await actionReferences(db, fields, state.actions);
  state.actions.forEach((action, index) => problems.push(...checkAction(action, refs, `actions.${index}`)));
  if (problems.length) throw new Invalid('validation.failed', {}, problems);
  return state;
}
