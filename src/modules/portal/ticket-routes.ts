import { randomUUID } from 'node:crypto';
import { writeRulesOf } from '../../app/write-rules.js';
import { z } from 'zod';
import type { AppContext, AppServer } from '../../app/context.js';
import { customerOf } from '../../app/http/request-context.js';
import {
  closeTicketByRequester,
  findCustomerTicketId,
  getCustomerAttachment,
  getCustomerTicket,
  listCustomerTickets,
  receiveInboundMessage,
  sendAttachment,
  type AttachmentStore,
} from '../tickets/index.js';
import { customerTicketSchema, customerTicketSummarySchema, idempotencyKeyHeader, inboundResultSchema, replySchema } from './http-schemas.js';
import { readSubmission } from './multipart-body.js';
import { requesterIdsOf } from './portal-sessions.js';

const tags = ['portal'];
const ticketParams = z.object({ id: z.string().trim().min(1).max(64) });

/** What a signed-in customer does with their tickets: read, reply (with attachments), close. */
export function registerPortalTicketRoutes(app: AppServer, context: AppContext, store: AttachmentStore): void {
  const { database, config, transitionGuards } = context;
  app.get('/api/v1/portal/tickets', {
    config: { permission: 'portal' },
    schema: {
      tags, summary: '我的工单 My tickets',
      description: 'The customer\'s own tickets, newest first; an organisation admin sees the organisation\'s.',
      querystring: z.object({ before: z.uuid().optional(), limit: z.coerce.number().int().min(1).max(100).default(25) }),
      response: { 200: z.object({ items: z.array(customerTicketSummarySchema), nextCursor: z.uuid().nullable() }) },
    },
  }, async (request) => listCustomerTickets(database.db, await requesterIdsOf(database.db, customerOf(request)), request.query));

  app.get('/api/v1/portal/tickets/:id', {
    config: { permission: 'portal' },
    schema: { tags, summary: '工单详情（按 id 或编号）A ticket by id or number', params: ticketParams, response: { 200: customerTicketSchema } },
  }, async (request) => {
    const customer = customerOf(request);
    const { requesterId, ...ticket } = await getCustomerTicket(database.db, await requesterIdsOf(database.db, customer), request.params.id);
    return { ...ticket, mine: requesterId === customer.contactId };
  });

  app.post('/api/v1/portal/tickets/:id/messages', {
    config: { permission: 'portal' },
    schema: {
      tags, summary: '回复工单 Reply to a ticket',
      description: 'JSON `{body}`, or multipart with a `body` field and up to 5 `files`, together at most `OPENCSM_PORTAL_MAX_UPLOAD_MB` (413 `form.submission_too_large`). Idempotent on the Idempotency-Key header. A reply to a closed ticket opens a follow-up ticket.',
      params: ticketParams,
      headers: z.object({ 'idempotency-key': idempotencyKeyHeader }),
      consumes: ['application/json', 'multipart/form-data'],
      response: { 201: inboundResultSchema },
    },
  }, async (request, reply) => {
    const customer = customerOf(request);
    const ticket = await getCustomerTicket(database.db, await requesterIdsOf(database.db, customer), request.params.id);
    const { fields, files } = await readSubmission(request, replySchema, { fileMb: config.OPENCSM_MAX_ATTACHMENT_MB, totalMb: config.OPENCSM_PORTAL_MAX_UPLOAD_MB });
    const key = request.headers['idempotency-key'];
    const result = await receiveInboundMessage(
      database,
      {
        channel: 'portal',
        externalId: `${customer.contactId}:${key ?? randomUUID()}`,
        ticketId: ticket.id,
        requester: { contactId: customer.contactId },
        subject: ticket.subject,
        body: fields.body,
        attachments: files,
      },
      { timeZone: config.OPENCSM_TIMEZONE, store, ...writeRulesOf(context) },
    );
    return reply.status(201).send({ ticketId: result.ticketId, ticketNumber: result.ticketNumber, createdTicket: result.createdTicket, duplicate: result.duplicate });
  });

  app.post('/api/v1/portal/tickets/:id/close', {
    config: { permission: 'portal' },
    schema: { tags, summary: '关闭工单 Close the ticket', params: ticketParams, response: { 200: customerTicketSummarySchema } },
  }, async (request) => {
    const customer = customerOf(request);
    const requesterIds = await requesterIdsOf(database.db, customer);
    const { id } = await findCustomerTicketId(database.db, requesterIds, request.params.id);
    const row = await closeTicketByRequester(database, requesterIds, id, customer.contactId, transitionGuards);
    return { id: row.id, number: row.number, subject: row.subject, status: row.status, channel: row.channel, createdAt: row.createdAt, updatedAt: row.updatedAt };
  });

  app.get('/api/v1/portal/attachments/:id', {
    config: { permission: 'portal' },
    schema: { tags, summary: '下载附件 Download an attachment', params: z.object({ id: z.uuid() }) },
  }, async (request, reply) => {
    const attachment = await getCustomerAttachment(database.db, await requesterIdsOf(database.db, customerOf(request)), request.params.id);
    return sendAttachment(reply, store, attachment);
  });
}
