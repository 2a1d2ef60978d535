import { sql, type SQL } from 'drizzle-orm';
import { Invalid, type FieldError } from '../../app/errors.js';
import type { Db } from '../../db/database.js';
import { listFields, type CustomField } from '../forms/index.js';
import { tickets } from './schema.js';

/**
 * Lists filter and sort by custom fields marked filterable (issue 14 §7): `fields.<key>=a,b` keeps
 * tickets whose value is one of them (for a multi select or a cascader: holds any of them),
 * `sort=fields.<key>` / `-fields.<key>` orders by the value. The SQL spells exactly the
 * expressions of the indexes the registry's filterable flag creates (custom-field-indexes.ts).
 */
export const customKeyPattern = /^[a-z][a-z0-9_]{0,62}$/;

/** Types whose value is a JSON array: filtered by `?|` over a GIN index, not sortable. */
const arrayTypes = new Set(['multiselect', 'cascader', 'attachments']);

export function isArrayField(field: Pick<CustomField, 'type'>): boolean {
  return arrayTypes.has(field.type);
}

/** `coalesce(fields ->> 'key', '') collate "C"`: never NULL (keyset pagination), byte order on every server locale. */
export function scalarExpression(key: string): SQL {
  if (!customKeyPattern.test(key)) throw new Error(`not a field key: ${key}`);
  return sql.raw(`(coalesce("tickets"."fields" ->> '${key}', '') collate "C")`);
}

export function arrayExpression(key: string): SQL {
  if (!customKeyPattern.test(key)) throw new Error(`not a field key: ${key}`);
  return sql.raw(`("tickets"."fields" -> '${key}')`);
}

/** The filterable ticket fields by key, read once per list that filters or sorts by one. */
export async function filterableFields(db: Db): Promise<Map<string, CustomField>> {
  return new Map((await listFields(db, 'ticket')).filter((field) => field.filterable).map((field) => [field.key, field]));
}

/**
 * Conditions of `fields` filters; an unknown or unfilterable key is a 400 naming `fields.<key>`,
 * or (`strict: false`, a saved view's count) matches nothing.
 */
export function customFieldConditions(filters: Readonly<Record<string, readonly string[]>>, fields: ReadonlyMap<string, CustomField>, options: { strict: boolean } = { strict: true }): SQL[] {
  const errors: FieldError[] = [];
  const conditions: SQL[] = [];
  for (const [key, values] of Object.entries(filters)) {
    const field = fields.get(key);
    if (!field && !options.strict) conditions.push(sql`false`);
    if (!field) {
      if (!options.strict) continue;
      errors.push({ path: `fields.${key}`, code: 'ticket.field_not_filterable', params: { field: key } });
      continue;
    }
    if (values.length === 0) continue;
    const list = sql.join(values.map((v) => sql`${v}`), sql`, `);
    conditions.push(isArrayField(field) ? sql`${arrayExpression(key)} ?| array[${list}]::text[]` : sql`${scalarExpression(key)} in (${list})`);
  }
  if (errors.length) throw new Invalid('validation.failed', {}, errors);
  return conditions;
}

/** Makes sure a sort by `fields.<key>` names a filterable single-value field. */
export function assertSortableField(key: string, fields: ReadonlyMap<string, CustomField>): void {
  const field = fields.get(key);
  if (!field || isArrayField(field)) throw new Invalid('validation.failed', {}, [{ path: 'sort', code: 'ticket.field_not_sortable', params: { field: key } }]);
}
