import { z } from 'zod';
import type { AppContext, AppServer } from '../../app/context.js';
import { ifMatchVersion } from '../../app/http/if-match.js';
import { actorOf } from '../../app/http/request-context.js';
import { serviceTypeBody, serviceTypeSchema } from './http-schemas.js';
import { createServiceType, getServiceType, listServiceTypes, publishServiceForms, updateServiceType } from './service-types.js';

const tags = ['field-service'];
const keyParams = z.object({ key: z.string().min(1).max(40) });

export function registerServiceTypeRoutes(app: AppServer, { database, config, fieldTypes }: AppContext): void {
  const options = () => ({ fieldTypes, timeZone: config.OPENCSM_TIMEZONE });

  app.get('/api/v1/service-types', {
    config: { permission: 'field_service.read' },
    schema: { tags, summary: '服务类型 Service types with their current forms', response: { 200: z.object({ items: z.array(serviceTypeSchema) }) } },
  }, async () => ({ items: await listServiceTypes(database.db) }));

  app.get('/api/v1/service-types/:key', {
    config: { permission: 'field_service.read' },
    schema: { tags, summary: '服务类型详情 A service type', params: keyParams, response: { 200: serviceTypeSchema } },
  }, async (request) => getServiceType(database.db, request.params.key));

  app.post('/api/v1/service-types', {
    config: { permission: 'field_service.manage' },
    schema: {
      tags, summary: '新建服务类型 Create a service type',
      description: '`forms` (optional): `{fields, form, reportFields, reportForm}` — the work order\'s custom fields and form and the service report\'s, in the form engine\'s definitions; published as version 1 (400 with paths `forms.form.rules.0.when…`).',
      body: serviceTypeBody,
      response: { 201: serviceTypeSchema },
    },
  }, async (request, reply) => {
    const { forms, ...input } = request.body;
    return reply.status(201).send(await createServiceType(database, actorOf(request), { ...input, forms: forms ?? {} }, options()));
  });

  app.patch('/api/v1/service-types/:key', {
    config: { permission: 'field_service.manage' },
    schema: { tags, summary: '修改服务类型 Edit a service type (If-Match)', description: 'If-Match is the type\'s `version`. `autoDispatch`, `autoDispatchPick` (`best` | `nearest` | `least_loaded`) and `autoDispatchWithinHours` (null: any appointment) are 设置 › 现场服务\'s auto-dispatch rule.', params: keyParams, headers: z.object({ 'if-match': z.string().optional() }), body: serviceTypeBody.omit({ key: true, forms: true }).partial().strict(), response: { 200: serviceTypeSchema } },
  }, async (request) => updateServiceType(database, actorOf(request), request.params.key, ifMatchVersion(request.headers['if-match'], 'field_service.if_match_required'), request.body));

  app.post('/api/v1/service-types/:key/versions', {
    config: { permission: 'field_service.manage' },
    schema: { tags, summary: '发布服务类型表单 Publish a new version of the type\'s forms', description: 'Work orders made before keep their version.', params: keyParams, body: z.record(z.string(), z.unknown()), response: { 201: serviceTypeSchema } },
  }, async (request, reply) => reply.status(201).send(await publishServiceForms(database, actorOf(request), request.params.key, request.body, options())));
}
