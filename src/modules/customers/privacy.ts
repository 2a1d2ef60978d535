import { eq, sql } from 'drizzle-orm';
import { Conflict, NotFound } from '../../app/errors.js';
import type { Database, Tx } from '../../db/database.js';
import { recordEvent, redactAggregateEvents } from '../../jobs/events.js';
import { contactAnonymized, contactDeleted } from './events.js';
import type { Actor } from '../auth/index.js';
import { findContactRow, presentContact, type ContactDetail } from './contact-views.js';
import { lockContactForUpdate, mergedContactIds } from './contacts.js';
import { contactIdentities, contacts, customerRecords } from './schema.js';

/** Another module's answer to "how many of yours point at these contacts?" (tickets, later surveys). */
export type ContactUsage = (tx: Tx, contactIds: string[]) => Promise<number>;

/**
 * Anonymise a contact on request (PIPL 个人信息保护法, right to deletion): name, identities, notes,
 * tags, attributes and custom field values are erased, the contact's past events lose their payloads, and its external
 * records are unlinked from the person (they stay with the organisation). The id remains, so
 * tickets keep counting in reports; the `contact.anonymized` event lets the tickets module erase
 * the person's own words from them.
 */
export async function anonymiseContact(database: Database, actor: Actor, id: string): Promise<ContactDetail> {
  return database.transaction(async (tx) => {
    await lockContactForUpdate(tx, id);
    const aliases = await mergedContactIds(tx, id);
    await tx.delete(contactIdentities).where(eq(contactIdentities.contactId, id));
    await tx.update(customerRecords).set({ contactId: null }).where(eq(customerRecords.contactId, id));
    const [row] = await tx
      .update(contacts)
      .set({ name: '', tierKey: null, tags: [], ownerId: null, notes: '', attributes: {}, fields: {}, anonymizedAt: sql`now()`, version: sql`${contacts.version} + 1`, updatedAt: sql`now()` })
      .where(eq(contacts.id, id))
      .returning();
    for (const contactId of [id, ...aliases]) {
      await redactAggregateEvents(tx, 'contact', contactId);
      // Contacts merged into this one carried the same person's data.
      if (contactId !== id) await tx.update(contacts).set({ name: '', notes: '', attributes: {}, fields: {}, tags: [], anonymizedAt: sql`now()` }).where(eq(contacts.id, contactId));
    }
    await recordEvent(tx, contactAnonymized, { aggregateId: id, cause: 'agent', actorId: actor.id, payload: { contactIds: [id, ...aliases] } });
    return presentContact(tx, row!);
  });
}

/**
 * Delete a contact nothing refers to. A contact with tickets is refused with a 409 that says to
 * anonymise instead: deleting would orphan the tickets or silently cascade into them. The row lock
 * makes a ticket created at the same moment either land before the check (and be counted) or wait
 * and find no contact.
 */
export async function deleteContact(database: Database, actor: Actor, id: string, usage: ContactUsage): Promise<void> {
  await database.transaction(async (tx) => {
    const row = await findContactRow(tx, id);
    if (!row) throw new NotFound('contact.not_found');
    if (row.mergedIntoId) throw new Conflict('contact.merged', { mergedIntoId: row.mergedIntoId });
    await tx.select({ id: contacts.id }).from(contacts).where(eq(contacts.id, id)).for('update');
    const ids = [id, ...(await mergedContactIds(tx, id))];
    const tickets = await usage(tx, ids);
    if (tickets > 0) throw new Conflict('contact.has_tickets', { tickets });
    for (const contactId of ids.slice(1)) await tx.delete(contacts).where(eq(contacts.id, contactId));
    await tx.delete(contacts).where(eq(contacts.id, id));
    for (const contactId of ids) await redactAggregateEvents(tx, 'contact', contactId);
    await recordEvent(tx, contactDeleted, { aggregateId: id, cause: 'agent', actorId: actor.id, payload: {} });
  });
}
