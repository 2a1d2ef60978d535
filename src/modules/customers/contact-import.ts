import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { Conflict } from '../../app/errors.js';
import { queryRows, type Db, type Tx } from '../../db/database.js';
import type { EventCause } from '../../jobs/event-definition.js';
import { recordEvent, recordEvents, redactAggregateEvents } from '../../jobs/events.js';
import { contactCreated, contactDeleted, contactUpdated } from './events.js';
import { formatPhone } from './identity-values.js';
import type { IdentityKind } from './identity-kinds.js';
import type { ContactUsage } from './privacy.js';
import { contactIdentities, contacts } from './schema.js';

/**
 * Contacts written by a data import (imports module): in the caller's transaction, many at once,
 * every event with the import's cause (`import:<batchId>`) so rules, notifications and webhooks
 * leave them alone. Values arrive already cleaned (identities normalised with normaliseIdentity,
 * custom values judged); what a person would be refused (a taken identity) is refused here too.
 */
export type ImportIdentity = { kind: IdentityKind; value: string };
export type ImportedContact = { id?: string; name: string; organizationId?: string | null; notes?: string; fields?: Record<string, unknown>; identities: ImportIdentity[] };
/** What a contact looked like before an import changed it: what its rollback puts back. */
export type ContactImage = { name: string; organizationId: string | null; notes: string; fields: Record<string, unknown>; identities: ImportIdentity[] };
export type ImportContactMatch = ContactImage & { id: string; version: number };
export type ImportContactChange = { name?: string; organizationId?: string | null; notes?: string; fields?: Record<string, unknown>; addIdentities?: ImportIdentity[] };

const identityKey = (i: ImportIdentity) => `${i.kind}:${i.value}`;
const display = (i: ImportIdentity) => (i.kind === 'phone' ? formatPhone(i.value) : i.value);

/** The live contacts holding any of these identities, keyed `kind:value` (one query for the lot). */
export async function findContactsByIdentities(db: Db, identities: readonly ImportIdentity[]): Promise<Map<string, ImportContactMatch>> {
  const found = new Map<string, ImportContactMatch>();
  if (identities.length === 0) return found;
  // One JSON parameter, one statement text whatever the count: a list of 1 000 (kind, value) pairs made PostgreSQL scan the table (25 s for 10 000 rows).
  const hits = await db
    .select({ kind: contactIdentities.kind, value: contactIdentities.value, contactId: contactIdentities.contactId })
    .from(contactIdentities)
    .where(sql`(${contactIdentities.kind}, ${contactIdentities.value}) in (select kind, value from jsonb_to_recordset(${JSON.stringify(identities.map(({ kind, value }) => ({ kind, value })))}::jsonb) as wanted(kind text, value text))`);
  const images = await contactImages(db, [...new Set(hits.map((h) => h.contactId))]);
  for (const hit of hits) {
    const image = images.get(hit.contactId);
    if (image) found.set(identityKey(hit), image);
  }
  return found;
}

/** Contacts as an import sees them (not merged away, not anonymised), with their identities. */
export async function contactImages(db: Db, ids: readonly string[]): Promise<Map<string, ImportContactMatch>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select().from(contacts).where(and(inArray(contacts.id, [...ids]), isNull(contacts.mergedIntoId), isNull(contacts.anonymizedAt)));
  const identities = await db.select({ contactId: contactIdentities.contactId, kind: contactIdentities.kind, value: contactIdentities.value }).from(contactIdentities).where(inArray(contactIdentities.contactId, rows.map((r) => r.id)));
  return new Map(
    rows.map((r) => [
      r.id,
      { id: r.id, version: r.version, name: r.name, organizationId: r.organizationId, notes: r.notes, fields: r.fields, identities: identities.filter((i) => i.contactId === r.id).map(({ kind, value }) => ({ kind, value })) },
    ]),
  );
}

/** Insert new contacts with their identities (3 statements for the lot); an identity someone holds meanwhile is a 409. */
export async function createImportedContacts(tx: Tx, cause: EventCause, rows: readonly ImportedContact[]): Promise<string[]> {
  if (rows.length === 0) return [];
  const withIds = rows.map((row) => ({ ...row, id: row.id ?? uuidv7() }));
  // Each list as one JSON parameter (one statement text, prepared once): a VALUES list of 500 rows
  // cost more to build in drizzle and to parse than the insert itself (bench/import-contacts).
  const contactRows = withIds.map((r) => ({ id: r.id, name: r.name.trim(), organization_id: r.organizationId ?? null, notes: r.notes ?? '', fields: r.fields ?? {} }));
  await tx.execute(sql`
    insert into ${contacts} (id, name, organization_id, notes, fields)
    select id, name, organization_id, notes, fields
    from jsonb_to_recordset(${JSON.stringify(contactRows)}::jsonb) as c(id uuid, name text, organization_id uuid, notes text, fields jsonb)`);
  const identities = withIds.flatMap((r) => r.identities.map((i) => ({ id: uuidv7(), contact_id: r.id, kind: i.kind, value: i.value, display: display(i) })));
  if (identities.length) {
    const inserted = await queryRows<{ n: number }>(tx, sql`
      with inserted as (
        insert into ${contactIdentities} (id, contact_id, kind, value, display)
        select id, contact_id, kind, value, display
        from jsonb_to_recordset(${JSON.stringify(identities)}::jsonb) as i(id uuid, contact_id uuid, kind text, value text, display text)
        on conflict do nothing
        returning 1)
      select count(*)::int as n from inserted`);
    if (Number(inserted[0]!.n) < identities.length) throw new Conflict('contact.identity_taken', {});
  }
  await recordEvents(
    tx,
    contactCreated,
    withIds.map((r) => ({ aggregateId: r.id, cause, payload: { name: r.name, identities: r.identities.map(({ kind, value }) => ({ kind, value })), ...(r.fields && Object.keys(r.fields).length && { fields: r.fields }) } })),
  );
  return withIds.map((r) => r.id);
}

/** Change one contact; answers its image before the change (for rollback) and its new version. */
export async function updateImportedContact(tx: Tx, cause: EventCause, id: string, change: ImportContactChange): Promise<{ before: ContactImage; version: number }> {
  const [row] = await tx.select().from(contacts).where(and(eq(contacts.id, id), isNull(contacts.mergedIntoId), isNull(contacts.anonymizedAt))).for('update');
  if (!row) throw new Conflict('contact.merged', {});
  const before = (await contactImages(tx, [id])).get(id)!;
  const set = {
    ...(change.name !== undefined && { name: change.name.trim() }),
    ...(change.organizationId !== undefined && { organizationId: change.organizationId }),
    ...(change.notes !== undefined && { notes: change.notes }),
    ...(change.fields !== undefined && { fields: change.fields }),
  };
  const [updated] = await tx.update(contacts).set({ ...set, version: sql`${contacts.version} + 1`, updatedAt: sql`now()` }).where(eq(contacts.id, id)).returning({ version: contacts.version });
  const added = (change.addIdentities ?? []).filter((i) => !before.identities.some((b) => identityKey(b) === identityKey(i)));
  if (added.length) {
    const inserted = await tx.insert(contactIdentities).values(added.map((i) => ({ id: uuidv7(), contactId: id, kind: i.kind, value: i.value, display: display(i) }))).onConflictDoNothing().returning({ id: contactIdentities.id });
    if (inserted.length < added.length) throw new Conflict('contact.identity_taken', {});
  }
  const from = Object.fromEntries(Object.keys(set).map((key) => [key, before[key as keyof ContactImage]]));
  await recordEvent(tx, contactUpdated, { aggregateId: id, cause, payload: { from: { ...from, identities: before.identities }, to: { ...set, identities: [...before.identities, ...added] } } });
  return { before, version: updated!.version };
}

/** Why a rollback leaves a contact alone: someone changed it since (its version moved), it is gone, or tickets use it. */
export type ImportUndoRefusal = 'changed' | 'gone' | 'in_use';

/** Put back what an import changed, unless the contact changed since (`expectedVersion` is what the import left). */
export async function restoreImportedContact(tx: Tx, cause: EventCause, id: string, image: ContactImage, expectedVersion: number): Promise<ImportUndoRefusal | null> {
  const [row] = await tx.select({ version: contacts.version, mergedIntoId: contacts.mergedIntoId }).from(contacts).where(eq(contacts.id, id)).for('update');
  if (!row || row.mergedIntoId) return 'gone';
  if (row.version !== expectedVersion) return 'changed';
  const keep = new Set(image.identities.map(identityKey));
  const current = await tx.select({ id: contactIdentities.id, kind: contactIdentities.kind, value: contactIdentities.value }).from(contactIdentities).where(eq(contactIdentities.contactId, id));
  const drop = current.filter((i) => !keep.has(identityKey(i)));
  if (drop.length) await tx.delete(contactIdentities).where(inArray(contactIdentities.id, drop.map((i) => i.id)));
  await tx
    .update(contacts)
    .set({ name: image.name, organizationId: image.organizationId, notes: image.notes, fields: image.fields, version: sql`${contacts.version} + 1`, updatedAt: sql`now()` })
    .where(eq(contacts.id, id));
  await recordEvent(tx, contactUpdated, { aggregateId: id, cause, payload: { from: { identities: current.map(({ kind, value }) => ({ kind, value })) }, to: { ...image } } });
  return null;
}

/**
 * Remove the contacts an import created, unless one changed since or tickets name it. Not the
 * privacy delete (deleteContact, an agent's erasure): this undoes our own write, yet its events are
 * redacted the same way, since they carried the person's data. A rollback's batch at once (a
 * statement per step, not per contact): the answer names the contacts left alone and why. When any
 * of them is used by tickets the usage is asked contact by contact (rare).
 */
export async function removeImportedContacts(tx: Tx, cause: EventCause, items: ReadonlyArray<{ id: string; expectedVersion: number }>, usage: ContactUsage): Promise<Map<string, ImportUndoRefusal>> {
  const refused = new Map<string, ImportUndoRefusal>();
  if (items.length === 0) return refused;
  const rows = await tx.select({ id: contacts.id, version: contacts.version, mergedIntoId: contacts.mergedIntoId }).from(contacts).where(inArray(contacts.id, items.map((i) => i.id))).for('update');
  const current = new Map(rows.map((r) => [r.id, r]));
  const eligible: string[] = [];
  for (const item of items) {
    const row = current.get(item.id);
    if (!row) refused.set(item.id, 'gone');
    else if (row.mergedIntoId || row.version !== item.expectedVersion) refused.set(item.id, 'changed');
    else eligible.push(item.id);
  }
  let removable = eligible;
  if (eligible.length && (await usage(tx, eligible)) > 0) {
    removable = [];
    for (const id of eligible) {
      if ((await usage(tx, [id])) > 0) refused.set(id, 'in_use');
      else removable.push(id);
    }
  }
  if (removable.length === 0) return refused;
  await tx.delete(contacts).where(inArray(contacts.id, removable));
  await redactAggregateEvents(tx, 'contact', removable);
  await recordEvents(tx, contactDeleted, removable.map((id) => ({ aggregateId: id, cause, payload: {} })));
  return refused;
}
