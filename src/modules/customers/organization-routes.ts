import { z } from 'zod';
import type { AppContext, AppServer } from '../../app/context.js';
import { actorOf } from '../../app/http/request-context.js';
import { findOrganizationDuplicates } from './duplicates.js';
import { customerHistory } from './history.js';
import { fieldsDescription, historyEntrySchema, idParams, listQuery, mergeBody, movedSchema, optionalIfMatch, organizationSchema, profileBody } from './http-schemas.js';
import { mergeOrganizations } from './merge.js';
import { listOrganizations } from './organization-search.js';
import { createOrganization, deleteOrganization, getOrganization, updateOrganization } from './organizations.js';

const tags = ['organizations'];
const name = z.string().trim().min(1).max(200);

/** Organisations (企业客户): CRUD, duplicates, merge and history. */
export function registerOrganizationRoutes(app: AppServer, { database, fieldTypes }: AppContext): void {
  app.get('/api/v1/organizations', {
    config: { permission: 'customers.read' },
    schema: {
      tags,
      summary: '企业客户列表 List organisations',
      description: '`q` matches part of the name. Keyset-paged by `sort` (`-updatedAt` or `name`): pass `nextCursor` back as `cursor`.',
      querystring: z.strictObject(listQuery),
      response: { 200: z.object({ items: z.array(organizationSchema), nextCursor: z.string().nullable() }) },
    },
  }, async (request) => listOrganizations(database.db, request.query, actorOf(request)));

  app.post('/api/v1/organizations', {
    config: { permission: 'customers.write' },
    schema: { tags, summary: '创建企业客户 Create an organisation', description: fieldsDescription, body: z.strictObject({ name, ...profileBody }), response: { 201: organizationSchema } },
  }, async (request, reply) => reply.status(201).send(await createOrganization(database, actorOf(request), request.body, fieldTypes)));

  app.get('/api/v1/organizations/:id', {
    config: { permission: 'customers.read' },
    schema: { tags, summary: '企业客户详情 Get an organisation (308 to the survivor when merged)', params: idParams, response: { 200: organizationSchema } },
  }, async (request) => getOrganization(database.db, request.params.id, actorOf(request)));

  app.patch('/api/v1/organizations/:id', {
    config: { permission: 'customers.write' },
    schema: {
      tags,
      summary: '修改企业客户 Update an organisation',
      description: `Send \`If-Match: "<version>"\` to refuse (412) a change made on stale data. ${fieldsDescription}`,
      params: idParams,
      headers: z.object({ 'if-match': z.string().optional() }),
      body: z.strictObject({ name: name.optional(), ...profileBody }),
      response: { 200: organizationSchema },
    },
  }, async (request) => updateOrganization(database, actorOf(request), request.params.id, optionalIfMatch(request.headers['if-match']), request.body, fieldTypes));

  app.delete('/api/v1/organizations/:id', {
    config: { permission: 'customers.delete' },
    schema: { tags, summary: '删除企业客户 Delete an organisation without contacts or records (409 otherwise)', params: idParams, response: { 204: z.null() } },
  }, async (request, reply) => {
    await deleteOrganization(database, actorOf(request), request.params.id);
    return reply.status(204).send(null);
  });

  app.get('/api/v1/organizations/:id/duplicates', {
    config: { permission: 'customers.read' },
    schema: { tags, summary: '疑似重复的企业 Likely duplicates (same name without legal form)', params: idParams, response: { 200: z.object({ items: z.array(z.object({ id: z.uuid(), name: z.string() })) }) } },
  }, async (request) => ({ items: await findOrganizationDuplicates(database.db, request.params.id) }));

  app.post('/api/v1/organizations/merge', {
    config: { permission: 'customers.merge' },
    schema: {
      tags,
      summary: '合并企业客户 Merge an organisation into another',
      description: '`sourceId` is merged into `targetId`: its contacts and records move; `GET /organizations/{sourceId}` then answers 308 to the survivor. The survivor keeps its custom field values and takes the merged one\'s where it has none (`fieldsTaken` lists their keys).',
      body: mergeBody,
      response: { 200: z.object({ survivor: organizationSchema, moved: movedSchema, fieldsTaken: z.array(z.string()) }) },
    },
  }, async (request) => mergeOrganizations(database, actorOf(request), request.body.sourceId, request.body.targetId));

  app.get('/api/v1/organizations/:id/history', {
    config: { permission: 'customers.read' },
    schema: { tags, summary: '变更记录 Audit trail of an organisation', params: idParams, response: { 200: z.object({ items: z.array(historyEntrySchema) }) } },
  }, async (request) => ({ items: await customerHistory(database.db, 'organization', request.params.id, actorOf(request)) }));
}
