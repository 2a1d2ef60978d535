import { z } from 'zod';
import type { AppContext, AppServer } from '../../app/context.js';
import { actorOf } from '../../app/http/request-context.js';
import { customerRecordSchema, recordBody, recordTypeSchema } from './http-schemas.js';
import { deleteRecord, getRecord, listRecords, upsertRecord } from './records.js';

const tags = ['customer records'];
const keyParams = z.object({ type: recordTypeSchema, externalId: z.string().min(1).max(200) });

/** External records (orders, contracts, devices, invoices) that other systems keep in sync. */
export function registerRecordRoutes(app: AppServer, { database }: AppContext): void {
  app.get('/api/v1/customer-records', {
    config: { permission: 'customers.read' },
    schema: {
      tags,
      summary: '业务记录列表 Records of an organisation or contact',
      querystring: z.strictObject({ organizationId: z.uuid().optional(), contactId: z.uuid().optional(), type: recordTypeSchema.optional(), limit: z.coerce.number().int().min(1).max(500).default(200) }),
      response: { 200: z.object({ items: z.array(customerRecordSchema) }) },
    },
  }, async (request) => {
    const { organizationId, contactId, type, limit } = request.query;
    return { items: await listRecords(database.db, { organizationIds: organizationId ? [organizationId] : [], contactIds: contactId ? [contactId] : [], type }, limit) };
  });

  app.put('/api/v1/customer-records/:type/:externalId', {
    config: { permission: 'customers.write' },
    schema: {
      tags,
      summary: '写入业务记录（按类型和外部编号幂等）Upsert a record by (type, externalId)',
      description: 'Types the console labels: `order` (订单), `contract` (合同), `device` (设备), `invoice` (发票); other lower-case types are kept as given. Answers 201 when created, 200 when replaced or unchanged, so an ERP sync can run repeatedly. Dates are `YYYY-MM-DD`: `occurredOn` (order, signing, installation) and `expiresOn` (warranty or contract end).',
      params: keyParams,
      body: recordBody,
      response: { 200: customerRecordSchema, 201: customerRecordSchema },
    },
  }, async (request, reply) => {
    const { record, created } = await upsertRecord(database, actorOf(request), request.params.type, request.params.externalId, request.body);
    return reply.status(created ? 201 : 200).send(record);
  });

  app.get('/api/v1/customer-records/:type/:externalId', {
    config: { permission: 'customers.read' },
    schema: { tags, summary: '业务记录 A record', params: keyParams, response: { 200: customerRecordSchema } },
  }, async (request) => getRecord(database.db, request.params.type, request.params.externalId));

  app.delete('/api/v1/customer-records/:type/:externalId', {
    config: { permission: 'customers.write' },
    schema: { tags, summary: '删除业务记录 Delete a record', params: keyParams, response: { 204: z.null() } },
  }, async (request, reply) => {
    await deleteRecord(database, actorOf(request), request.params.type, request.params.externalId);
    return reply.status(204).send(null);
  });
}
