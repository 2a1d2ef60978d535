import type { Database } from '../../db/database.js';
import type { Actor } from '../auth/index.js';
import { customerHistory, deleteContact, getContact, listRecords } from '../customers/index.js';
import { countTicketsOfRequesters, exportRequesterTickets } from '../tickets/index.js';
import { requesterIdsOf } from './customer-360.js';

/**
 * One contact's personal data as JSON (PIPL right of access and portability): the profile with
 * every identity and every custom field value (whatever their read roles: the data is the
 * person's), external records, tickets with public messages, and the audit trail.
 */
export async function exportContactData(database: Database, actor: Actor, id: string) {
  const contact = await getContact(database.db, id, 'every field');
  const requesterIds = await requesterIdsOf(database.db, contact.id);
  const [records, tickets, history] = await Promise.all([
    listRecords(database.db, { contactIds: [contact.id] }, 10_000),
    exportRequesterTickets(database.db, requesterIds),
    customerHistory(database.db, 'contact', contact.id, 'every field'),
  ]);
  return {
    format: 'opencsm.contact-export/1',
    exportedAt: new Date().toISOString(),
    exportedBy: { id: actor.id, name: actor.name },
    contact,
    records,
    tickets,
    history,
  };
}

/** Delete a contact only when no ticket names it (customers holds the lock, tickets answer the count). */
export function deleteUnusedContact(database: Database, actor: Actor, id: string): Promise<void> {
  return deleteContact(database, actor, id, countTicketsOfRequesters);
}
