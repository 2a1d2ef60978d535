import { z } from 'zod';
import type { AppContext, AppServer } from '../../app/context.js';
import { actorOf } from '../../app/http/request-context.js';
import { pickLocale } from '../../app/i18n/catalogue.js';
import { explainRule } from './explain.js';
import { listFirings } from './firing-log.js';
import { explainBody, explainSchema, firingJson, firingSchema, idParams, pageOf, pageQuery, previewBody, previewSchema, ruleFieldSchema, versionJson, versionSchema } from './http-schemas.js';
import { previewCondition } from './preview.js';
import { ruleFieldsWithOptions } from './rule-fields.js';
import { getRule, getRuleNames } from './rules.js';
import { listRuleVersions } from './rule-versions.js';
import { getTimeRuleBackfill, timeRuleBackfillSchema } from './time-backfill-progress.js';

const tags = ['automation'];

/** A page of `limit` read with one more row: `nextBefore` when there is a next page. */
function page<T extends { id: string }>(rows: T[], limit: number): { items: T[]; nextBefore?: string } {
  const items = rows.slice(0, limit);
  return { items, ...(rows.length > limit && { nextBefore: items[items.length - 1]!.id }) };
}

/** What admins read about rules (fields, preview, test, versions, firings) and the rule names the ticket timeline shows. */
export function registerRuleReadRoutes(app: AppServer, context: AppContext): void {
  const { database, readModels, fieldTypes, clock } = context;
  const config = { permission: 'automation.manage' } as const;
  const deps = () => ({ readModels, types: fieldTypes, now: clock.now() });

  app.get('/api/v1/rules/fields', {
    config,
    schema: { tags, summary: '规则可用字段 Fields a rule condition may name', description: 'Built-in and custom ticket fields (`fields.<key>`), the ticket type, requester and organisation facts and the event time, with their options. `queryable: false` fields are judged when a rule fires but cannot be previewed.', response: { 200: z.object({ items: z.array(ruleFieldSchema) }) } },
  }, async () => ({ items: (await ruleFieldsWithOptions(database.db, readModels, fieldTypes)).map(({ sql, options, ...field }) => ({ ...field, ...(options && { options: options.map((option) => ({ value: option.value })) }), queryable: Boolean(sql) })) }));

  app.post('/api/v1/rules/preview', {
    config,
    schema: {
      tags, summary: '预览规则条件 Preview what a condition matches now',
      description: '`{count, sample}`: the tickets you may see that satisfy the condition now, and the newest ten. Leaves that only a firing can judge (`changed*`, `within_business_hours`, requester/organisation/type facts) answer 422 naming each leaf (`errors[].path`), never dropped.',
      body: previewBody,
      response: { 200: previewSchema },
    },
  }, async (request) => previewCondition(database.db, actorOf(request), request.body, deps()));

  app.post('/api/v1/rules/explain', {
    config,
    schema: { tags, summary: '在工单上测试规则 Test an unsaved rule on a ticket', description: 'Each condition leaf’s result on the ticket as it is now, whether the rule would fire and which actions would run. Nothing runs.', body: explainBody, response: { 200: explainSchema } },
  }, async (request) => {
    const rule = request.body.rule ?? { triggers: ['ticket.updated' as const], conditions: { all: [] }, actions: [] };
    return explainRule(database, actorOf(request), request.body.ticketId, rule, 'rule.conditions', deps());
  });

  app.post('/api/v1/rules/:id/explain', {
    config,
    schema: { tags, summary: '在工单上测试已保存的规则 Test a saved rule on a ticket', description: 'As `/rules/explain`, with the stored rule.', params: idParams, body: explainBody.pick({ ticketId: true }), response: { 200: explainSchema } },
  }, async (request) => {
    const rule = await getRule(database.db, request.params.id);
    return explainRule(database, actorOf(request), request.body.ticketId, rule, 'conditions', deps());
  });

  app.get('/api/v1/rules/:id/versions', {
    config,
    schema: { tags, summary: '规则版本 A rule’s versions, newest first', description: 'One immutable snapshot per save: who, when, which fields. Paginated with `before`.', params: idParams, querystring: pageQuery, response: { 200: pageOf(versionSchema) } },
  }, async (request) => {
    const { limit, before } = request.query;
    const rows = await listRuleVersions(database.db, request.params.id, { limit: limit + 1, before });
    const result = page(rows, limit);
    return { ...result, items: result.items.map(versionJson) };
  });

  app.get('/api/v1/rules/:id/backfill', {
    config,
    schema: { tags, summary: '定时规则补算进度 A time rule’s backfill', description: 'The latest backfill (补算) of a time rule: the tickets already holding its anchor when it was created, enabled or re-anchored get their due rows, a page at a time. `backfill` is null for a rule that never had one (an event rule).', params: idParams, response: { 200: z.object({ backfill: timeRuleBackfillSchema.nullable() }) } },
  }, async (request) => {
    await getRule(database.db, request.params.id);
    return { backfill: await getTimeRuleBackfill(database.db, request.params.id) };
  });

  app.get('/api/v1/rules/:id/firings', {
    config,
    schema: { tags, summary: '规则触发记录 A rule’s firings, newest first', description: 'Rule version, ticket, event and its cause, each action’s outcome, error, duration. Paginated with `before`.', params: idParams, querystring: pageQuery, response: { 200: pageOf(firingSchema) } },
  }, async (request) => {
    const { limit, before } = request.query;
    const result = page(await listFirings(database.db, { ruleId: request.params.id }, { limit: limit + 1, before }), limit);
    return { ...result, items: result.items.map(firingJson(pickLocale(request.headers['accept-language']))) };
  });

  app.get('/api/v1/rule-firings', {
    config,
    schema: { tags, summary: '全部规则触发记录 Every rule’s firings, newest first', description: 'Optionally of one ticket (`ticketId`). Paginated with `before`.', querystring: pageQuery.extend({ ticketId: z.uuid().optional() }), response: { 200: pageOf(firingSchema) } },
  }, async (request) => {
    const { limit, before, ticketId } = request.query;
    const result = page(await listFirings(database.db, { ticketId }, { limit: limit + 1, before }), limit);
    return { ...result, items: result.items.map(firingJson(pickLocale(request.headers['accept-language']))) };
  });

  app.get('/api/v1/rule-names', {
    config: { permission: 'tickets.read' },
    schema: { tags, summary: '规则名称 Names of rules', description: 'Kept for existing clients: the console asks `GET /actor-names`, which names every system actor (rules as kind `rule:<id>`). What the ticket timeline names a `rule:<id>` change by ("规则「VIP 升级」将优先级改为 紧急"). Unknown ids (deleted rules) are left out.', querystring: z.object({ ids: z.string().max(4000) }), response: { 200: z.object({ items: z.array(z.object({ id: z.uuid(), name: z.string() })) }) } },
  }, async (request) => {
    const ids = request.query.ids.split(',').map((id) => id.trim()).filter((id) => /^[0-9a-f-]{36}$/i.test(id)).slice(0, 100);
    return { items: [...(await getRuleNames(database.db, ids))].map(([id, name]) => ({ id, name })) };
  });
}
