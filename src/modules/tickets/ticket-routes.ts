import { z } from 'zod';
import { ifMatchVersion } from '../../app/http/if-match.js';
import type { AppContext, AppServer } from '../../app/context.js';
import { actorOf } from '../../app/http/request-context.js';
import { translate } from '../../app/i18n/catalogue.js';
import { BulkItemFailed, bulkUpdateTickets } from './bulk-update-tickets.js';
import { createTicket } from './create-ticket.js';
import { getVisibleTicket } from './get-ticket.js';
import { bulkUpdateBody, bulkUpdateResponse, createTicketBodyOf, listTicketsQuery, searchSummarySchema, ticketSchema, timelineEntrySchema, updateTicketBody } from './http-schemas.js';
import { listTickets } from './list-tickets.js';
import { contributedConditions, contributedFilterParams } from './contributed-filters.js';
import { presentTicket, presentTickets } from './ticket-view.js';
import { getTimeline } from './timeline.js';
import { updateTicket } from './update-ticket.js';
import { fieldFiltersFromQuery } from '../forms/index.js';

const tags = ['tickets'];
const idOrNumberParams = z.object({ id: z.string().min(1).max(64) });

/** `If-Match: "7"` (or W/"7", or 7) → 7. */
export function parseIfMatch(header: string | undefined): number {
  return ifMatchVersion(header, 'ticket.if_match_required', 'ticket.if_match_invalid');
}

export function registerTicketRoutes(app: AppServer, { database, config, readModels, transitionGuards, fieldTypes, channels, ticketListFilters }: AppContext): void {
  // Built now, not at import: every module has contributed its filters (the workflow module's `stage`) by the time routes are.
  const listQuery = listTicketsQuery.extend(contributedFilterParams(ticketListFilters, new Set(Object.keys(listTicketsQuery.shape))));

  app.post('/api/v1/tickets', {
    config: { permission: 'tickets.create' },
    schema: {
      tags, summary: '创建工单 Create a ticket',
      description: 'Send an `Idempotency-Key` header to make retries safe: the same key and body return the first ticket (header `Idempotent-Replayed: true`).',
      headers: z.object({ 'idempotency-key': z.string().min(1).max(200).optional() }),
      // Built now, not at import: every channel module has registered its adapter by the time routes are.
      body: createTicketBodyOf(channels.ticketChannelKeys()),
      response: { 201: ticketSchema },
    },
  }, async (request, reply) => {
    const actor = actorOf(request);
    const { ticket, replayed, requester } = await createTicket(database, actor, request.body, { timeZone: config.OPENCSM_TIMEZONE, idempotencyKey: request.headers['idempotency-key'], fieldTypes });
    if (replayed) reply.header('Idempotent-Replayed', 'true');
    return reply.status(201).header('ETag', `"${ticket.version}"`).send(await presentTicket(database.db, actor, ticket, readModels, requester));
  });

  app.get('/api/v1/tickets', {
    config: { permission: 'tickets.read' },
    schema: {
      tags, summary: '工单列表与搜索 List and search tickets',
      description: [
        'Filters combine with AND; `status` and `priority` take comma-separated values; `assigneeId` takes a user id, `me` or `none` (unassigned); `teamId` takes a team id or `mine` (any of the caller\'s teams); `requesterId` lists one requester\'s tickets.',
        '`view` (a built-in key or a saved view id) adds that view\'s filters and, unless `sort` is given, its sort.',
        '`q` searches subject, description and messages (Chinese and English) for every word as written (a run of Chinese characters, a number with its unit, a Latin word against Chinese: 40分钟, 用app). A search looks through every ticket the caller may see, open or solved, whatever `view` is given (`scope=all`, the default); `scope=view` keeps the view\'s filters. The first page of a search carries `search: {scope, total, totalCapped}` (total counted up to 1000). Searches are ordered newest first unless `sort` is given; `sort=relevance` puts subject matches first, then newest.',
        '`fields.<key>=a,b` keeps tickets whose filterable custom field holds one of the values (a multi select or cascader: any of them); `sort=fields.<key>` orders by a filterable single-value custom field, equal values most recently updated first; `-fields.<key>` is its exact reverse.',
        'Other modules add filters of their own (`stage=<processId>:<stageId>`: tickets waiting at a process stage); a value they refuse is a 400 naming the parameter.',
        '`sort`: `-updatedAt` (default), `updatedAt`, `-createdAt`, `createdAt`, `priority` (most urgent first, then recently updated), `-priority`, `number`, `-number`, `slaDueAt` (earliest SLA due time first, tickets without a running SLA target last), `-slaDueAt`, `relevance` (with `q` only). `sla`: `due_soon` (the next running target is due within the hour) or `breached` (a running target is overdue). A `cursor` is valid only with the sort it came from.',
      ].join(' '),
      querystring: listQuery,
      response: { 200: z.object({ items: z.array(ticketSchema), nextCursor: z.string().nullable(), search: searchSummarySchema.nullable() }) },
    },
  }, async (request) => {
    const actor = actorOf(request);
    const known = new Set(Object.keys(listQuery.shape));
    const { status, priority, teamId, assigneeId, requesterId, tag, sla, q, scope, sort, cursor, limit, view } = request.query;
    const fields = fieldFiltersFromQuery(request.query, known);
    const { conditions: contributed } = await contributedConditions(database.db, ticketListFilters, request.query);
    const page = await listTickets(database.db, actor, { status, priority, teamId, assigneeId, requesterId, tag, sla, q, scope, sort, cursor, limit, view, contributed, ...(Object.keys(fields).length && { fields }) });
    return { items: await presentTickets(database.db, actor, page.items, readModels), nextCursor: page.nextCursor, search: page.search };
  });

  app.post('/api/v1/tickets/bulk', {
    // Like PATCH: status changes need tickets.change_status, any other change tickets.update.
    config: { permission: 'tickets.change_status' },
    schema: {
      tags, summary: '批量修改工单 Update many tickets',
      description: 'Applies `changes` to each ticket in its own transaction, at its current version (no If-Match): one ticket that cannot change does not stop the others. Each result is `{id, ok: true, version}` or `{id, ok: false, problem: {status, code, title}}`; tickets the caller may not see answer 404. `addTags` adds to the existing tags.',
      body: bulkUpdateBody,
      response: { 200: bulkUpdateResponse },
    },
  }, async (request) => {
    const results = await bulkUpdateTickets(database, actorOf(request), request.body.ids, request.body.changes, { guards: transitionGuards, fieldTypes, timeZone: config.OPENCSM_TIMEZONE });
    return {
      results: results.map((r) => {
        if (r.ok) return r;
        if (r.error instanceof BulkItemFailed) request.log.error({ err: r.error.cause, ticketId: r.id }, 'bulk update of one ticket failed');
        return { id: r.id, ok: false as const, problem: { status: r.error.status, code: r.error.code, title: translate(request.locale, r.error.code, r.error.params) } };
      }),
    };
  });

  app.get('/api/v1/tickets/:id', {
    config: { permission: 'tickets.read' },
    schema: { tags, summary: '工单详情（id 或编号）Get a ticket by id or number', params: idOrNumberParams, response: { 200: ticketSchema } },
  }, async (request, reply) => {
    const actor = actorOf(request);
    const ticket = await getVisibleTicket(database.db, actor, request.params.id);
    return reply.header('ETag', `"${ticket.version}"`).send(await presentTicket(database.db, actor, ticket, readModels));
  });

  app.patch('/api/v1/tickets/:id', {
    // Status changes need tickets.change_status; any other field tickets.update (checked in the service).
    config: { permission: 'tickets.change_status' },
    schema: {
      tags, summary: '修改工单 Update a ticket',
      description: 'Requires `If-Match: "<version>"`. A stale version answers 412 and changes nothing. Field engineers may change only `status`.',
      params: idOrNumberParams,
      headers: z.object({ 'if-match': z.string().optional() }),
      body: updateTicketBody,
      response: { 200: ticketSchema },
    },
  }, async (request, reply) => {
    const actor = actorOf(request);
    const ticket = await updateTicket(database, actor, request.params.id, parseIfMatch(request.headers['if-match']), request.body, { guards: transitionGuards, fieldTypes, timeZone: config.OPENCSM_TIMEZONE });
    return reply.header('ETag', `"${ticket.version}"`).send(await presentTicket(database.db, actor, ticket, readModels));
  });

  app.get('/api/v1/tickets/:id/timeline', {
    config: { permission: 'tickets.read' },
    schema: {
      tags, summary: '工单时间线 Ticket timeline',
      params: idOrNumberParams,
      querystring: z.strictObject({ after: z.uuid().optional(), limit: z.coerce.number().int().min(1).max(500).default(200) }),
      response: { 200: z.object({ items: z.array(timelineEntrySchema), nextCursor: z.string().nullable() }) },
    },
  }, async (request) => getTimeline(database.db, actorOf(request), request.params.id, request.query));
}
