import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { invalidField } from '../../app/errors.js';
import type { FieldOption, Label } from '../../forms/definition.js';
import { getContact, getOrganization } from '../customers/index.js';
import { builtInOptionTrees, listFieldFacts, listFields, type CustomField } from '../forms/index.js';
import { surveys } from './schema.js';

/**
 * Survey stats by a custom field of the customer (产品线 and the like): the values are kept on the
 * survey row when it is made (`customer_fields`), like the tier, so a customer who changes product
 * line later is still counted where they were when asked.
 */
const groupableTypes: readonly string[] = ['select', 'cascader', 'multiselect'];
const entities = ['contact', 'organisation'] as const;
type Entity = (typeof entities)[number];

const isGroupable = (field: { type: string; archived: boolean }) => groupableTypes.includes(field.type) && !field.archived;

/** The customer's groupable values now, for a new survey row: `{ 'contact.product_line': 'washer', … }`. */
export async function customerFieldSnapshot(db: Db, contactId: string, organizationId: string | null): Promise<Record<string, unknown>> {
  const snapshot: Record<string, unknown> = {};
  for (const entity of entities) {
    const id = entity === 'contact' ? contactId : organizationId;
    if (!id) continue;
    const keys = (await listFieldFacts(db, entity)).filter(isGroupable).map((f) => f.key);
    if (!keys.length) continue;
    const values = entity === 'contact' ? (await getContact(db, id, 'every field')).fields : (await getOrganization(db, id, 'every field')).fields;
    for (const key of keys) if (values[key] !== undefined && values[key] !== null) snapshot[`${entity}.${key}`] = values[key];
  }
  return snapshot;
}

export type FieldGroup = { field: string; definition: CustomField; column: SQL; join?: SQL };

/**
 * `field=<entity>.<key>` → how to group by it; 400 at `field` when it names no field of the
 * customer or one whose values are not a choice among options.
 */
export async function fieldGroup(db: Db, field: string | undefined): Promise<FieldGroup> {
  if (!field) throw invalidField('field', 'validation.required');
  const [entity, key] = field.split('.', 2) as [string, string | undefined];
  if (!(entities as readonly string[]).includes(entity) || !key) throw invalidField('field', 'survey.field_unknown', { field });
  const definition = (await listFields(db, entity as Entity)).find((f) => f.key === key);
  if (!definition) throw invalidField('field', 'survey.field_unknown', { field });
  if (!isGroupable(definition)) throw invalidField('field', 'survey.field_not_groupable', { field });
  // Parenthesised: scoresBy appends `::text`, which binds tighter than `->>`.
  const value = sql`(${surveys.customerFields} -> ${field}::text)`;
  if (definition.type === 'select') return { field, definition, column: sql`(${surveys.customerFields} ->> ${field}::text)` };
  // A cascader's path counts under its first level (产品线 of 产品线 → 型号).
  if (definition.type === 'cascader') return { field, definition, column: sql`(${value} ->> 0)` };
  // A multiselect answer counts once under each option chosen; without any, under no value.
  return {
    field,
    definition,
    column: sql`field_group.value`,
    join: sql`lateral unnest(case when jsonb_typeof(${value}) = 'array' and jsonb_array_length(${value}) > 0 then array(select jsonb_array_elements_text(${value})) else array[null]::text[] end) as field_group(value)`,
  };
}

/** The option's label in both languages (the first level of a cascader), or null for no value or an unknown option. */
export function optionLabel(definition: CustomField, value: string | null): Label | null {
  if (value === null) return null;
  const source = definition.settings?.optionSource;
  const options: readonly FieldOption[] = (source ? builtInOptionTrees()[source] : definition.options) ?? [];
  return options.find((o) => o.value === value)?.label ?? null;
}
