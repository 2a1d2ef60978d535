import { MovedPermanently } from '../../app/errors.js';
import type { ReadModels } from '../../app/read-models.js';
import type { Db } from '../../db/database.js';
import type { Actor } from '../auth/index.js';
import { contactIdsOfOrganization, getContact, getOrganization, listContactSummaries, listRecords, mergedContactIds } from '../customers/index.js';
import { listRequesterMessages, listRequesterTickets } from '../tickets/index.js';

const ticketLimit = 50;
const messageLimit = 30;

/** A merged id's 308 points at the same sub-resource of the survivor. */
async function following<T>(suffix: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof MovedPermanently) throw new MovedPermanently(error.code, `${error.location}${suffix}`, error.params);
    throw error;
  }
}

/** The tickets of a contact include those still filed under contacts merged into it (until they move). */
export async function requesterIdsOf(db: Db, contactId: string): Promise<string[]> {
  return [contactId, ...(await mergedContactIds(db, contactId))];
}

/**
 * Everything an agent needs the moment a customer writes or calls, in one read: the profile with
 * identities, tickets (open first), the latest messages across channels, and external records.
 */
export async function contact360(db: Db, actor: Actor, id: string, readModels: ReadModels) {
  const contact = await following('/360', () => getContact(db, id, actor));
  const requesterIds = await requesterIdsOf(db, contact.id);
  const [tickets, messages, records] = await Promise.all([
    listRequesterTickets(db, actor, requesterIds, ticketLimit, readModels),
    listRequesterMessages(db, actor, requesterIds, { limit: messageLimit }),
    listRecords(db, { contactIds: [contact.id], organizationIds: contact.organization ? [contact.organization.id] : [] }),
  ]);
  return { contact, tickets, messages, records };
}

export async function organization360(db: Db, actor: Actor, id: string, readModels: ReadModels) {
  const organization = await following('/360', () => getOrganization(db, id, actor));
  const contactIds = await contactIdsOfOrganization(db, organization.id);
  const [contacts, tickets, messages, records] = await Promise.all([
    listContactSummaries(db, { organizationId: organization.id, sort: 'name', limit: 100 }),
    listRequesterTickets(db, actor, contactIds, ticketLimit, readModels),
    listRequesterMessages(db, actor, contactIds, { limit: messageLimit }),
    listRecords(db, { organizationIds: [organization.id] }),
  ]);
  return { organization, contacts, tickets, messages, records };
}

export async function contactMessages(db: Db, actor: Actor, id: string, page: { before?: string; limit: number }) {
  const contact = await following('/messages', () => getContact(db, id));
  return listRequesterMessages(db, actor, await requesterIdsOf(db, contact.id), page);
}
