import { sql } from 'drizzle-orm';
import { Invalid } from '../../app/errors.js';
import type { FieldTypes } from '../../app/field-types.js';
import type { Database, Db } from '../../db/database.js';
import { checkSubmission } from '../../forms/check-submission.js';
import type { FieldValue } from '../../forms/field-values.js';
import type { Actor } from '../auth/index.js';
import { builtInOptionTrees, currentRecordForm, listFieldFacts, type CustomerFieldsReader, type RecordEntity } from '../forms/index.js';
import { contacts, organizations } from './schema.js';

/**
 * Custom fields of contacts and organisations (客户行业, 客户来源 …): their values are judged by the
 * same engine as a ticket's (checkSubmission over the entity's registry form), so the stored
 * forms agree (money "1280.50", phones E.164, cascader paths, option keys) and a refusal is a 400
 * at `fields.<key>`: a bad value, an unknown key, an archived field or one the role may not write.
 */
export type JudgedCustomerFields = { values: Record<string, FieldValue>; changed: string[]; from: Record<string, unknown>; to: Record<string, unknown> };

export async function judgeCustomerFields(
  database: Database,
  db: Db,
  entity: RecordEntity,
  submission: { input: Readonly<Record<string, unknown>>; previous?: Readonly<Record<string, unknown>>; actor: Pick<Actor, 'role'> },
  fieldTypes: FieldTypes,
): Promise<JudgedCustomerFields> {
  const form = await currentRecordForm(database, db, entity, fieldTypes);
  const result = checkSubmission(form.prepared, {
    input: submission.input,
    ...(submission.previous && { previous: submission.previous }),
    audience: { kind: 'staff', role: submission.actor.role },
    valueContext: { optionTrees: builtInOptionTrees() },
  });
  if (!result.ok) throw new Invalid('validation.failed', {}, result.issues);
  const previous = submission.previous ?? {};
  // Each changed value as the history names it (`fields.industry`), beside name, tier, tags …
  const from = Object.fromEntries(result.changed.map((key) => [`fields.${key}`, previous[key] ?? null]));
  const to = Object.fromEntries(result.changed.map((key) => [`fields.${key}`, result.values[key] ?? null]));
  return { values: result.values, changed: result.changed, from, to };
}

/**
 * Who reads the values: a staff member (a field's read roles; empty: every staff role), or the
 * whole record (a personal-data export). Without a reader, no custom value is shown: callers in
 * other modules (the ticket's customer card, the portal) show none unless they ask.
 */
export type FieldReader = Pick<Actor, 'role'> | 'every field';

/** Whether `reader` may read each field of `entity`. Definitions are read only when some of `values` holds one. */
export async function fieldReadability(db: Db, entity: RecordEntity, reader: FieldReader | undefined, values: readonly Record<string, unknown>[]): Promise<(key: string) => boolean> {
  if (!values.some((v) => Object.keys(v).length > 0)) return () => false;
  return readableFieldsOf(db, entity, reader);
}

/** Whether `reader` may read each field of `entity` (one query of the registry's facts). */
export async function readableFieldsOf(db: Db, entity: RecordEntity, reader: FieldReader | undefined): Promise<(key: string) => boolean> {
  if (!reader) return () => false;
  const facts = new Map((await listFieldFacts(db, entity)).map((field) => [field.key, field]));
  return (key) => {
    const field = facts.get(key);
    // Values of a field no longer in the registry are not shown.
    if (!field) return false;
    return reader === 'every field' || field.readRoles.length === 0 || field.readRoles.includes(reader.role);
  };
}

export function readableValues(values: Record<string, unknown>, readable: (key: string) => boolean): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([key]) => readable(key)));
}

/** What the field registry asks before deleting a contact or organisation field (`readModels.customerFields`). */
export const customerFieldsReader: CustomerFieldsReader = {
  async countValues(db, entity, key) {
    const table = entity === 'contact' ? contacts : organizations;
    // Merged-away tombstones keep their values too (history shows them); they count.
    const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(table).where(sql`${table.fields} ? ${key}`);
    return row?.count ?? 0;
  },
};

/**
 * Custom values from a data import, judged like an admin's create (the imports module plans every
 * row with it before writing): the stored forms, or the form engine's first issue.
 */
export async function judgeImportedFields(
  database: Database,
  db: Db,
  entity: RecordEntity,
  input: Readonly<Record<string, unknown>>,
  fieldTypes: FieldTypes,
): Promise<{ ok: true; values: Record<string, unknown> } | { ok: false; reason: string; params: Record<string, string | number> }> {
  const form = await currentRecordForm(database, db, entity, fieldTypes);
  const result = checkSubmission(form.prepared, { input, audience: { kind: 'staff', role: 'admin' }, valueContext: { optionTrees: builtInOptionTrees() } });
  if (result.ok) return { ok: true, values: result.values };
  const issue = result.issues[0]!;
  return { ok: false, reason: issue.code, params: { field: issue.path, ...issue.params } };
}
