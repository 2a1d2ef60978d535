import { and, asc, eq, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { Conflict, NotFound, PreconditionFailed, invalidField } from '../../app/errors.js';
import type { ReadModels } from '../../app/read-models.js';
import { isUniqueViolation, type Database, type Db, type Tx } from '../../db/database.js';
import type { z } from 'zod';
import type { FieldDefinition, FieldEntity, Label, fieldDefinitionSchema } from '../../forms/definition.js';
import { recordEvent } from '../../jobs/events.js';
import type { Actor } from '../auth/index.js';
import { fieldArchived, fieldChanged, fieldCreated, fieldDeleted } from './events.js';
import { assertField, mergeOptions, typeChangeAllowed, type TypeRules } from './field-checks.js';
import { RegistryCache } from './registry-cache.js';
import { bumpFormsRevision } from './revision.js';
import { customFields, ticketTypes, ticketTypeVersions } from './schema.js';

type FieldRow = typeof customFields.$inferSelect;

/** A stored custom field as services and the API see it. */
export type CustomField = FieldDefinition & { position: number; createdAt: Date; updatedAt: Date };

export function fieldFromRow(row: FieldRow): CustomField {
  return {
    id: row.id,
    key: row.key,
    entity: row.entity,
    label: row.label,
    ...(row.help && { help: row.help }),
    type: row.type,
    ...(row.options && { options: row.options }),
    settings: row.settings,
    filterable: row.filterable,
    searchable: row.searchable,
    customerVisible: row.customerVisible,
    readRoles: row.readRoles,
    writeRoles: row.writeRoles,
    archived: row.archived,
    version: row.version,
    position: row.position,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** The fields of an entity in their order (archived ones too: old values still need their labels). */
export async function listFields(db: Db, entity: FieldEntity): Promise<CustomField[]> {
  const rows = await db.select().from(customFields).where(eq(customFields.entity, entity)).orderBy(asc(customFields.position), asc(customFields.createdAt));
  return rows.map(fieldFromRow);
}

/** What reads of values need to know of a field, without its labels and options (a ticket view reads this on every answer). */
export type FieldFacts = Pick<CustomField, 'key' | 'type' | 'filterable' | 'searchable' | 'customerVisible' | 'readRoles' | 'archived'>;

/** Kept per app under the registry's revision: every ticket view asks (registry-cache.ts). */
const fieldFacts = new RegistryCache<FieldFacts[]>();

export async function listFieldFacts(db: Db, entity: FieldEntity): Promise<FieldFacts[]> {
  return fieldFacts.get(db, entity, () =>
    db
      .select({ key: customFields.key, type: customFields.type, filterable: customFields.filterable, searchable: customFields.searchable, customerVisible: customFields.customerVisible, readRoles: customFields.readRoles, archived: customFields.archived })
      .from(customFields)
      .where(eq(customFields.entity, entity)),
  );
}

export async function getField(db: Db, entity: FieldEntity, key: string): Promise<CustomField> {
  const [row] = await db.select().from(customFields).where(and(eq(customFields.entity, entity), eq(customFields.key, key)));
  if (!row) throw new NotFound('forms.field.not_found', { key });
  return fieldFromRow(row);
}

const factsOf = (row: FieldRow) => ({ entity: row.entity, key: row.key, type: row.type, filterable: row.filterable, searchable: row.searchable });

type Definition = z.output<typeof fieldDefinitionSchema>;
/** A new field: key, labels and type; the rest has defaults. */
export type NewField = Pick<Definition, 'key' | 'type'> & { label: { 'zh-CN': string; en?: string } } & Partial<Omit<Definition, 'key' | 'type' | 'label' | 'entity'>> & { position?: number };

export async function createField(database: Database, actor: Actor, entity: FieldEntity, input: NewField, spec?: TypeRules): Promise<CustomField> {
  const values = {
    id: uuidv7(),
    entity,
    key: input.key,
    label: { 'zh-CN': input.label['zh-CN'], en: input.label.en ?? '' },
    help: input.help ?? null,
    type: input.type,
    options: input.options?.length ? input.options : null,
    settings: input.settings ?? {},
    filterable: input.filterable ?? false,
    searchable: input.searchable ?? false,
    customerVisible: input.customerVisible ?? false,
    readRoles: input.readRoles ?? [],
    writeRoles: input.writeRoles ?? [],
  };
  assertField(values, spec);
  try {
    return await database.transaction(async (tx) => {
      const position = input.position ?? (await nextPosition(tx, entity));
      const [row] = await tx.insert(customFields).values({ ...values, position }).returning();
      await bumpFormsRevision(database, tx);
      await recordEvent(tx, fieldCreated, { aggregateId: row!.id, cause: 'agent', actorId: actor.id, payload: factsOf(row!) });
      return fieldFromRow(row!);
    });
  } catch (error) {
    if (isUniqueViolation(error, 'custom_fields_entity_key')) throw invalidField('key', 'forms.field.key_taken', { key: input.key });
    throw error;
  }
}

async function nextPosition(tx: Tx, entity: FieldEntity): Promise<number> {
  const [row] = await tx.select({ max: sql<number | null>`max(${customFields.position})` }).from(customFields).where(eq(customFields.entity, entity));
  return (row?.max ?? -1) + 1;
}

/** A PATCH: every property but the key and the entity; `type` only between text and textarea. */
export type FieldChanges = Partial<Omit<NewField, 'key' | 'help'>> & { archived?: boolean; help?: Partial<Label> | null };

/** `rulesOf`: the app's row for a type (a registered type's options, filter and search rules); the built-in row when it gives none. */
export async function updateField(database: Database, actor: Actor, entity: FieldEntity, key: string, expectedVersion: number, changes: FieldChanges, rulesOf?: (type: string) => TypeRules | undefined): Promise<CustomField> {
  return database.transaction(async (tx) => {
    const [before] = await tx.select().from(customFields).where(and(eq(customFields.entity, entity), eq(customFields.key, key))).for('update');
    if (!before) throw new NotFound('forms.field.not_found', { key });
    if (before.version !== expectedVersion) throw new PreconditionFailed('forms.field.version_mismatch', { current: before.version });
    if (changes.type && !typeChangeAllowed(before.type, changes.type)) throw invalidField('type', 'forms.field.type_change', { from: before.type, to: changes.type });
    const next = {
      label: changes.label ? { 'zh-CN': changes.label['zh-CN'], en: changes.label.en ?? '' } : before.label,
      help: changes.help === undefined ? before.help : changes.help,
      type: changes.type ?? before.type,
      options: changes.options === undefined ? before.options : mergeOptions(before.options, changes.options),
      settings: changes.settings ?? before.settings,
      filterable: changes.filterable ?? before.filterable,
      searchable: changes.searchable ?? before.searchable,
      customerVisible: changes.customerVisible ?? before.customerVisible,
      readRoles: changes.readRoles ?? before.readRoles,
      writeRoles: changes.writeRoles ?? before.writeRoles,
      archived: changes.archived ?? before.archived,
      position: changes.position ?? before.position,
    };
    assertField(next, rulesOf?.(next.type));
    const changed = (Object.keys(next) as Array<keyof typeof next>).filter((name) => JSON.stringify(next[name]) !== JSON.stringify(before[name]));
    if (changed.length === 0) return fieldFromRow(before);
    const [after] = await tx
      .update(customFields)
      .set({ ...next, version: before.version + 1, updatedAt: new Date() })
      .where(eq(customFields.id, before.id))
      .returning();
    await bumpFormsRevision(database, tx);
    await recordEvent(tx, fieldChanged, { aggregateId: before.id, cause: 'agent', actorId: actor.id, payload: { ...factsOf(after!), changes: changed } });
    return fieldFromRow(after!);
  });
}

/**
 * DELETE: a field no record holds a value of, and no published form places, is deleted (its key
 * free again). Otherwise the answer is 409 with the count (or the types), unless the admin
 * confirmed archiving: then it is archived — values kept and shown, no new ones taken.
 */
export async function removeField(
  database: Database,
  readModels: ReadModels,
  actor: Actor,
  entity: FieldEntity,
  key: string,
  options: { archive: boolean },
): Promise<{ archived: CustomField } | { deleted: true }> {
  const field = await getField(database.db, entity, key);
  if (options.archive) return { archived: await archive(database, actor, field) };
  const count = await countValues(database.db, readModels, entity, key);
  if (count > 0) throw new Conflict('forms.field.has_values', { count });
  const types = entity === 'ticket' ? await typesPlacing(database.db, key) : [];
  if (types.length) throw new Conflict('forms.field.on_form', { types: types.join(', ') });
  await database.transaction(async (tx) => {
    const [row] = await tx.delete(customFields).where(eq(customFields.id, field.id)).returning();
    if (!row) throw new NotFound('forms.field.not_found', { key });
    await bumpFormsRevision(database, tx);
    await recordEvent(tx, fieldDeleted, { aggregateId: row.id, cause: 'agent', actorId: actor.id, payload: factsOf(row) });
  });
  return { deleted: true };
}

async function archive(database: Database, actor: Actor, field: CustomField): Promise<CustomField> {
  if (field.archived) return field;
  return database.transaction(async (tx) => {
    const [row] = await tx
      .update(customFields)
      .set({ archived: true, version: sql`${customFields.version} + 1`, updatedAt: new Date() })
      .where(eq(customFields.id, field.id))
      .returning();
    await bumpFormsRevision(database, tx);
    await recordEvent(tx, fieldArchived, { aggregateId: field.id, cause: 'agent', actorId: actor.id, payload: factsOf(row!) });
    return fieldFromRow(row!);
  });
}

/**
 * Records holding a value, counted by the module that owns them (read models on the app context,
 * since forms can import neither tickets nor customers): ticket values by tickets, contact and
 * organisation values by customers.
 */
async function countValues(db: Db, readModels: ReadModels, entity: FieldEntity, key: string): Promise<number> {
  if (entity === 'ticket') {
    const reader = readModels.get('ticketFields');
    return reader ? reader.countValues(db, key) : 0;
  }
  const reader = readModels.get('customerFields');
  return reader ? reader.countValues(db, entity, key) : 0;
}

/** Keys of the ticket types whose published forms (any version) place the field. */
async function typesPlacing(db: Db, key: string): Promise<string[]> {
  const needle = JSON.stringify([{ fields: [{ key }] }]);
  const portalNeedle = JSON.stringify({ fields: [{ key }] });
  const rows = await db
    .selectDistinct({ key: ticketTypes.key })
    .from(ticketTypeVersions)
    .innerJoin(ticketTypes, eq(ticketTypes.id, ticketTypeVersions.typeId))
    .where(sql`(${ticketTypeVersions.form} -> 'sections') @> ${needle}::jsonb or (${ticketTypeVersions.form} -> 'portal') @> ${portalNeedle}::jsonb`);
  return rows.map((r) => r.key).sort();
}
