import { isDeepStrictEqual } from 'node:util';
import type { FieldTypes } from '../../app/field-types.js';
import { and, count, eq, isNull, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { Conflict, invalidField, MovedPermanently, NotFound, PreconditionFailed } from '../../app/errors.js';
import type { Database, Db, Tx } from '../../db/database.js';
import { recordEvent } from '../../jobs/events.js';
import { organizationCreated, organizationDeleted, organizationUpdated } from './events.js';
import { getUserNames, type Actor } from '../auth/index.js';
import { checkProfile, profileChanges, type ProfileInput } from './profile.js';
import { contacts, customerRecords, organizations } from './schema.js';
import { fieldReadability, judgeCustomerFields, readableValues, type FieldReader } from './customer-fields.js';

export type OrganizationRow = typeof organizations.$inferSelect;
/** `fields`: custom values by key (null or "" clears one), judged by the form engine. */
export type NewOrganization = ProfileInput & { name: string; fields?: Record<string, unknown> };
export type OrganizationChanges = ProfileInput & { name?: string; fields?: Record<string, unknown> };

export type OrganizationView = {
  id: string;
  name: string;
  tierKey: string | null;
  tags: string[];
  owner: { id: string; name: string } | null;
  notes: string;
  attributes: Record<string, unknown>;
  /** Custom values the reader may read (none without a reader). */
  fields: Record<string, unknown>;
  contactCount: number;
  version: number;
  createdAt: Date;
  updatedAt: Date;
};

export async function presentOrganizations(db: Db, rows: readonly OrganizationRow[], reader?: FieldReader): Promise<OrganizationView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const counts = await db
    .select({ organizationId: contacts.organizationId, n: count() })
    .from(contacts)
    .where(and(sql`${contacts.organizationId} in (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})`, isNull(contacts.mergedIntoId)))
    .groupBy(contacts.organizationId);
  const owners = await getUserNames(db, rows.map((r) => r.ownerId).filter((id): id is string => Boolean(id)));
  const readable = await fieldReadability(db, 'organisation', reader, rows.map((r) => r.fields));
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    tierKey: row.tierKey,
    tags: row.tags,
    owner: row.ownerId ? { id: row.ownerId, name: owners.get(row.ownerId) ?? '' } : null,
    notes: row.notes,
    attributes: row.attributes,
    fields: readableValues(row.fields, readable),
    contactCount: Number(counts.find((c) => c.organizationId === row.id)?.n ?? 0),
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  }));
}

async function present(db: Db, row: OrganizationRow, reader?: FieldReader): Promise<OrganizationView> {
  return (await presentOrganizations(db, [row], reader))[0]!;
}

async function findRow(db: Db, id: string): Promise<OrganizationRow | undefined> {
  const [row] = await db.select().from(organizations).where(eq(organizations.id, id));
  return row;
}

/** An organisation a contact or record may point at: it exists and was not merged away. */
export async function findLiveOrganization(db: Db, id: string, path: string): Promise<OrganizationRow> {
  const row = await findRow(db, id);
  if (!row) throw invalidField(path, 'organization.not_found');
  if (row.mergedIntoId) throw invalidField(path, 'organization.merged', { mergedIntoId: row.mergedIntoId });
  return row;
}

/** One organisation; a merged id answers 308 to its survivor. Custom values only for a `reader` (see FieldReader). */
export async function getOrganization(db: Db, id: string, reader?: FieldReader): Promise<OrganizationView> {
  const row = await findRow(db, id);
  if (!row) throw new NotFound('organization.not_found');
  if (row.mergedIntoId) throw new MovedPermanently('organization.merged', `/api/v1/organizations/${row.mergedIntoId}`, { mergedIntoId: row.mergedIntoId });
  return present(db, row, reader);
}

/** `fieldTypes`: the app's field types (context.fieldTypes), which parse the custom values. */
export async function createOrganization(database: Database, actor: Actor, input: NewOrganization, fieldTypes: FieldTypes): Promise<OrganizationView> {
  return database.transaction(async (tx) => {
    await checkProfile(tx, input);
    const judged = input.fields && Object.keys(input.fields).length ? await judgeCustomerFields(database, tx, 'organisation', { input: input.fields, actor }, fieldTypes) : null;
    const id = uuidv7();
    const [row] = await tx.insert(organizations).values({ id, name: input.name.trim(), ...profileChanges(input), fields: judged?.values ?? {} }).returning();
    await recordEvent(tx, organizationCreated, { aggregateId: id, cause: 'agent', actorId: actor.id, payload: { name: row!.name, ...(judged?.changed.length && { fields: judged.to }) } });
    return present(tx, row!, actor);
  });
}

export async function lockOrganizationForUpdate(tx: Tx, id: string, expectedVersion?: number): Promise<OrganizationRow> {
  const [row] = await tx.select().from(organizations).where(eq(organizations.id, id)).for('update');
  if (!row) throw new NotFound('organization.not_found');
  if (row.mergedIntoId) throw new Conflict('organization.merged', { mergedIntoId: row.mergedIntoId });
  if (expectedVersion !== undefined && row.version !== expectedVersion) throw new PreconditionFailed('organization.version_mismatch', { current: row.version });
  return row;
}

export async function updateOrganization(database: Database, actor: Actor, id: string, expectedVersion: number | undefined, changes: OrganizationChanges, fieldTypes: FieldTypes): Promise<OrganizationView> {
  return database.transaction(async (tx) => {
    const before = await lockOrganizationForUpdate(tx, id, expectedVersion);
    await checkProfile(tx, changes);
    const judged = changes.fields !== undefined ? await judgeCustomerFields(database, tx, 'organisation', { input: changes.fields, previous: before.fields, actor }, fieldTypes) : null;
    const set = { ...profileChanges(changes), ...(changes.name !== undefined && { name: changes.name.trim() }) };
    const changed = Object.fromEntries(Object.entries(set).filter(([key, value]) => !isDeepStrictEqual(value, before[key as keyof OrganizationRow])));
    if (Object.keys(changed).length === 0 && !judged?.changed.length) return present(tx, before, actor);
    const [row] = await tx
      .update(organizations)
      .set({ ...changed, ...(judged?.changed.length && { fields: judged.values }), version: sql`${organizations.version} + 1`, updatedAt: sql`now()` })
      .where(eq(organizations.id, id))
      .returning();
    // Custom values are recorded one key each (`fields.industry`), so the history reads each change.
    const from = { ...Object.fromEntries(Object.keys(changed).map((key) => [key, before[key as keyof OrganizationRow]])), ...judged?.from };
    await recordEvent(tx, organizationUpdated, { aggregateId: id, cause: 'agent', actorId: actor.id, payload: { from, to: { ...changed, ...judged?.to } } });
    return present(tx, row!, actor);
  });
}

/**
 * Delete an organisation that nothing hangs from. One with contacts or records is refused (409
 * naming the counts): moving or merging them is a decision, not a side effect of a delete.
 */
export async function deleteOrganization(database: Database, actor: Actor, id: string): Promise<void> {
  await database.transaction(async (tx) => {
    const row = await lockOrganizationForUpdate(tx, id);
    // Contacts merged away still point here (tombstones); the foreign key sets them to null.
    const [{ n: contactCount } = { n: 0 }] = await tx.select({ n: count() }).from(contacts).where(and(eq(contacts.organizationId, id), isNull(contacts.mergedIntoId)));
    const [{ n: recordCount } = { n: 0 }] = await tx.select({ n: count() }).from(customerRecords).where(eq(customerRecords.organizationId, id));
    if (Number(contactCount) > 0 || Number(recordCount) > 0) throw new Conflict('organization.not_empty', { contacts: Number(contactCount), records: Number(recordCount) });
    // Organisations merged into this one point at it; they go with it.
    await tx.delete(organizations).where(eq(organizations.mergedIntoId, id));
    await tx.delete(organizations).where(eq(organizations.id, id));
    await recordEvent(tx, organizationDeleted, { aggregateId: id, cause: 'agent', actorId: actor.id, payload: { name: row.name } });
  });
}
