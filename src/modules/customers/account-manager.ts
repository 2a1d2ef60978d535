import { eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/database.js';
import { findAssignableUser } from '../auth/index.js';
import { contacts, organizations } from './schema.js';

const organization = alias(organizations, 'organization');

/**
 * A customer's account manager (客户经理, the profile's `ownerId`): the contact's own, else its
 * organisation's, skipping one who can no longer work (deactivated since they were chosen), so a
 * stage or an approval never waits for someone who will not come. Null when neither has one.
 * One query for the two owners and one per owner checked.
 */
export async function accountManagerOf(db: Db, contactId: string): Promise<string | null> {
  const [row] = await db
    .select({ own: contacts.ownerId, organizations: organization.ownerId })
    .from(contacts)
    .leftJoin(organization, eq(organization.id, contacts.organizationId))
    .where(eq(contacts.id, contactId));
  for (const candidate of [row?.own, row?.organizations]) {
    if (candidate && (await findAssignableUser(db, candidate))) return candidate;
  }
  return null;
}
