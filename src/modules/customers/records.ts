import { isDeepStrictEqual } from 'node:util';
import { and, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { invalidField, NotFound } from '../../app/errors.js';
import type { Database, Db } from '../../db/database.js';
import { recordEvent } from '../../jobs/events.js';
import { customerRecordCreated, customerRecordDeleted, customerRecordUpdated } from './events.js';
import type { Actor } from '../auth/index.js';
import { findContactRow } from './contact-views.js';
import { findLiveOrganization } from './organizations.js';
import { customerRecords } from './schema.js';

/** The record types the console labels; others (lower-case identifiers) are accepted and shown as typed. */
export const knownRecordTypes = ['order', 'contract', 'device', 'invoice'] as const;

export type RecordRow = typeof customerRecords.$inferSelect;
export type RecordInput = {
  organizationId?: string | null;
  contactId?: string | null;
  title: string;
  status?: string | null;
  occurredOn?: string | null;
  expiresOn?: string | null;
  payload?: Record<string, unknown>;
};

const maxPayloadBytes = 64 * 1024;

/**
 * Create or replace the record with this (type, externalId): an ERP sync can send the same data
 * every night and the result is the same. Unchanged data changes nothing (no new version, no
 * event). Answers whether it was created.
 */
export async function upsertRecord(database: Database, actor: Actor, type: string, externalId: string, input: RecordInput): Promise<{ record: RecordRow; created: boolean }> {
  if (!input.organizationId && !input.contactId) throw invalidField('organizationId', 'customer_record.owner_required');
  if (Buffer.byteLength(JSON.stringify(input.payload ?? {})) > maxPayloadBytes) throw invalidField('payload', 'customer.attributes_too_large', { maxKb: maxPayloadBytes / 1024 });
  return database.transaction(async (tx) => {
    if (input.organizationId) await findLiveOrganization(tx, input.organizationId, 'organizationId');
    let contactId = input.contactId ?? null;
    if (contactId) {
      const contact = await findContactRow(tx, contactId);
      if (!contact) throw invalidField('contactId', 'contact.not_found');
      contactId = contact.mergedIntoId ?? contact.id; // an old id from the ERP still lands on the survivor
    }
    const values = {
      organizationId: input.organizationId ?? null,
      contactId,
      title: input.title.trim(),
      status: input.status ?? null,
      occurredOn: input.occurredOn ?? null,
      expiresOn: input.expiresOn ?? null,
      payload: input.payload ?? {},
    };
    const [existing] = await tx.select().from(customerRecords).where(and(eq(customerRecords.type, type), eq(customerRecords.externalId, externalId))).for('update');
    if (existing) {
      // jsonb gives keys back in its own order: compare values, not their JSON text.
      const same = Object.entries(values).every(([key, value]) => isDeepStrictEqual(value, existing[key as keyof RecordRow]));
      if (same) return { record: existing, created: false };
      const [row] = await tx.update(customerRecords).set({ ...values, version: sql`${customerRecords.version} + 1`, updatedAt: sql`now()` }).where(eq(customerRecords.id, existing.id)).returning();
      await recordEvent(tx, customerRecordUpdated, { aggregateId: existing.id, cause: 'agent', actorId: actor.id, payload: { type, externalId } });
      return { record: row!, created: false };
    }
    // Two syncs creating the same record at once: the unique key makes the later one update instead.
    const [row] = await tx
      .insert(customerRecords)
      .values({ id: uuidv7(), type, externalId, ...values })
      .onConflictDoUpdate({ target: [customerRecords.type, customerRecords.externalId], set: { ...values, version: sql`${customerRecords.version} + 1`, updatedAt: sql`now()` } })
      .returning();
    const created = row!.version === 1;
    await recordEvent(tx, created ? customerRecordCreated : customerRecordUpdated, { aggregateId: row!.id, cause: 'agent', actorId: actor.id, payload: { type, externalId } });
    return { record: row!, created };
  });
}

export async function getRecord(db: Db, type: string, externalId: string): Promise<RecordRow> {
  const [row] = await db.select().from(customerRecords).where(and(eq(customerRecords.type, type), eq(customerRecords.externalId, externalId)));
  if (!row) throw new NotFound('customer_record.not_found');
  return row;
}

export async function deleteRecord(database: Database, actor: Actor, type: string, externalId: string): Promise<void> {
  await database.transaction(async (tx) => {
    const [row] = await tx.delete(customerRecords).where(and(eq(customerRecords.type, type), eq(customerRecords.externalId, externalId))).returning({ id: customerRecords.id });
    if (!row) throw new NotFound('customer_record.not_found');
    await recordEvent(tx, customerRecordDeleted, { aggregateId: row.id, cause: 'agent', actorId: actor.id, payload: { type, externalId } });
  });
}

/** Records of organisations and/or contacts, newest first (by their main date, then creation). */
export async function listRecords(db: Db, owners: { organizationIds?: string[]; contactIds?: string[]; type?: string }, limit = 200): Promise<RecordRow[]> {
  const ownership: SQL[] = [];
  if (owners.organizationIds?.length) ownership.push(inArray(customerRecords.organizationId, owners.organizationIds));
  if (owners.contactIds?.length) ownership.push(inArray(customerRecords.contactId, owners.contactIds));
  if (ownership.length === 0) return [];
  return db
    .select()
    .from(customerRecords)
    .where(and(or(...ownership), owners.type ? eq(customerRecords.type, owners.type) : undefined))
    .orderBy(sql`${customerRecords.occurredOn} desc nulls last`, desc(customerRecords.createdAt))
    .limit(limit);
}
