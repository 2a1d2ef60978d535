import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Db, Tx } from '../../db/database.js';
import type { EventCause } from '../../jobs/event-definition.js';
import { recordEvent, recordEvents } from '../../jobs/events.js';
import type { ImportUndoRefusal } from './contact-import.js';
import { organizationCreated, organizationDeleted, organizationUpdated } from './events.js';
import { contacts, customerRecords, organizations } from './schema.js';

/**
 * Organisations written by a data import, like contact-import.ts: in the caller's transaction, the
 * import's cause on every event. An organisation's natural key in a spreadsheet is its name.
 */
export type ImportedOrganization = { id?: string; name: string; notes?: string; fields?: Record<string, unknown> };
export type OrganizationImage = { name: string; notes: string; fields: Record<string, unknown> };
export type ImportOrganizationMatch = OrganizationImage & { id: string; version: number };

/** Live organisations by exact (trimmed) name; with several of one name, the oldest. */
export async function findOrganizationsByNames(db: Db, names: readonly string[]): Promise<Map<string, ImportOrganizationMatch>> {
  if (names.length === 0) return new Map();
  const rows = await db.select().from(organizations).where(and(inArray(organizations.name, [...new Set(names)]), isNull(organizations.mergedIntoId))).orderBy(organizations.createdAt);
  const found = new Map<string, ImportOrganizationMatch>();
  for (const r of rows) if (!found.has(r.name)) found.set(r.name, { id: r.id, version: r.version, name: r.name, notes: r.notes, fields: r.fields });
  return found;
}

export async function organizationImages(db: Db, ids: readonly string[]): Promise<Map<string, ImportOrganizationMatch>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select().from(organizations).where(and(inArray(organizations.id, [...ids]), isNull(organizations.mergedIntoId)));
  return new Map(rows.map((r) => [r.id, { id: r.id, version: r.version, name: r.name, notes: r.notes, fields: r.fields }]));
}

export async function createImportedOrganizations(tx: Tx, cause: EventCause, rows: readonly ImportedOrganization[]): Promise<string[]> {
  if (rows.length === 0) return [];
  const withIds = rows.map((row) => ({ ...row, id: row.id ?? uuidv7(), name: row.name.trim() }));
  await tx.insert(organizations).values(withIds.map((r) => ({ id: r.id, name: r.name, notes: r.notes ?? '', fields: r.fields ?? {} })));
  await recordEvents(tx, organizationCreated, withIds.map((r) => ({ aggregateId: r.id, cause, payload: { name: r.name, ...(r.fields && Object.keys(r.fields).length && { fields: r.fields }) } })));
  return withIds.map((r) => r.id);
}

export async function updateImportedOrganization(tx: Tx, cause: EventCause, id: string, change: Partial<OrganizationImage>): Promise<{ before: OrganizationImage; version: number }> {
  const [row] = await tx.select().from(organizations).where(eq(organizations.id, id)).for('update');
  const before = { name: row!.name, notes: row!.notes, fields: row!.fields };
  const [updated] = await tx.update(organizations).set({ ...change, version: sql`${organizations.version} + 1`, updatedAt: sql`now()` }).where(eq(organizations.id, id)).returning({ version: organizations.version });
  const from = Object.fromEntries(Object.keys(change).map((key) => [key, before[key as keyof OrganizationImage]]));
  await recordEvent(tx, organizationUpdated, { aggregateId: id, cause, payload: { from, to: change } });
  return { before, version: updated!.version };
}

export async function restoreImportedOrganization(tx: Tx, cause: EventCause, id: string, image: OrganizationImage, expectedVersion: number): Promise<ImportUndoRefusal | null> {
  const [row] = await tx.select().from(organizations).where(eq(organizations.id, id)).for('update');
  if (!row || row.mergedIntoId) return 'gone';
  if (row.version !== expectedVersion) return 'changed';
  await tx.update(organizations).set({ ...image, version: sql`${organizations.version} + 1`, updatedAt: sql`now()` }).where(eq(organizations.id, id));
  await recordEvent(tx, organizationUpdated, { aggregateId: id, cause, payload: { from: { name: row.name, notes: row.notes, fields: row.fields }, to: image } });
  return null;
}

/** Remove an organisation an import created, unless it changed since or contacts or records hang from it. */
export async function removeImportedOrganization(tx: Tx, cause: EventCause, id: string, expectedVersion: number): Promise<ImportUndoRefusal | null> {
  const [row] = await tx.select().from(organizations).where(eq(organizations.id, id)).for('update');
  if (!row) return 'gone';
  if (row.mergedIntoId || row.version !== expectedVersion) return 'changed';
  const [used] = await tx.select({ n: sql<number>`(select count(*)::int from ${contacts} where ${contacts.organizationId} = ${id}) + (select count(*)::int from ${customerRecords} where ${customerRecords.organizationId} = ${id})` }).from(sql`(select 1) as one`);
  if ((used?.n ?? 0) > 0) return 'in_use';
  await tx.delete(organizations).where(eq(organizations.id, id));
  await recordEvent(tx, organizationDeleted, { aggregateId: id, cause, payload: { name: row.name } });
  return null;
}
