import { asc, eq } from 'drizzle-orm';
import type { FieldTypes } from '../../app/field-types.js';
import type { Database, Db } from '../../db/database.js';
import type { ValueContext } from '../../forms/field-values.js';
import { prepareForm, type PreparedForm } from '../../forms/prepare-form.js';
import { registryForm } from '../../forms/record-form.js';
import { builtInOptionTrees } from './china-regions.js';
import { fieldFromRow, type CustomField } from './fields.js';
import { RegistryCache } from './registry-cache.js';
import { customFields } from './schema.js';

/** The entities whose form is their registry (no types): contacts and organisations. */
export type RecordEntity = 'contact' | 'organisation';

/** What a contact's or organisation's write is judged against: the entity's fields and their one form. */
export type RecordForm = { fields: CustomField[]; prepared: PreparedForm };

/**
 * Prepared record forms, per app, under the registry revision they were read at, like
 * currentTicketForm (registry-cache.ts): prepared again only when a field changed since, through
 * this process (at once) or another (within a second).
 */
const preparedForms = new RegistryCache<RecordForm>();

/** `fieldTypes`: the app's registry of field types (context.fieldTypes), brought by the writer. */
export async function currentRecordForm(database: Database, db: Db, entity: RecordEntity, fieldTypes: FieldTypes): Promise<RecordForm> {
  return preparedForms.get(db, entity, () => loadRecordForm(db, entity, fieldTypes.byKey()), database.db);
}

/** The entity's fields and their form, read now. Its form has no rules, so no time zone matters. */
export async function loadRecordForm(db: Db, entity: RecordEntity, types?: ValueContext['types']): Promise<RecordForm> {
  const rows = await db.select().from(customFields).where(eq(customFields.entity, entity)).orderBy(asc(customFields.position), asc(customFields.createdAt));
  const fields = rows.map(fieldFromRow);
  const prepared = prepareForm({ form: registryForm(fields), fields, valueContext: { optionTrees: builtInOptionTrees(), ...(types && { types }) } });
  // The form has no rules or defaults: it cannot fail to prepare unless the registry is corrupt.
  if (!prepared.ok) throw new Error(`The ${entity} registry does not prepare: ${JSON.stringify(prepared.issues.slice(0, 3))}`);
  return { fields, prepared: prepared.form };
}
