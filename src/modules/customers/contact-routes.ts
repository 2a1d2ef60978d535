import { z } from 'zod';
import type { AppContext, AppServer } from '../../app/context.js';
import { searchContacts } from './contact-search.js';

const contactSchema = z.object({ id: z.uuid(), name: z.string(), email: z.string().nullable(), phone: z.string().nullable() }).meta({ id: 'Contact' });

/** Contacts (联系人) as the agent console needs them today: finding the requester of a phone call. */
export function registerContactRoutes(app: AppServer, { database }: AppContext): void {
  app.get('/api/v1/contacts', {
    // Looking people up is part of taking a ticket in; field engineers (no tickets.create) do not browse customers.
    config: { permission: 'tickets.create' },
    schema: {
      tags: ['contacts'],
      summary: '查找联系人（来电建单）Look up contacts',
      description: '`q` matches part of the name (e.g. 张 or 三), a phone number written any way (`138 0013 8000`, `+86-138…`, or a few digits of it), or the start of an email address. Exact phone or email matches come first. A requester\'s tickets: `GET /api/v1/tickets?requesterId=<id>`.',
      querystring: z.strictObject({ q: z.string().trim().min(1).max(100), limit: z.coerce.number().int().min(1).max(50).default(20) }),
      response: { 200: z.object({ items: z.array(contactSchema) }) },
    },
  }, async (request) => ({ items: await searchContacts(database.db, request.query.q, request.query.limit) }));
}
