import { z } from 'zod';
import type { AppContext, AppServer } from '../../app/context.js';
import { actorOf } from '../../app/http/request-context.js';
import { createCategory, deleteCategory, listCategories, updateCategory } from './categories.js';
import { categoryBody, categorySchema, priorityBody, priorityChanges, prioritySchema } from './http-schemas.js';
import { createPriority, deletePriority, listPriorities, updatePriority } from './priorities.js';

/** Admin-managed ticket categories (a tree) and the priority scale. */
export function registerTaxonomyRoutes(app: AppServer, { database }: AppContext): void {
  const tags = ['categories & priorities'];
  const idParams = z.object({ id: z.uuid() });
  const keyParams = z.object({ key: z.string().min(1).max(40) });

  app.get('/api/v1/categories', {
    config: { permission: 'tickets.read' },
    schema: {
      tags, summary: '工单分类（扁平列表，按 parentId 组成树）Ticket categories (flat; build the tree by parentId)',
      querystring: z.strictObject({ includeInactive: z.enum(['true', 'false']).default('false') }),
      response: { 200: z.object({ items: z.array(categorySchema) }) },
    },
  }, async (request) => ({ items: await listCategories(database.db, { includeInactive: request.query.includeInactive === 'true' }) }));

  app.post('/api/v1/categories', {
    config: { permission: 'admin.categories' },
    schema: { tags, summary: '创建分类 Create a category', body: categoryBody, response: { 201: categorySchema } },
  }, async (request, reply) => reply.status(201).send(await createCategory(database, actorOf(request), request.body)));

  app.patch('/api/v1/categories/:id', {
    config: { permission: 'admin.categories' },
    schema: { tags, summary: '修改或移动分类 Update or move a category', params: idParams, body: categoryBody.partial(), response: { 200: categorySchema } },
  }, async (request) => updateCategory(database, actorOf(request), request.params.id, request.body));

  app.delete('/api/v1/categories/:id', {
    config: { permission: 'admin.categories' },
    schema: {
      tags, summary: '删除分类（被工单使用时改为停用）Delete a category (deactivated instead when tickets use it)',
      params: idParams, response: { 200: z.object({ deleted: z.boolean() }) },
    },
  }, async (request) => deleteCategory(database, actorOf(request), request.params.id));

  app.get('/api/v1/priorities', {
    config: { permission: 'tickets.read' },
    schema: { tags, summary: '优先级 Priorities', response: { 200: z.object({ items: z.array(prioritySchema) }) } },
  }, async () => ({ items: await listPriorities(database.db) }));

  app.post('/api/v1/priorities', {
    config: { permission: 'admin.priorities' },
    schema: { tags, summary: '创建优先级 Create a priority', body: priorityBody, response: { 201: prioritySchema } },
  }, async (request, reply) => reply.status(201).send(await createPriority(database, actorOf(request), request.body)));

  app.patch('/api/v1/priorities/:key', {
    config: { permission: 'admin.priorities' },
    schema: { tags, summary: '修改优先级 Update a priority', params: keyParams, body: priorityChanges, response: { 200: prioritySchema } },
  }, async (request) => updatePriority(database, actorOf(request), request.params.key, request.body));

  app.delete('/api/v1/priorities/:key', {
    config: { permission: 'admin.priorities' },
    schema: { tags, summary: '删除未使用的优先级 Delete an unused priority', params: keyParams, response: { 204: z.null() } },
  }, async (request, reply) => {
    await deletePriority(database, actorOf(request), request.params.key);
    return reply.status(204).send(null);
  });
}
