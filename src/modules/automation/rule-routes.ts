import { z } from 'zod';
import type { AppContext, AppServer } from '../../app/context.js';
import { ifMatchVersion, optionalIfMatchVersion } from '../../app/http/if-match.js';
import { actorOf } from '../../app/http/request-context.js';
import { createRuleBody, enabledBody, idParams, ifMatchHeaders, reorderBody, ruleJson, ruleSchema, updateRuleBody } from './http-schemas.js';
import { getRule, listRules, type RuleRow } from './rules.js';
import { createRule, deleteRule, reorderRules, updateRule, type RuleWriteContext } from './rule-writes.js';

const tags = ['automation'];
const etag = (row: RuleRow) => `"${row.version}"`;
const list = z.object({ items: z.array(ruleSchema) });
const versionOf = (header: string | undefined) => ifMatchVersion(header, 'automation.rule.if_match_required', 'automation.rule.if_match_invalid');

/** Event rules (设置 › 自动化): automation.manage reads and changes them. */
export function registerRuleRoutes(app: AppServer, context: AppContext, writes: RuleWriteContext): void {
  const { database } = context;
  const config = { permission: 'automation.manage' } as const;

  app.get('/api/v1/rules', {
    config,
    schema: { tags, summary: '自动化规则列表 Automation rules, in the order they are tried', description: 'For each event, the enabled rules listening to it are tried in this order; a rule with `stopAfter` that fires ends the pass.', response: { 200: list } },
  }, async () => ({ items: (await listRules(database.db)).map(ruleJson) }));

  app.get('/api/v1/rules/:id', {
    config,
    schema: { tags, summary: '自动化规则 An automation rule', description: 'The `ETag` header carries the version for `If-Match`.', params: idParams, response: { 200: ruleSchema } },
  }, async (request, reply) => {
    const row = await getRule(database.db, request.params.id);
    return reply.header('ETag', etag(row)).send(ruleJson(row));
  });

  app.post('/api/v1/rules', {
    config,
    schema: {
      tags, summary: '创建自动化规则 Create an event rule',
      description: 'Conditions are the condition language (docs/conditions.md) over the fields of `GET /rules/fields`; `changed*` only when `triggers` holds `ticket.updated`. Every problem answers 400 at its path (`conditions.all.2.value`, `actions.1.userId`). The rule goes last.',
      body: createRuleBody,
      response: { 201: ruleSchema },
    },
  }, async (request, reply) => {
    const row = await createRule(writes, actorOf(request), request.body);
    return reply.status(201).header('ETag', etag(row)).send(ruleJson(row));
  });

  app.patch('/api/v1/rules/:id', {
    config,
    schema: {
      tags, summary: '修改自动化规则 Update a rule',
      description: 'Requires `If-Match: "<version>"` (428 without it; 412 when stale). Fields sent replace the stored ones whole; each change is a new version (`GET /rules/{id}/versions`).',
      params: idParams,
      headers: ifMatchHeaders,
      body: updateRuleBody,
      response: { 200: ruleSchema },
    },
  }, async (request, reply) => {
    const row = await updateRule(writes, actorOf(request), request.params.id, versionOf(request.headers['if-match']), request.body);
    return reply.header('ETag', etag(row)).send(ruleJson(row));
  });

  app.put('/api/v1/rules/:id/enabled', {
    config,
    schema: { tags, summary: '启用或停用规则 Enable or disable a rule', description: 'Requires `If-Match` like PATCH; a new version.', params: idParams, headers: ifMatchHeaders, body: enabledBody, response: { 200: ruleSchema } },
  }, async (request, reply) => {
    const row = await updateRule(writes, actorOf(request), request.params.id, versionOf(request.headers['if-match']), { enabled: request.body.enabled });
    return reply.header('ETag', etag(row)).send(ruleJson(row));
  });

  app.delete('/api/v1/rules/:id', {
    config,
    schema: { tags, summary: '删除自动化规则 Delete a rule', description: 'Its versions and firings stay. An optional `If-Match` guards against deleting a rule someone just changed.', params: idParams, headers: ifMatchHeaders, response: { 204: z.null() } },
  }, async (request, reply) => {
    await deleteRule(writes, actorOf(request), request.params.id, optionalIfMatchVersion(request.headers['if-match'], 'automation.rule.if_match_invalid'));
    return reply.status(204).send(null);
  });

  app.post('/api/v1/rules/reorder', {
    config,
    schema: { tags, summary: '调整规则顺序 Reorder the rules', description: '`ids` must name every rule exactly once (400 at `ids` otherwise). Answers the list in its new order.', body: reorderBody, response: { 200: list } },
  }, async (request) => ({ items: (await reorderRules(writes, actorOf(request), request.body.ids)).map(ruleJson) }));
}
