import { z } from 'zod';
import type { AppContext, AppServer } from '../../app/context.js';
import { actorOf } from '../../app/http/request-context.js';
import { idParams, ifMatchHeaders } from './calendar-http.js';
import { createPolicy } from './create-policy.js';
import { deletePolicy } from './delete-policy.js';
import { policyVersionFrom } from './if-match.js';
import { getPolicy, listPolicies, type PolicyRow } from './policies.js';
import { createPolicyBody, policyJson, policySchema, reorderBody, updatePolicyBody } from './policy-http.js';
import { reorderPolicies } from './reorder-policies.js';
import { updatePolicy } from './update-policy.js';

const tags = ['sla'];
const etag = (row: PolicyRow) => `"${row.version}"`;
const list = z.object({ items: z.array(policySchema) });

/** SLA policies: staff read them (they explain a ticket's timers), admin.sla changes them. */
export function registerPolicyRoutes(app: AppServer, { database, channels, fieldTypes }: AppContext): void {
  app.get('/api/v1/sla/policies', {
    config: { permission: 'tickets.read' },
    schema: { tags, summary: 'SLA 策略列表 SLA policies, in the order they are tried', description: 'The first active policy whose conditions all hold applies to a ticket; none: the ticket has no SLA.', response: { 200: list } },
  }, async () => ({ items: (await listPolicies(database.db)).map(policyJson) }));

  app.get('/api/v1/sla/policies/:id', {
    config: { permission: 'tickets.read' },
    schema: { tags, summary: 'SLA 策略 An SLA policy', description: 'The `ETag` header carries the version for `If-Match`.', params: idParams, response: { 200: policySchema } },
  }, async (request, reply) => {
    const row = await getPolicy(database.db, request.params.id);
    return reply.header('ETag', etag(row)).send(policyJson(row));
  });

  app.post('/api/v1/sla/policies', {
    config: { permission: 'admin.sla' },
    schema: {
      tags, summary: '创建 SLA 策略 Create an SLA policy',
      description: 'Priorities, categories, customer tiers, organisations, users and the calendar it names must exist; channels must be installed (GET /ticket-channels). A bad value answers 400 naming it (`errors[].path`, e.g. `conditions.all.0.values.1`).',
      body: createPolicyBody,
      response: { 201: policySchema },
    },
  }, async (request, reply) => {
    const row = await createPolicy(database, actorOf(request), request.body, channels.ticketChannelKeys(), fieldTypes);
    return reply.status(201).header('ETag', etag(row)).send(policyJson(row));
  });

  app.patch('/api/v1/sla/policies/:id', {
    config: { permission: 'admin.sla' },
    schema: {
      tags, summary: '修改 SLA 策略 Update an SLA policy',
      description: 'Requires `If-Match: "<version>"` (428 without it); a stale version answers 412 and changes nothing. Fields sent replace the stored ones whole (`targets`, `conditions`, `escalation` included). The order changes only through `/reorder`.',
      params: idParams,
      headers: ifMatchHeaders,
      body: updatePolicyBody,
      response: { 200: policySchema },
    },
  }, async (request, reply) => {
    const expected = policyVersionFrom(request.headers['if-match'], { required: true });
    const row = await updatePolicy(database, actorOf(request), request.params.id, expected, request.body, channels.ticketChannelKeys(), fieldTypes);
    return reply.header('ETag', etag(row)).send(policyJson(row));
  });

  app.delete('/api/v1/sla/policies/:id', {
    config: { permission: 'admin.sla' },
    schema: { tags, summary: '删除 SLA 策略 Delete an SLA policy', description: 'The policies after it move up. An optional `If-Match` guards against deleting a policy someone just changed.', params: idParams, headers: ifMatchHeaders, response: { 204: z.null() } },
  }, async (request, reply) => {
    await deletePolicy(database, actorOf(request), request.params.id, policyVersionFrom(request.headers['if-match'], { required: false }));
    return reply.status(204).send(null);
  });

  app.post('/api/v1/sla/policies/reorder', {
    config: { permission: 'admin.sla' },
    schema: { tags, summary: '调整 SLA 策略顺序 Reorder the SLA policies', description: '`ids` must name every policy exactly once (400 otherwise, e.g. when someone added one meanwhile). Answers the list in its new order.', body: reorderBody, response: { 200: list } },
  }, async (request) => ({ items: (await reorderPolicies(database, actorOf(request), request.body.ids)).map(policyJson) }));
}
