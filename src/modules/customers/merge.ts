import { asc, eq, inArray, sql } from 'drizzle-orm';
import { Conflict, invalidField } from '../../app/errors.js';
import type { Database, Tx } from '../../db/database.js';
import { recordEvent } from '../../jobs/events.js';
import { contactAbsorbed, contactMerged, organizationAbsorbed, organizationMerged } from './events.js';
import type { Actor } from '../auth/index.js';
import { presentContact, type ContactDetail, type ContactRow } from './contact-views.js';
import { getOrganization, type OrganizationView } from './organizations.js';
import { fieldReadability } from './customer-fields.js';
import { normaliseCustomerTags } from './profile.js';
import { contactIdentities, contacts, customerRecords, organizations } from './schema.js';

/** `fieldsTaken`: keys of the custom values the survivor took from the merged record (those the caller may read). */
export type MergeResult<T> = { survivor: T; moved: { identities: number; records: number; contacts: number }; fieldsTaken: string[] };

/** Custom values the survivor lacks and the merged record has: the survivor takes them. */
function fieldsToTake(source: Pick<ContactRow, 'fields'>, target: Pick<ContactRow, 'fields'>): string[] {
  return Object.keys(source.fields).filter((key) => target.fields[key] === undefined || target.fields[key] === null);
}

/** The survivor keeps its own values; what it lacks it takes from the merged record (custom values too). */
function combinedProfile<T extends Pick<ContactRow, 'tierKey' | 'ownerId' | 'tags' | 'notes' | 'attributes' | 'fields'>>(source: T, target: T) {
  const notes = [target.notes, source.notes].filter((n) => n.trim()).filter((n, i, all) => all.indexOf(n) === i).join('\n\n');
  return {
    tierKey: target.tierKey ?? source.tierKey,
    ownerId: target.ownerId ?? source.ownerId,
    tags: normaliseCustomerTags([...target.tags, ...source.tags]),
    notes,
    attributes: { ...source.attributes, ...target.attributes },
    fields: { ...target.fields, ...Object.fromEntries(fieldsToTake(source, target).map((key) => [key, source.fields[key]])) },
  };
}

/** A row that can be merged: contacts (which may be anonymised) and organisations. */
type Mergeable = { id: string; mergedIntoId: string | null; anonymizedAt?: Date | null };

/**
 * Both rows of a merge, locked in id order (two opposite merges at once cannot deadlock). One
 * query per table rather than one over either table, so each answers its own row type.
 */
const lockContactRows = (tx: Tx, ids: string[]) => tx.select().from(contacts).where(inArray(contacts.id, ids)).orderBy(asc(contacts.id)).for('update');
const lockOrganizationRows = (tx: Tx, ids: string[]) => tx.select().from(organizations).where(inArray(organizations.id, ids)).orderBy(asc(organizations.id)).for('update');

/** Lock the pair with `lockRows`; both must exist and be live. */
async function lockPair<T extends Mergeable>(lockRows: (ids: string[]) => Promise<T[]>, sourceId: string, targetId: string, kind: 'contact' | 'organization'): Promise<{ source: T; target: T }> {
  if (sourceId === targetId) throw invalidField('targetId', `${kind}.merge_self`);
  const rows = await lockRows([sourceId, targetId]);
  const source = rows.find((r) => r.id === sourceId);
  const target = rows.find((r) => r.id === targetId);
  if (!source) throw invalidField('sourceId', `${kind}.not_found`);
  if (!target) throw invalidField('targetId', `${kind}.not_found`);
  for (const [path, row] of [['sourceId', source], ['targetId', target]] as const) {
    if (row.mergedIntoId) throw new Conflict(`${kind}.merged`, { mergedIntoId: row.mergedIntoId }, [{ path, code: `${kind}.merged` }]);
    if (row.anonymizedAt) throw new Conflict('contact.anonymized', {}, [{ path, code: 'contact.anonymized' }]);
  }
  return { source, target };
}

/**
 * Merge a duplicate contact into the survivor, in one transaction: identities and external records
 * move, contacts merged earlier into the duplicate now point at the survivor, and the duplicate
 * stays as a tombstone whose id resolves to the survivor. Tickets follow through the
 * `contact.merged` event (the tickets module owns them); until then they already show the survivor.
 */
export async function mergeContacts(database: Database, actor: Actor, sourceId: string, targetId: string): Promise<MergeResult<ContactDetail>> {
  return database.transaction(async (tx) => {
    const { source, target } = await lockPair((ids) => lockContactRows(tx, ids), sourceId, targetId, 'contact');
    const identities = await tx.update(contactIdentities).set({ contactId: target.id }).where(eq(contactIdentities.contactId, source.id)).returning({ id: contactIdentities.id });
    const records = await tx.update(customerRecords).set({ contactId: target.id }).where(eq(customerRecords.contactId, source.id)).returning({ id: customerRecords.id });
    const earlier = await tx.update(contacts).set({ mergedIntoId: target.id }).where(eq(contacts.mergedIntoId, source.id)).returning({ id: contacts.id });
    const [survivor] = await tx
      .update(contacts)
      .set({ ...combinedProfile(source, target), organizationId: target.organizationId ?? source.organizationId, version: sql`${contacts.version} + 1`, updatedAt: sql`now()` })
      .where(eq(contacts.id, target.id))
      .returning();
    await tx.update(contacts).set({ mergedIntoId: target.id, version: sql`${contacts.version} + 1`, updatedAt: sql`now()` }).where(eq(contacts.id, source.id));
    const moved = { identities: identities.length, records: records.length, contacts: earlier.length };
    const taken = fieldsToTake(source, target);
    const payload = { sourceId: source.id, targetId: target.id, sourceName: source.name, mergedIds: [source.id, ...earlier.map((e) => e.id)], moved, ...(taken.length && { fieldsTaken: taken }) };
    await recordEvent(tx, contactMerged, { aggregateId: source.id, cause: 'agent', actorId: actor.id, payload });
    await recordEvent(tx, contactAbsorbed, { aggregateId: target.id, cause: 'agent', actorId: actor.id, payload });
    const readable = await fieldReadability(tx, 'contact', actor, [source.fields]);
    return { survivor: await presentContact(tx, survivor!, actor), moved, fieldsTaken: taken.filter(readable) };
  });
}

/** Merge a duplicate organisation: its contacts and records move to the survivor. */
export async function mergeOrganizations(database: Database, actor: Actor, sourceId: string, targetId: string): Promise<MergeResult<OrganizationView>> {
  const { moved, taken } = await database.transaction(async (tx) => {
    const { source, target } = await lockPair((ids) => lockOrganizationRows(tx, ids), sourceId, targetId, 'organization');
    const movedContacts = await tx.update(contacts).set({ organizationId: target.id, updatedAt: sql`now()` }).where(eq(contacts.organizationId, source.id)).returning({ id: contacts.id });
    const records = await tx.update(customerRecords).set({ organizationId: target.id }).where(eq(customerRecords.organizationId, source.id)).returning({ id: customerRecords.id });
    await tx.update(organizations).set({ mergedIntoId: target.id }).where(eq(organizations.mergedIntoId, source.id));
    await tx.update(organizations).set({ ...combinedProfile(source, target), version: sql`${organizations.version} + 1`, updatedAt: sql`now()` }).where(eq(organizations.id, target.id));
    await tx.update(organizations).set({ mergedIntoId: target.id, version: sql`${organizations.version} + 1`, updatedAt: sql`now()` }).where(eq(organizations.id, source.id));
    const result = { identities: 0, records: records.length, contacts: movedContacts.length };
    const fieldsTaken = fieldsToTake(source, target);
    const payload = { sourceId: source.id, targetId: target.id, sourceName: source.name, moved: result, ...(fieldsTaken.length && { fieldsTaken }) };
    await recordEvent(tx, organizationMerged, { aggregateId: source.id, cause: 'agent', actorId: actor.id, payload });
    await recordEvent(tx, organizationAbsorbed, { aggregateId: target.id, cause: 'agent', actorId: actor.id, payload });
    const readable = await fieldReadability(tx, 'organisation', actor, [source.fields]);
    return { moved: result, taken: fieldsTaken.filter(readable) };
  });
  return { survivor: await getOrganization(database.db, targetId, actor), moved, fieldsTaken: taken };
}

