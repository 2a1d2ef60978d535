import { and, eq, sql } from 'drizzle-orm';
import { Invalid, NotFound } from '../../app/errors.js';
import type { FieldTypes } from '../../app/field-types.js';
import type { ReadModels } from '../../app/read-models.js';
import type { Database, Db } from '../../db/database.js';
import type { FormDefinition } from '../../forms/definition.js';
import { prepareForm } from '../../forms/prepare-form.js';
import { recordEvent } from '../../jobs/events.js';
import type { Actor } from '../auth/index.js';
import { builtInOptionTrees } from './china-regions.js';
import { typePublished } from './events.js';
import { listFields } from './fields.js';
import { bumpFormsRevision } from './revision.js';
import { ticketTypes, ticketTypeVersions } from './schema.js';

export type TypeVersion = { key: string; version: number; form: FormDefinition; publishedAt: Date; publishedBy: string | null };

/**
 * Publish a new immutable version of a type's form; new tickets of the type get it, tickets made
 * with an older one keep theirs. The form is checked against the registry first (prepareForm):
 * it places only existing, non-archived ticket fields, its rules' conditions validate over the
 * form's fields and the ticket's built-in ones, and its effects name fields on the form. Every
 * problem is a 400 naming its path in the body (`form.rules.0.when.value`). `fieldTypes`: the app's
 * field types, so that rules test and set fields of a registered type as its row says.
 */
export async function publishTypeVersion(database: Database, readModels: ReadModels, actor: Actor, key: string, input: unknown, options: { timeZone: string; fieldTypes: FieldTypes }): Promise<TypeVersion> {
  const [type] = await database.db.select().from(ticketTypes).where(eq(ticketTypes.key, key));
  if (!type) throw new NotFound('forms.type.not_found', { key });
  const fields = (await listFields(database.db, 'ticket')).filter((field) => !field.archived);
  const builtins = (await readModels.get('ticketFields')?.builtins(database.db)) ?? [];
  const prepared = prepareForm({ form: input, fields, builtins, timeZone: options.timeZone, valueContext: { optionTrees: builtInOptionTrees(), types: options.fieldTypes.byKey() } });
  if (!prepared.ok) throw new Invalid('validation.failed', {}, prepared.issues);
  const form = prepared.form.form;
  return database.transaction(async (tx) => {
    // Locks the type: two publishes at once get consecutive numbers, never the same one.
    const [locked] = await tx.select().from(ticketTypes).where(eq(ticketTypes.id, type.id)).for('update');
    if (!locked) throw new NotFound('forms.type.not_found', { key });
    const [last] = await tx.select({ max: sql<number | null>`max(${ticketTypeVersions.version})` }).from(ticketTypeVersions).where(eq(ticketTypeVersions.typeId, type.id));
    const version = (last?.max ?? 0) + 1;
    const [row] = await tx.insert(ticketTypeVersions).values({ typeId: type.id, version, form, publishedBy: actor.id }).returning();
    await tx.update(ticketTypes).set({ currentVersion: version, version: locked.version + 1, updatedAt: new Date() }).where(eq(ticketTypes.id, type.id));
    await bumpFormsRevision(database, tx);
    await recordEvent(tx, typePublished, { aggregateId: type.id, cause: 'agent', actorId: actor.id, payload: { key, version } });
    return { key, version, form: row!.form, publishedAt: row!.publishedAt, publishedBy: row!.publishedBy };
  });
}

export async function getTypeVersion(db: Db, key: string, version: number): Promise<TypeVersion> {
  const [row] = await db
    .select({ version: ticketTypeVersions.version, form: ticketTypeVersions.form, publishedAt: ticketTypeVersions.publishedAt, publishedBy: ticketTypeVersions.publishedBy })
    .from(ticketTypeVersions)
    .innerJoin(ticketTypes, eq(ticketTypes.id, ticketTypeVersions.typeId))
    .where(and(eq(ticketTypes.key, key), eq(ticketTypeVersions.version, version)));
  if (!row) throw new NotFound('forms.type.version_not_found', { key, version });
  return { key, ...row };
}
