import { z } from 'zod';
import type { AppContext, AppServer } from '../../app/context.js';
import { actorOf } from '../../app/http/request-context.js';
import type { FieldEntity } from '../../forms/definition.js';
import { presentBuiltin, presentFieldOf, presentFieldType } from './field-views.js';
import { createField, getField, listFields, removeField, updateField } from './fields.js';
import { fieldChangesBody, fieldKeyParams, fieldSchema, fieldTypeSchema, newFieldBody } from './http-schemas.js';
import { versionFromIfMatch } from './if-match.js';
import { registeredTypeKey } from './field-type-registry.js';

const tags = ['forms'];

/** The registry of one entity: `/api/v1/ticket-fields`, `/contact-fields`, `/organisation-fields`. */
export function registerFieldRoutes(app: AppServer, { database, readModels, fieldTypes }: AppContext, entity: FieldEntity): void {
  const base = `/api/v1/${entity}-fields`;
  const names = { ticket: '工单字段 ticket fields', contact: '联系人字段 contact fields', organisation: '企业客户字段 organisation fields' }[entity];

  app.get(base, {
    config: { permission: 'forms.read' },
    schema: {
      tags, summary: `字段列表 List ${names}`,
      description: entity === 'ticket' ? 'Built-in fields (`builtIn: true`: subject, status, priority …) first, then custom fields in their order, archived ones included. Each lists the condition operators it takes.' : 'Custom fields in their order, archived ones included.',
      response: { 200: z.object({ items: z.array(fieldSchema) }) },
    },
  }, async () => {
    const builtins = entity === 'ticket' ? ((await readModels.get('ticketFields')?.builtins(database.db)) ?? []) : [];
    return { items: [...builtins.map(presentBuiltin), ...(await listFields(database.db, entity)).map(presentFieldOf(fieldTypes))] };
  });

  app.post(base, {
    config: { permission: 'forms.manage' },
    schema: {
      tags, summary: `新建字段 Create one of the ${names}`,
      description: 'At least `{key, label: {zh-CN, en}, type}`; `options` for select, multiselect and cascader (or `settings.optionSource: "china-regions"`). Answers 201 with the field; every malformed property is a 400 naming its path.',
      body: newFieldBody,
      response: { 201: fieldSchema },
    },
  }, async (request, reply) => {
    const field = await createField(database, actorOf(request), entity, { ...request.body, type: registeredTypeKey(fieldTypes, request.body.type) }, fieldTypes.get(request.body.type));
    return reply.status(201).header('ETag', `"${field.version}"`).send(presentFieldOf(fieldTypes)(field));
  });

  app.get(`${base}/:key`, {
    config: { permission: 'forms.read' },
    schema: { tags, summary: `字段详情 Get one of the ${names}`, params: fieldKeyParams, response: { 200: fieldSchema } },
  }, async (request, reply) => {
    const field = await getField(database.db, entity, request.params.key);
    return reply.header('ETag', `"${field.version}"`).send(presentFieldOf(fieldTypes)(field));
  });

  app.patch(`${base}/:key`, {
    config: { permission: 'forms.manage' },
    schema: {
      tags, summary: `修改字段 Update one of the ${names}`,
      description: 'Requires `If-Match: "<version>"`. The key never changes; the type only between `text` and `textarea`. Options left out are kept, marked `deleted` (old values keep their label); relabelling keeps every value.',
      params: fieldKeyParams,
      headers: z.object({ 'if-match': z.string().optional() }),
      body: fieldChangesBody,
      response: { 200: fieldSchema },
    },
  }, async (request, reply) => {
    const field = await updateField(database, actorOf(request), entity, request.params.key, versionFromIfMatch('field', request.headers['if-match']), request.body, (type) => fieldTypes.get(type));
    return reply.header('ETag', `"${field.version}"`).send(presentFieldOf(fieldTypes)(field));
  });

  app.delete(`${base}/:key`, {
    config: { permission: 'forms.manage' },
    schema: {
      tags, summary: `删除或归档字段 Delete or archive one of the ${names}`,
      description: 'Deletes a field no record holds a value of (204). While values exist (or a published form places it) the answer is 409 with the count; `?archive=true` confirms archiving instead (200 with the field): values are kept and shown, no new ones are taken.',
      params: fieldKeyParams,
      querystring: z.strictObject({ archive: z.enum(['true', 'false']).optional() }),
      response: { 200: fieldSchema, 204: z.null() },
    },
  }, async (request, reply) => {
    const result = await removeField(database, readModels, actorOf(request), entity, request.params.key, { archive: request.query.archive === 'true' });
    if ('deleted' in result) return reply.status(204).send(null);
    return reply.send(presentFieldOf(fieldTypes)(result.archived));
  });
}

/** The field types of this app: the built-in ones and those modules registered (`context.fieldTypes`). */
export function registerFieldTypeRoutes(app: AppServer, { fieldTypes }: AppContext): void {
  app.get('/api/v1/field-types', {
    config: { permission: 'forms.read' },
    schema: {
      tags, summary: '字段类型 Field types',
      description: 'Every type a custom field can have, with its labels, the condition operators its values take and what the registry allows (options, filter, search). Modules may add types; the designer offers all of them.',
      response: { 200: z.object({ items: z.array(fieldTypeSchema) }) },
    },
  }, async () => ({ items: fieldTypes.list().map(presentFieldType) }));
}
