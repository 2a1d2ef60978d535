import { or, sql, type SQL } from 'drizzle-orm';
import { Invalid, type FieldError } from '../../app/errors.js';
import type { Db } from '../../db/database.js';
import { listFieldFacts } from '../forms/index.js';
import { readableFieldsOf, type FieldReader } from './customer-fields.js';
import { contacts } from './schema.js';

/**
 * The contact list's custom field filters (issue 14 §7, as the ticket list has them):
 * `fields.<key>=a,b` keeps contacts whose filterable select holds one of the values (a multi select
 * or a cascader: holds any of them, a cascader path at any level). Each value is a containment
 * (`fields @> {"industry": "retail"}`) that the one GIN index on `contacts.fields` (jsonb_path_ops)
 * answers for every key, so no index has to follow the registry.
 */
const choiceTypes = new Set(['select', 'multiselect', 'cascader']);
const arrayTypes = new Set(['multiselect', 'cascader']);

/**
 * Conditions of the filters. A key that is not a filterable choice field of contacts, or one the
 * reader may not read (filtering would reveal its values), is a 400 at `fields.<key>`.
 */
export async function contactFieldConditions(db: Db, filters: Readonly<Record<string, readonly string[]>>, reader: FieldReader): Promise<SQL[]> {
  const keys = Object.keys(filters);
  if (keys.length === 0) return [];
  const [facts, readable] = await Promise.all([listFieldFacts(db, 'contact'), readableFieldsOf(db, 'contact', reader)]);
  const byKey = new Map(facts.map((field) => [field.key, field]));
  const errors: FieldError[] = [];
  const conditions: SQL[] = [];
  for (const key of keys) {
    const field = byKey.get(key);
    if (!field || !field.filterable || !choiceTypes.has(field.type) || !readable(key)) {
      errors.push({ path: `fields.${key}`, code: 'contact.field_not_filterable', params: { field: key } });
      continue;
    }
    const values = filters[key]!;
    if (values.length === 0) continue;
    const contained = values.map((value) => sql`${contacts.fields} @> ${JSON.stringify({ [key]: arrayTypes.has(field.type) ? [value] : value })}::jsonb`);
    conditions.push(or(...contained)!);
  }
  if (errors.length) throw new Invalid('validation.failed', {}, errors);
  return conditions;
}
