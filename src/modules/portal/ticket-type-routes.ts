import { z } from 'zod';
import type { AppContext, AppServer } from '../../app/context.js';
import { matchesEtag } from '../../app/http/if-match.js';
import { formsRevisionNow, getPortalTypeForm, listPortalTicketTypes, presentFieldOf, typeFormSchema } from '../forms/index.js';

const tags = ['portal'];
const label = z.object({ 'zh-CN': z.string(), en: z.string() });

/**
 * The ticket types a customer may choose and their customer forms, for the portal and the web
 * form (public, like the form's categories: they hold nothing but what a customer is meant to
 * see). Only types whose portal form is enabled; only customer-visible fields and the rules that
 * act on them.
 */
export function registerPortalTicketTypeRoutes(app: AppServer, { database, fieldTypes }: AppContext): void {
  app.get('/api/v1/portal/ticket-types', {
    config: { permission: 'public' },
    schema: {
      tags, summary: '客户可提交的工单类型 Ticket types customers can submit',
      response: { 200: z.object({ items: z.array(z.object({ key: z.string(), label, title: label.nullable() })) }) },
    },
  }, async () => ({ items: await listPortalTicketTypes(database.db) }));

  app.get('/api/v1/portal/ticket-types/:key/form', {
    config: { permission: 'public' },
    schema: {
      tags, summary: '工单类型的客户表单 The customer form of a ticket type',
      description: 'The portal form (`form.portal`), its customer-visible fields and the rules acting on them; submit it to POST /portal/forms/tickets with `type` and `fields`. Strong ETag, 304 on If-None-Match.',
      params: z.object({ key: z.string().min(1).max(63) }),
      headers: z.object({ 'if-none-match': z.string().optional() }),
      response: { 200: typeFormSchema, 304: z.null() },
    },
  }, async (request, reply) => {
    const etag = `"forms-${await formsRevisionNow(database.db)}-portal"`;
    reply.header('ETag', etag).header('Cache-Control', 'public, no-cache');
    if (matchesEtag(request.headers['if-none-match'], etag)) return reply.status(304).send(null);
    const { type, form, fields } = await getPortalTypeForm(database.db, request.params.key);
    return reply.send({ type, form, fields: fields.map(presentFieldOf(fieldTypes)) });
  });
}
