import { z } from 'zod';
import type { AppContext, AppServer } from '../../app/context.js';
import { Invalid, NotFound } from '../../app/errors.js';
import { ifMatchVersion, optionalIfMatchVersion } from '../../app/http/if-match.js';
import { actorOf } from '../../app/http/request-context.js';
import { attachmentStoreIn, sendAttachment } from '../tickets/index.js';
import { applyWorkOrderStep } from './apply-step.js';
import { createWorkOrder, type WriteOptions } from './create-work-order.js';
import { attachmentSchema, createWorkOrderBody, listWorkOrdersQuery, stepResultSchema, syncResultSchema, updateWorkOrderBody, workOrderDetailSchema, workOrderSchema } from './http-schemas.js';
import { getVisibleWorkOrder, listWorkOrders } from './list-work-orders.js';
import { stepInputSchema } from './step-input.js';
import { syncOperations, syncOperationSchema } from './sync-operations.js';
import { updateWorkOrder } from './update-work-order.js';
import { getWorkOrderAttachment, uploadWorkOrderAttachment } from './work-order-attachments.js';
import { workOrderStatuses, type WorkOrderStatus } from './work-order-status.js';
import { presentWorkOrderDetail, presentWorkOrders } from './work-order-view.js';

const tags = ['field-service'];
const idParams = z.object({ id: z.string().min(1).max(64) });

export function registerWorkOrderRoutes(app: AppServer, context: AppContext): void {
  const { database, config, clock, fieldTypes } = context;
  const store = attachmentStoreIn(config.OPENCSM_DATA_DIR);
  const writeOptions = (): WriteOptions => ({ fieldTypes, timeZone: config.OPENCSM_TIMEZONE, now: clock.now() });
  const present = async (actor: Parameters<typeof presentWorkOrders>[1], row: Parameters<typeof presentWorkOrders>[2][number]) => (await presentWorkOrders(database.db, actor, [row]))[0]!;

  app.get('/api/v1/work-orders', {
    config: { permission: 'field_service.read' },
    schema: {
      tags, summary: '派工单列表 List work orders',
      description: 'Newest first, keyset-paged (`after` = the previous page\'s `nextCursor`). Engineers see only their own; dispatchers and agents those of their teams, created by them or dispatched to them; admins all. `ticket` lists one ticket\'s visits (the ticket must be visible).',
      querystring: listWorkOrdersQuery,
      response: { 200: z.object({ items: z.array(workOrderSchema), nextCursor: z.string().nullable() }) },
    },
  }, async (request) => {
    const actor = actorOf(request);
    const q = request.query;
    const status = q.status ? q.status.split(',').map((s) => s.trim()).filter(Boolean) : [];
    status.forEach((s, i) => {
      if (!(workOrderStatuses as readonly string[]).includes(s)) throw new Invalid('validation.failed', {}, [{ path: 'status', code: 'work_order.status_unknown', params: { status: s, index: i } }]);
    });
    const page = await listWorkOrders(database.db, actor, { mine: q.mine === 'true', status: status as WorkOrderStatus[], engineerId: q.engineer, ticketId: q.ticket, from: q.from, to: q.to }, { after: q.after, limit: q.limit });
    return { items: await presentWorkOrders(database.db, actor, page.rows), nextCursor: page.nextCursor };
  });

  app.post('/api/v1/work-orders', {
    config: { permission: 'field_service.create' },
    schema: {
      tags, summary: '创建派工单 Create a work order for a ticket',
      description: 'Only `ticketId` is required: priority, team and customer come from the ticket, duration and skills from the service type (default: the first active one). Custom `fields` are judged by the service type\'s form (400 at `fields.<key>`).',
      body: createWorkOrderBody,
      response: { 201: workOrderDetailSchema },
    },
  }, async (request, reply) => {
    const actor = actorOf(request);
    const row = await createWorkOrder(database, actor, request.body, writeOptions());
    return reply.status(201).send(await presentWorkOrderDetail(database.db, actor, row));
  });

  app.get('/api/v1/work-orders/:id', {
    config: { permission: 'field_service.read' },
    schema: { tags, summary: '派工单详情 A work order with its steps and attachments', params: idParams, response: { 200: workOrderDetailSchema } },
  }, async (request, reply) => {
    const actor = actorOf(request);
    const row = await getVisibleWorkOrder(database.db, actor, request.params.id);
    if (!row) throw new NotFound('work_order.not_found');
    return reply.header('etag', `"${row.version}"`).send(await presentWorkOrderDetail(database.db, actor, row));
  });

  app.patch('/api/v1/work-orders/:id', {
    config: { permission: 'field_service.read' },
    schema: { tags, summary: '修改派工单 Edit a work order (If-Match)', description: 'Dispatchers of its team until it ends; agents who see it while it waits for dispatch. The status moves only by events.', params: idParams, body: updateWorkOrderBody, response: { 200: workOrderSchema } },
  }, async (request) => {
    const actor = actorOf(request);
    const version = ifMatchVersion(request.headers['if-match'], 'work_order.if_match_required');
    return present(actor, await updateWorkOrder(database, actor, request.params.id, version, request.body, writeOptions()));
  });

  app.post('/api/v1/work-orders/:id/events', {
    config: { permission: 'field_service.read' },
    schema: {
      tags, summary: '派工单操作 A step of a work order (accept, depart, arrive …)',
      description: [
        '`opId` is a client-generated UUID: the same operation again answers 200 with the first step and writes nothing; another body under a used opId is a 409 (`work_order.op_id_reused`).',
        'The server decides the status. A step not allowed now is a 409 (`work_order.step_not_allowed`) whose error names the current `status`, `engineerId` and `engineerName`; an engineer the order was taken from gets `work_order.reassigned`.',
        'depart, arrive and finish need the phone\'s `lat`/`lng` (WGS-84): stored converted to GCJ-02, with the straight-line distance to the site and `beyondRadius` past the service type\'s check-in radius (default 500 m). Optional If-Match: the order\'s version (412 if it moved).',
      ].join('\n\n'),
      params: z.object({ id: z.uuid() }),
      body: stepInputSchema,
      response: { 201: stepResultSchema, 200: stepResultSchema },
    },
  }, async (request, reply) => {
    const actor = actorOf(request);
    const expectedVersion = optionalIfMatchVersion(request.headers['if-match']);
    const result = await applyWorkOrderStep(database, actor, request.params.id, request.body, { ...writeOptions(), expectedVersion });
    const { step } = result;
    return reply.status(result.outcome === 'applied' ? 201 : 200).send({
      outcome: result.outcome,
      step: { id: step.id, opId: step.opId, type: step.type, from: step.fromStatus, to: step.toStatus, at: step.clientAt, distanceMeters: step.distanceMeters, beyondRadius: step.beyondRadius },
      workOrder: await present(actor, result.order),
    });
  });

  app.post('/api/v1/work-orders/sync', {
    config: { permission: 'field_service.read' },
    schema: {
      tags, summary: '离线同步 Replay the engineer app\'s outbox',
      description: 'Operations are applied in the order given, each on its own, and each gets a result in that order: `applied`, `duplicate` (its opId was applied before; nothing written), `conflict` (with the order\'s current `status` and `engineerId`, e.g. reassigned meanwhile), `invalid`, `forbidden` or `not_found`. None is dropped.',
      body: z.strictObject({ operations: z.array(syncOperationSchema).min(1).max(500) }),
      response: { 200: syncResultSchema },
    },
  }, async (request) => ({ results: await syncOperations(database, actorOf(request), request.body.operations, writeOptions) }));

  app.post('/api/v1/work-orders/:id/attachments', {
    config: { permission: 'field_service.read' },
    schema: {
      tags, summary: '上传现场照片或客户签名 Upload a photo or the customer\'s signature (multipart field "file")',
      description: `An image, at most ${config.OPENCSM_MAX_ATTACHMENT_MB} MB. \`clientId\` is the app's UUID for the file: the same upload again answers 200 with the first one and stores nothing.`,
      params: z.object({ id: z.uuid() }),
      querystring: z.strictObject({ clientId: z.uuid(), kind: z.enum(['photo', 'signature']) }),
      consumes: ['multipart/form-data'],
      response: { 201: attachmentSchema, 200: attachmentSchema },
    },
  }, async (request, reply) => {
    if (!request.isMultipart()) throw new Invalid('validation.failed', {}, [{ path: 'file', code: 'attachment.missing_file' }]);
    const file = await request.file().catch((error: unknown) => {
      const status = (error as { statusCode?: number }).statusCode;
      throw status && status >= 400 && status < 500 ? error : new Invalid('request.malformed_multipart');
    });
    if (!file || file.fieldname !== 'file') throw new Invalid('validation.failed', {}, [{ path: 'file', code: 'attachment.missing_file' }]);
    const { row, duplicate } = await uploadWorkOrderAttachment(database, store, actorOf(request), request.params.id, { ...request.query, file: { stream: file.file, filename: file.filename, mimetype: file.mimetype } }, config.OPENCSM_MAX_ATTACHMENT_MB);
    const { id, clientId, kind, filename, contentType, size, createdAt } = row;
    return reply.status(duplicate ? 200 : 201).send({ id, clientId, kind, filename, contentType, size, createdAt });
  });

  app.get('/api/v1/work-order-attachments/:id', {
    config: { permission: 'field_service.read' },
    schema: { tags, summary: '下载派工单附件 Download a photo or signature of a work order one sees', params: z.object({ id: z.uuid() }) },
  }, async (request, reply) => sendAttachment(reply, store, await getWorkOrderAttachment(database.db, actorOf(request), request.params.id)));
}
