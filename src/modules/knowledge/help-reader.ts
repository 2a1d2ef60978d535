import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/database.js';
import { getContactsByIds, getOrganization } from '../customers/index.js';
import { customerFromPortalSession, portalCookieName } from '../portal/index.js';
import { anonymousVisitor, type ArticleReader } from './article-model.js';

/**
 * Who reads the help centre: anyone (public articles), or a customer signed in to the portal,
 * who also reads the restricted articles of their organisation and tier (contact's or
 * organisation's). The help centre needs no sign-in; the portal cookie only widens what it shows.
 */
export async function helpReader(db: Db, request: FastifyRequest): Promise<ArticleReader> {
  const secret = request.cookies[portalCookieName];
  if (!secret) return anonymousVisitor;
  const customer = await customerFromPortalSession(db, secret);
  if (!customer) return anonymousVisitor;
  const contact = (await getContactsByIds(db, [customer.contactId])).get(customer.contactId);
  const tierKeys = new Set<string>(contact?.tierKey ? [contact.tierKey] : []);
  if (customer.organization) {
    const organization = await getOrganization(db, customer.organization.id).catch(() => null);
    if (organization?.tierKey) tierKeys.add(organization.tierKey);
  }
  return { kind: 'visitor', organizationId: customer.organization?.id ?? null, tierKeys: [...tierKeys] };
}
