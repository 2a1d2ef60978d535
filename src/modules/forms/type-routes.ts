import { z } from 'zod';
import type { AppContext, AppServer } from '../../app/context.js';
import { actorOf } from '../../app/http/request-context.js';
import { chinaRegionsDocument } from './china-regions.js';
import { presentFieldOf } from './field-views.js';
import { fieldKeyParams, newTypeBody, publishBody, ticketTypeSchema, typeChangesBody, typeFormSchema, typeVersionSchema } from './http-schemas.js';
import { matchesEtag } from '../../app/http/if-match.js';
import { versionFromIfMatch } from './if-match.js';
import { getTypeVersion, publishTypeVersion } from './publish-type-version.js';
import { formsRevisionNow } from './revision.js';
import { createTicketType, getTicketType, listTicketTypes, updateTicketType } from './ticket-types.js';
import { getTypeForm } from './type-forms.js';

const tags = ['forms'];

export function registerTypeRoutes(app: AppServer, { database, readModels, config, fieldTypes }: AppContext): void {
  const timeZone = config.OPENCSM_TIMEZONE;

  app.get('/api/v1/ticket-types', {
    config: { permission: 'forms.read' },
    schema: { tags, summary: '工单类型列表 List ticket types', response: { 200: z.object({ items: z.array(ticketTypeSchema) }) } },
  }, async () => ({ items: await listTicketTypes(database.db) }));

  app.post('/api/v1/ticket-types', {
    config: { permission: 'forms.manage' },
    schema: {
      tags, summary: '新建工单类型 Create a ticket type',
      description: 'With `form`, version 1 of its form is published at once (checked like POST …/versions). Default team, priority and SLA policy go to new tickets of the type that name none.',
      body: newTypeBody,
      response: { 201: ticketTypeSchema },
    },
  }, async (request, reply) => {
    const actor = actorOf(request);
    const { form, ...settings } = request.body;
    let type = await createTicketType(database, actor, settings);
    if (form !== undefined) {
      await publishTypeVersion(database, readModels, actor, type.key, form, { timeZone, fieldTypes });
      type = await getTicketType(database.db, type.key);
    }
    return reply.status(201).header('ETag', `"${type.version}"`).send(type);
  });

  app.get('/api/v1/ticket-types/:key', {
    config: { permission: 'forms.read' },
    schema: { tags, summary: '工单类型详情 Get a ticket type', params: fieldKeyParams, response: { 200: ticketTypeSchema } },
  }, async (request, reply) => {
    const type = await getTicketType(database.db, request.params.key);
    return reply.header('ETag', `"${type.version}"`).send(type);
  });

  app.patch('/api/v1/ticket-types/:key', {
    config: { permission: 'forms.manage' },
    schema: {
      tags, summary: '修改工单类型 Update a ticket type',
      description: 'Requires `If-Match: "<version>"`. The form is not changed here: publish a new version.',
      params: fieldKeyParams,
      headers: z.object({ 'if-match': z.string().optional() }),
      body: typeChangesBody,
      response: { 200: ticketTypeSchema },
    },
  }, async (request, reply) => {
    const type = await updateTicketType(database, actorOf(request), request.params.key, versionFromIfMatch('type', request.headers['if-match']), request.body);
    return reply.header('ETag', `"${type.version}"`).send(type);
  });

  app.post('/api/v1/ticket-types/:key/versions', {
    config: { permission: 'forms.manage' },
    schema: {
      tags, summary: '发布表单新版本 Publish a new form version',
      description: 'The form places existing, non-archived ticket fields; rule conditions are checked over the form\'s fields and the built-in ones; effects must name fields on the form. Problems answer 400 with paths like `form.rules.0.when.value`. Versions are immutable; tickets keep theirs.',
      params: fieldKeyParams,
      body: publishBody,
      response: { 201: typeVersionSchema },
    },
  }, async (request, reply) => reply.status(201).send(await publishTypeVersion(database, readModels, actorOf(request), request.params.key, request.body.form, { timeZone, fieldTypes })));

  app.get('/api/v1/ticket-types/:key/versions/:version', {
    config: { permission: 'forms.read' },
    schema: {
      tags, summary: '表单版本 Get a published form version',
      params: z.object({ key: z.string().min(1).max(63), version: z.coerce.number().int().min(1).max(1_000_000) }),
      response: { 200: typeVersionSchema },
    },
  }, async (request) => getTypeVersion(database.db, request.params.key, request.params.version));

  app.get('/api/v1/ticket-types/:key/form', {
    config: { permission: 'forms.read' },
    schema: {
      tags, summary: '工单类型表单 The form of a ticket type',
      description: 'The current version\'s form and the definitions of the fields it places. Strong `ETag`; send `If-None-Match` to get 304 while nothing in the registry changed.',
      params: fieldKeyParams,
      headers: z.object({ 'if-none-match': z.string().optional() }),
      response: { 200: typeFormSchema, 304: z.null() },
    },
  }, async (request, reply) => {
    const etag = `"forms-${await formsRevisionNow(database.db)}"`;
    reply.header('ETag', etag).header('Cache-Control', 'private, no-cache');
    if (matchesEtag(request.headers['if-none-match'], etag)) return reply.status(304).send(null);
    const { type, form, fields } = await getTypeForm(database.db, request.params.key);
    return reply.send({ type, form, fields: fields.map(presentFieldOf(fieldTypes)) });
  });

  app.get('/api/v1/field-options/china-regions', {
    config: { permission: 'forms.read' },
    schema: {
      tags, summary: '省/市/区 China\'s administrative divisions',
      description: 'The tree cascader fields with `settings.optionSource: "china-regions"` take their values from: `{source, options: [{value: code, label, children}]}`. A value is the path of codes (["44", "4403", "440305"]). Strong `ETag`, 304 on `If-None-Match`.',
      headers: z.object({ 'if-none-match': z.string().optional() }),
    },
  }, async (request, reply) => {
    const { json, etag } = chinaRegionsDocument();
    reply.header('ETag', etag).header('Cache-Control', 'private, max-age=86400');
    if (matchesEtag(request.headers['if-none-match'], etag)) return reply.status(304).send(null);
    // Already JSON: sent as it is rather than serialised again per request (~250 kB).
    return reply.type('application/json; charset=utf-8').send(json);
  });
}
