import { sql, type SQL } from 'drizzle-orm';
import { Invalid, type FieldError } from '../../app/errors.js';
import { queryRows, type Db, type Tx } from '../../db/database.js';
import { getUserNames } from '../auth/index.js';
import { builtInOptionTrees, listFields, listTicketTypes } from '../forms/index.js';
import { builtinConditionFields, conditionFieldLookup, customConditionField, type SlaConditionField } from './condition-fields.js';
import { checkPolicyConditions } from './policy-conditions.js';
import type { EscalationStep, PolicyConditions, PolicyTargets } from './policy-model.js';
import type { ConditionTypes } from '../../forms/field-kinds.js';

/**
 * Checks that what a policy names exists, so a typo answers 400 at the field instead of a policy
 * that silently never matches. Each kind is one query for all its values.
 *
 * Priorities, categories, tiers and organisations belong to other modules whose public surfaces
 * offer no "which of these exist" read yet; until they do, these are read-only lookups by key,
 * kept in this one file so they are easy to replace.
 */

/**
 * The channels a condition may name: those installed in the app (`context.channels.ticketChannelKeys()`,
 * the same list the create API takes), given by the caller who has the context.
 */
export type InstalledChannels = readonly string[];

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type PolicyReferences = { conditions: PolicyConditions; targets: PolicyTargets; escalation: EscalationStep[]; calendarId: string | null; pauseStatuses: readonly string[] };

/** One value that must exist, with where the client put it. */
type Reference = { path: string; value: string };

type Kinds = { priority: Reference[]; category: Reference[]; tier: Reference[]; organization: Reference[]; user: Reference[]; calendar: Reference[] };

const unknownCode: Record<keyof Kinds, string> = {
  priority: 'sla.policy.unknown_priority',
  category: 'sla.policy.unknown_category',
  tier: 'sla.policy.unknown_tier',
  organization: 'sla.policy.unknown_organization',
  user: 'sla.policy.unknown_user',
  calendar: 'sla.policy.unknown_calendar',
};

/** Problems visible without the database (duplicates, ids that are not UUIDs, user ids where they belong), and the references left to look up. */
export function collectReferences(policy: PolicyReferences, channels: InstalledChannels): { problems: FieldError[]; kinds: Kinds } {
  const problems: FieldError[] = [];
  const kinds: Kinds = { priority: [], category: [], tier: [], organization: [], user: [], calendar: [] };
  const needUuid = (path: string, value: string, into: Reference[]) => {
    if (uuidPattern.test(value)) into.push({ path, value: value.toLowerCase() });
    else problems.push({ path, code: 'sla.policy.invalid_id' });
  };

  policy.conditions.all.forEach((condition, c) => {
    const seen = new Set<string | number | boolean>();
    condition.values.forEach((value, v) => {
      const path = `conditions.all.${c}.values.${v}`;
      if (seen.has(value)) return void problems.push({ path, code: 'sla.policy.duplicate_value' });
      seen.add(value);
      // A value of the wrong type is the condition language's to name (conditionProblems).
      if (typeof value !== 'string') return;
      if (condition.field === 'priority') kinds.priority.push({ path, value });
      else if (condition.field === 'customerTier') kinds.tier.push({ path, value });
      else if (condition.field === 'categoryId') needUuid(path, value, kinds.category);
      else if (condition.field === 'organizationId') needUuid(path, value, kinds.organization);
      else if (condition.field === 'channel' && !channels.includes(value)) problems.push({ path, code: 'sla.policy.unknown_channel', params: { channels: channels.join(', ') } });
      // contractType is free text until a contracts module defines the types.
    });
  });

  policy.pauseStatuses.forEach((status, i) => {
    if (policy.pauseStatuses.indexOf(status) !== i) problems.push({ path: `pauseStatuses.${i}`, code: 'sla.policy.duplicate_value' });
  });

  for (const key of Object.keys(policy.targets)) kinds.priority.push({ path: `targets.${key}`, value: key });

  policy.escalation.forEach((step, s) => {
    step.actions.forEach((action, a) => {
      const path = `escalation.${s}.actions.${a}`;
      if (action.type === 'set_priority') return void kinds.priority.push({ path: `${path}.priority`, value: action.priority });
      if (action.to === 'user' && action.userId === undefined) problems.push({ path: `${path}.userId`, code: 'sla.policy.user_required' });
      else if (action.to !== 'user' && action.userId !== undefined) problems.push({ path: `${path}.userId`, code: 'sla.policy.user_not_allowed' });
      else if (action.userId !== undefined) kinds.user.push({ path: `${path}.userId`, value: action.userId.toLowerCase() });
    });
  });

  if (policy.calendarId !== null) kinds.calendar.push({ path: 'calendarId', value: policy.calendarId.toLowerCase() });
  return { problems, kinds };
}

/**
 * The conditions as the condition language judges them: each names a field policies may use
 * (built-in, a filterable custom field `fields.<key>`, a customer fact), with an operator of its
 * type and values of its type — option values of a select, multi select or cascader, ticket type
 * keys. The registry and the type list are read only when a condition names them.
 */
async function conditionProblems(tx: Tx, conditions: PolicyConditions, types: ConditionTypes): Promise<FieldError[]> {
  const named = conditions.all.map((condition) => condition.field);
  const typeKeys = named.includes('type') ? (await listTicketTypes(tx)).map((type) => type.key) : undefined;
  const custom = named.some((key) => key.startsWith('fields.')) ? await customConditionFields(tx, types) : [];
  const checked = checkPolicyConditions(conditions.all, conditionFieldLookup([...builtinConditionFields(typeKeys), ...custom]));
  return checked.ok ? [] : checked.problems;
}

/** The ticket's custom fields as policy conditions name them, with their options (deleted ones too). */
export async function customConditionFields(db: Db, types: ConditionTypes): Promise<SlaConditionField[]> {
  const fields = await listFields(db, 'ticket');
  const trees = fields.some((field) => field.settings.optionSource) ? builtInOptionTrees() : {};
  return fields.flatMap((field) => customConditionField(field, trees, types) ?? []);
}

/** The values of `references` that `query` finds; uuids are cast so the primary key serves the lookup. */
async function existing(tx: Tx, query: (values: SQL) => SQL, references: Reference[], type: 'text' | 'uuid' = 'text'): Promise<Set<string>> {
  const values = [...new Set(references.map((reference) => reference.value))];
  if (values.length === 0) return new Set();
  const list = sql.join(values.map((value) => (type === 'uuid' ? sql`${value}::uuid` : sql`${value}`)), sql`, `);
  const rows = await queryRows<{ value: string }>(tx, query(list));
  return new Set(rows.map((row) => row.value));
}

/**
 * Throw `Invalid` naming every field whose value does not exist. The calendar row is share-locked
 * until the transaction ends, so it cannot be deleted between this check and the write.
 */
export async function assertReferencesExist(tx: Tx, policy: PolicyReferences, channels: InstalledChannels, types: ConditionTypes): Promise<void> {
  const { problems, kinds } = collectReferences(policy, channels);
  problems.push(...(await conditionProblems(tx, policy.conditions, types)));
  const found: Record<keyof Kinds, Set<string>> = {
    priority: await existing(tx, (v) => sql`select key as value from ticket_priorities where key in (${v})`, kinds.priority),
    category: await existing(tx, (v) => sql`select id::text as value from ticket_categories where id in (${v})`, kinds.category, 'uuid'),
    tier: await existing(tx, (v) => sql`select key as value from customer_tiers where key in (${v})`, kinds.tier),
    organization: await existing(tx, (v) => sql`select id::text as value from organizations where id in (${v})`, kinds.organization, 'uuid'),
    calendar: await existing(tx, (v) => sql`select id::text as value from sla_calendars where id in (${v}) for key share`, kinds.calendar, 'uuid'),
    user: new Set(kinds.user.length ? (await getUserNames(tx, kinds.user.map((r) => r.value))).keys() : []),
  };
  for (const kind of Object.keys(kinds) as (keyof Kinds)[]) {
    for (const reference of kinds[kind]) {
      if (!found[kind].has(reference.value)) problems.push({ path: reference.path, code: unknownCode[kind], params: { value: reference.value } });
    }
  }
  if (problems.length) throw new Invalid('validation.failed', {}, problems);
}
