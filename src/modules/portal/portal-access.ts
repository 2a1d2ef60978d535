import { eq } from 'drizzle-orm';
import { Unprocessable } from '../../app/errors.js';
import type { Database, Db } from '../../db/database.js';
import { recordEvent } from '../../jobs/events.js';
import { contactPortalAccessChanged } from './events.js';
import type { Actor } from '../auth/index.js';
import { getContact } from '../customers/index.js';
import { portalAccess } from './schema.js';

export type PortalAccessView = { contactId: string; orgAdmin: boolean };

export async function getPortalAccess(db: Db, contactId: string): Promise<PortalAccessView> {
  const contact = await getContact(db, contactId);
  const [row] = await db.select({ role: portalAccess.role }).from(portalAccess).where(eq(portalAccess.contactId, contact.id));
  return { contactId: contact.id, orgAdmin: row?.role === 'org_admin' };
}

/** Make a contact their organisation's portal admin (sees and acts on its tickets), or take it back. */
export async function setPortalAccess(database: Database, actor: Actor, contactId: string, orgAdmin: boolean): Promise<PortalAccessView> {
  const contact = await getContact(database.db, contactId);
  if (orgAdmin && !contact.organization) throw new Unprocessable('portal.access_needs_organization');
  await database.transaction(async (tx) => {
    const changed = orgAdmin
      ? await tx.insert(portalAccess).values({ contactId: contact.id, role: 'org_admin', grantedBy: actor.id }).onConflictDoNothing().returning()
      : await tx.delete(portalAccess).where(eq(portalAccess.contactId, contact.id)).returning();
    if (changed.length) {
      await recordEvent(tx, contactPortalAccessChanged, { aggregateId: contact.id, cause: 'agent', actorId: actor.id, payload: { orgAdmin } });
    }
  });
  return { contactId: contact.id, orgAdmin };
}
