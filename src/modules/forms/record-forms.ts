import { asc, eq } from 'drizzle-orm';
import type { Database, Db } from '../../db/database.js';
import { prepareForm, type PreparedForm } from '../../forms/prepare-form.js';
import { registryForm } from '../../forms/record-form.js';
import { builtInOptionTrees } from './china-regions.js';
import { fieldFromRow, type CustomField } from './fields.js';
import { formsRevisionNow } from './revision.js';
import { customFields } from './schema.js';

/** The entities whose form is their registry (no types): contacts and organisations. */
export type RecordEntity = 'contact' | 'organisation';

/** What a contact's or organisation's write is judged against: the entity's fields and their one form. */
export type RecordForm = { fields: CustomField[]; prepared: PreparedForm };

/**
 * Prepared record forms of one database handle (one app), each under the registry revision it was
 * read at, like currentTicketForm: a write reads the revision (one primary-key read) and prepares
 * the form again only when a field changed since, through any server process.
 */
const preparedForms = new WeakMap<Database, Map<string, { revision: number; form: RecordForm }>>();

export async function currentRecordForm(database: Database, db: Db, entity: RecordEntity): Promise<RecordForm> {
  const revision = await formsRevisionNow(db);
  let forms = preparedForms.get(database);
  if (!forms) preparedForms.set(database, (forms = new Map()));
  const cached = forms.get(entity);
  if (cached && cached.revision === revision) return cached.form;
  // Read after the revision: a change committing in between is read again by the next write.
  const form = await loadRecordForm(db, entity);
  forms.set(entity, { revision, form });
  return form;
}

/** The entity's fields and their form, read now. Its form has no rules, so no time zone matters. */
export async function loadRecordForm(db: Db, entity: RecordEntity): Promise<RecordForm> {
  const rows = await db.select().from(customFields).where(eq(customFields.entity, entity)).orderBy(asc(customFields.position), asc(customFields.createdAt));
  const fields = rows.map(fieldFromRow);
  const prepared = prepareForm({ form: registryForm(fields), fields, valueContext: { optionTrees: builtInOptionTrees() } });
  // The form has no rules or defaults: it cannot fail to prepare unless the registry is corrupt.
  if (!prepared.ok) throw new Error(`The ${entity} registry does not prepare: ${JSON.stringify(prepared.issues.slice(0, 3))}`);
  return { fields, prepared: prepared.form };
}
