import { z } from 'zod';
import type { AppContext, AppServer } from '../../app/context.js';
import { NotFound } from '../../app/errors.js';
import { actorOf } from '../../app/http/request-context.js';
import type { Db } from '../../db/database.js';
import type { Actor } from '../auth/index.js';
import { getContact, getOrganization, listRecords } from '../customers/index.js';
import { getVisibleTicket } from './get-ticket.js';

/**
 * The read-only customer card of a ticket's requester, for whoever may see the ticket (a field
 * engineer on the way to a job has no customers.read): contact, address and devices with their
 * warranty. Field-service data gets proper fields with work orders; until then the address is
 * taken from what exists (contact, then organisation attributes, then a device record's payload).
 */
export async function customerCard(db: Db, actor: Actor, idOrNumber: string, when: { now: Date; timeZone: string }) {
  const ticket = await getVisibleTicket(db, actor, idOrNumber);
  if (!ticket.requesterId) throw new NotFound('contact.not_found');
  const contact = await getContact(db, ticket.requesterId);
  const organization = contact.organization ? await getOrganization(db, contact.organization.id) : null;
  const records = await listRecords(db, { contactIds: [contact.id], ...(organization && { organizationIds: [organization.id] }), type: 'device' }, 50);
  // A warranty runs to the end of its last day where the business is (not UTC, which is still
  // "yesterday" until 08:00 in Shanghai), on the app's clock.
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: when.timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(when.now);
  const devices = records.map((r) => ({
    externalId: r.externalId,
    title: r.title,
    status: r.status,
    installedOn: r.occurredOn,
    warrantyUntil: r.expiresOn,
    inWarranty: r.expiresOn === null ? null : r.expiresOn >= today,
  }));
  const address = text(contact.attributes.address) ?? text(organization?.attributes.address) ?? records.map((r) => text(r.payload.address)).find(Boolean) ?? null;
  return {
    contact: { id: contact.id, name: contact.name, phone: contact.phone, email: contact.email },
    organization: organization && { id: organization.id, name: organization.name },
    address,
    devices,
  };
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}

export function registerCustomerCardRoutes(app: AppServer, { database, clock, config }: AppContext): void {
  app.get('/api/v1/tickets/:id/customer', {
    config: { permission: 'tickets.read' },
    schema: {
      tags: ['tickets'],
      summary: '工单客户卡片（只读）Read-only customer card of a ticket\'s requester',
      description: 'Contact, organisation, address and devices (external records of type `device`, with warranty) of the requester, for every role that may see the ticket; 404 otherwise or when the ticket has no requester.',
      params: z.object({ id: z.string().min(1).max(64) }),
      response: {
        200: z.object({
          contact: z.object({ id: z.uuid(), name: z.string(), phone: z.string().nullable(), email: z.string().nullable() }),
          organization: z.object({ id: z.uuid(), name: z.string() }).nullable(),
          address: z.string().nullable(),
          devices: z.array(z.object({ externalId: z.string(), title: z.string(), status: z.string().nullable(), installedOn: z.string().nullable(), warrantyUntil: z.string().nullable(), inWarranty: z.boolean().nullable() })),
        }),
      },
    },
  }, async (request) => customerCard(database.db, actorOf(request), request.params.id, { now: clock.now(), timeZone: config.OPENCSM_TIMEZONE }));
}
