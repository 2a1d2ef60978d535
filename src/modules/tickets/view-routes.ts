import { z } from 'zod';
import type { AppContext, AppServer } from '../../app/context.js';
import { actorOf } from '../../app/http/request-context.js';
import type { Locale } from '../../app/i18n/catalogue.js';
import { savedTicketViewSchema, savedViewBody, savedViewChanges, ticketViewSchema, viewCountsSchema } from './http-schemas.js';
import { createSavedView, deleteSavedView, maxSavedViewsPerUser, updateSavedView, type SavedView } from './saved-views.js';
import { listTicketViews, type TicketViewDefinition } from './ticket-views.js';
import { countTicketViews, viewCountCap } from './view-counts.js';

const tags = ['ticket views'];
const idParams = z.object({ id: z.uuid() });

function present(view: TicketViewDefinition, locale: Locale) {
  if (view.kind === 'saved') return view;
  return { ...view, name: locale === 'en' ? view.nameEn : view.nameZh };
}
const presentSaved = (view: SavedView) => ({ kind: 'saved' as const, ...view });

/** Ticket views (queues): the built-in ones and each agent's own saved views, with their counts. */
export function registerViewRoutes(app: AppServer, { database }: AppContext): void {
  app.get('/api/v1/ticket-views', {
    config: { permission: 'tickets.read' },
    schema: {
      tags, summary: '工单视图（内置 + 我的）List ticket views',
      description: 'Built-in views first (`kind: builtin`, `id` = `key`), then the caller\'s saved views in their `position` order. Use a view with `GET /api/v1/tickets?view=<id>`.',
      response: { 200: z.object({ items: z.array(ticketViewSchema) }) },
    },
  }, async (request) => ({ items: (await listTicketViews(database.db, actorOf(request))).map((v) => present(v, request.locale)) }));

  app.get('/api/v1/ticket-views/counts', {
    config: { permission: 'tickets.read' },
    schema: {
      tags, summary: '各视图工单数 Ticket count of every view',
      description: `Counts only tickets the caller may see. Counting stops at ${viewCountCap}: views listed in \`capped\` have at least that many.`,
      response: { 200: viewCountsSchema },
    },
  }, async (request) => countTicketViews(database.db, actorOf(request)));

  app.post('/api/v1/ticket-views', {
    config: { permission: 'tickets.read' },
    schema: {
      tags, summary: '保存个人视图 Save a view',
      description: `Filters follow the rules of \`GET /api/v1/tickets\` (arrays instead of comma-separated values). At most ${maxSavedViewsPerUser} per user; names are unique per user.`,
      body: savedViewBody,
      response: { 201: savedTicketViewSchema },
    },
  }, async (request, reply) => reply.status(201).send(presentSaved(await createSavedView(database, actorOf(request), request.body))));

  app.patch('/api/v1/ticket-views/:id', {
    config: { permission: 'tickets.read' },
    schema: { tags, summary: '修改个人视图 Update a saved view', params: idParams, body: savedViewChanges, response: { 200: savedTicketViewSchema } },
  }, async (request) => presentSaved(await updateSavedView(database, actorOf(request), request.params.id, request.body)));

  app.delete('/api/v1/ticket-views/:id', {
    config: { permission: 'tickets.read' },
    schema: { tags, summary: '删除个人视图 Delete a saved view', params: idParams, response: { 204: z.null() } },
  }, async (request, reply) => {
    await deleteSavedView(database, actorOf(request), request.params.id);
    return reply.status(204).send(null);
  });
}
