import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Db, Tx } from '../../db/database.js';
import { contactIdsOfOrganization, getContactsByIds, mergedContactIds } from '../customers/index.js';
import { portalAccess, portalSessions } from './schema.js';

export const portalCookieName = 'opencsm_portal';

/** The signed-in customer: a contact, and whose tickets they may see. */
export type PortalCustomer = {
  sessionId: string;
  contactId: string;
  name: string;
  email: string | null;
  organization: { id: string; name: string } | null;
  /** An organisation admin sees (and acts on) every ticket of their organisation. */
  orgAdmin: boolean;
};

export function hashToken(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** A 256-bit random secret for the cookie; only its sha256 is stored. */
export async function createPortalSession(tx: Tx, contactId: string, days: number): Promise<{ secret: string; expiresAt: Date }> {
  const secret = `ocps_${randomBytes(32).toString('base64url')}`;
  const expiresAt = new Date(Date.now() + days * 86_400_000);
  await tx.insert(portalSessions).values({ id: uuidv7(), tokenHash: hashToken(secret), contactId, expiresAt });
  await tx.delete(portalSessions).where(lt(portalSessions.expiresAt, new Date()));
  return { secret, expiresAt };
}

export async function deletePortalSession(tx: Tx, secret: string): Promise<void> {
  await tx.delete(portalSessions).where(eq(portalSessions.tokenHash, hashToken(secret)));
}

/** The customer behind a portal cookie; a merged contact signs in as its survivor; an anonymised one not at all. */
export async function customerFromPortalSession(db: Db, secret: string): Promise<PortalCustomer | null> {
  const [session] = await db
    .select({ id: portalSessions.id, contactId: portalSessions.contactId })
    .from(portalSessions)
    .where(and(eq(portalSessions.tokenHash, hashToken(secret)), gt(portalSessions.expiresAt, new Date())));
  if (!session) return null;
  const contact = (await getContactsByIds(db, [session.contactId])).get(session.contactId);
  if (!contact || contact.anonymized) return null;
  const [access] = await db.select({ role: portalAccess.role }).from(portalAccess).where(eq(portalAccess.contactId, contact.id));
  return {
    sessionId: session.id,
    contactId: contact.id,
    name: contact.name,
    email: contact.email,
    organization: contact.organization,
    orgAdmin: access?.role === 'org_admin' && contact.organization !== null,
  };
}

/** The contacts whose tickets this customer may see: themselves (and contacts merged into them), or their organisation's. */
export async function requesterIdsOf(db: Db, customer: PortalCustomer): Promise<string[]> {
  const own = [customer.contactId, ...(await mergedContactIds(db, customer.contactId))];
  if (!customer.orgAdmin || !customer.organization) return own;
  return [...new Set([...own, ...(await contactIdsOfOrganization(db, customer.organization.id))])];
}
