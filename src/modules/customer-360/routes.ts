import { z } from 'zod';
import type { AppContext, AppServer } from '../../app/context.js';
import { actorOf } from '../../app/http/request-context.js';
import { contactSchema, contactSummarySchema, customerRecordSchema, organizationSchema } from '../customers/index.js';
import { ticketSchema } from '../tickets/index.js';
import { contact360, contactMessages, organization360 } from './customer-360.js';
import { deleteUnusedContact, exportContactData } from './privacy-export.js';

const idParams = z.object({ id: z.uuid() });

const customerMessageSchema = z
  .object({
    id: z.uuid(),
    ticket: z.object({ id: z.uuid(), number: z.string(), subject: z.string(), status: z.string() }),
    channel: z.string(),
    internal: z.boolean(),
    author: z.discriminatedUnion('kind', [z.object({ kind: z.literal('customer') }), z.object({ kind: z.literal('agent'), id: z.uuid(), name: z.string() }), z.object({ kind: z.literal('system') })]),
    body: z.string(),
    attachmentCount: z.number().int(),
    createdAt: z.date(),
  })
  .meta({ id: 'CustomerMessage' });

const messagesPage = z.object({ items: z.array(customerMessageSchema), nextCursor: z.string().nullable() });
const ticketsBlock = z.object({ items: z.array(ticketSchema), counts: z.object({ open: z.number().int(), total: z.number().int() }) });

/** The customer 360° view and the privacy requests that span customers and tickets. */
export function registerCustomer360Routes(app: AppServer, { database, readModels }: AppContext): void {
  app.get('/api/v1/contacts/:id/360', {
    config: { permission: 'customers.read' },
    schema: {
      tags: ['contacts'],
      summary: '客户 360° 视图 Contact 360° view',
      description: 'Profile and identities, tickets the caller may see (open first, up to 50, with counts), the latest 30 messages across channels (more: `GET /contacts/{id}/messages?before=<nextCursor>`), and the external records of the contact and its organisation. A merged id answers 308 to the survivor\'s view.',
      params: idParams,
      response: { 200: z.object({ contact: contactSchema, tickets: ticketsBlock, messages: messagesPage, records: z.array(customerRecordSchema) }) },
    },
  }, async (request) => contact360(database.db, actorOf(request), request.params.id, readModels));

  app.get('/api/v1/contacts/:id/messages', {
    config: { permission: 'customers.read' },
    schema: {
      tags: ['contacts'],
      summary: '跨渠道消息时间线 Messages across channels, newest first',
      params: idParams,
      querystring: z.strictObject({ before: z.uuid().optional(), limit: z.coerce.number().int().min(1).max(100).default(30) }),
      response: { 200: messagesPage },
    },
  }, async (request) => contactMessages(database.db, actorOf(request), request.params.id, request.query));

  app.get('/api/v1/organizations/:id/360', {
    config: { permission: 'customers.read' },
    schema: {
      tags: ['organizations'],
      summary: '企业客户 360° 视图 Organisation 360° view',
      description: 'The organisation, its contacts (first 100 by name; page with `GET /contacts?organizationId=`), its contacts\' tickets and messages the caller may see, and its records.',
      params: idParams,
      response: {
        200: z.object({
          organization: organizationSchema,
          contacts: z.object({ items: z.array(contactSummarySchema), nextCursor: z.string().nullable() }),
          tickets: ticketsBlock,
          messages: messagesPage,
          records: z.array(customerRecordSchema),
        }),
      },
    },
  }, async (request) => organization360(database.db, actorOf(request), request.params.id, readModels));

  app.get('/api/v1/contacts/:id/export', {
    config: { permission: 'customers.privacy' },
    schema: {
      tags: ['contacts'],
      summary: '导出个人信息 Export a contact\'s personal data (JSON)',
      description: 'For a data-access request under PIPL: profile, identities, records, every ticket they asked with public messages and attachment names, and the audit trail. Internal notes are not included. Served as a download.',
      params: idParams,
      response: { 200: z.record(z.string(), z.unknown()) },
    },
  }, async (request, reply) => {
    const data = await exportContactData(database, actorOf(request), request.params.id);
    return reply.header('content-disposition', `attachment; filename="contact-${request.params.id}.json"`).send(data);
  });

  app.delete('/api/v1/contacts/:id', {
    config: { permission: 'customers.delete' },
    schema: {
      tags: ['contacts'],
      summary: '删除联系人 Delete a contact without tickets',
      description: 'A contact with tickets is refused (409 `contact.has_tickets`): anonymise it instead (`POST /contacts/{id}/anonymize`), which keeps ticket statistics.',
      params: idParams,
      response: { 204: z.null() },
    },
  }, async (request, reply) => {
    await deleteUnusedContact(database, actorOf(request), request.params.id);
    return reply.status(204).send(null);
  });
}
