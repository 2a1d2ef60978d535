import { z } from 'zod';
import type { AppContext, AppServer } from '../../app/context.js';
import { actorOf } from '../../app/http/request-context.js';
import { listCategories, saveCategory } from './categories.js';
import { categorySchema } from './http-schemas.js';

const tags = ['knowledge'];
const categoryBody = z.strictObject({ nameZh: z.string().trim().min(1).max(80), nameEn: z.string().trim().max(80).optional(), parentId: z.uuid().nullable().optional(), position: z.number().int().min(0).max(10_000).optional() });

export function registerCategoryRoutes(app: AppServer, { database }: AppContext): void {
  app.get('/api/v1/knowledge/categories', {
    config: { permission: 'knowledge.read' },
    schema: { tags, summary: '知识库分类 Knowledge categories (a tree by parentId)', response: { 200: z.object({ items: z.array(categorySchema) }) } },
  }, async () => ({ items: await listCategories(database.db) }));

  app.post('/api/v1/knowledge/categories', {
    config: { permission: 'knowledge.review' },
    schema: { tags, summary: '新建分类 Create a category', body: categoryBody, response: { 201: categorySchema } },
  }, async (request, reply) => {
    reply.status(201);
    return saveCategory(database, actorOf(request), null, request.body);
  });

  app.put('/api/v1/knowledge/categories/:id', {
    config: { permission: 'knowledge.review' },
    schema: { tags, summary: '修改分类 Update a category', params: z.object({ id: z.uuid() }), body: categoryBody, response: { 200: categorySchema } },
  }, async (request) => saveCategory(database, actorOf(request), request.params.id, request.body));
}
