import { z } from 'zod';
import { ifMatchVersion } from '../../app/http/if-match.js';
import type { AppContext, AppServer } from '../../app/context.js';
import { Invalid } from '../../app/errors.js';
import { actorOf, customerOf } from '../../app/http/request-context.js';
import { getContact } from '../customers/index.js';
import { answerByLink, commentByLink, findPortalSurvey, getSurveyPage, portalSurveyView, recordAnswer, recordComment } from './answer-survey.js';
import { answerBody, commentBody, statsSchema, surveyKindSchema, surveyPageSchema, surveySchema, surveySettingsSchema, surveySettingsViewSchema, surveyStatusSchema } from './http-schemas.js';
import { createSurvey, listSurveys, listTicketSurveys } from './list-surveys.js';
import { getSurveySettings, updateSurveySettings } from './settings.js';
import { fieldGroup } from './customer-field-groups.js';
import { groupByKeys, responseRates, scoresBy, type GroupBy } from './survey-stats.js';
import { surveyLinkKey } from './survey-link.js';

const tags = ['surveys'];
const idParams = z.object({ id: z.string().trim().min(1).max(64) });
const tokenParams = z.object({ token: z.string().min(10).max(200) });

function versionFrom(header: string | undefined): number {
  return ifMatchVersion(header, 'survey_settings.if_match_required');
}

/** 满意度调查: the survey list and stats (supervisors), settings, the ticket and 360 panels, and the customer's answer by link or on the portal. */
export function registerSurveyRoutes(app: AppServer, { database, config, clock }: AppContext): void {
  const key = surveyLinkKey(config);

  app.get('/api/v1/surveys', {
    config: { permission: 'surveys.read' },
    schema: {
      tags, summary: '调查列表 Surveys',
      description: 'CSAT and NPS surveys, newest first; filter by kind, status, ticket or customer. `before`: the last id of the previous page.',
      querystring: z.object({ kind: surveyKindSchema.optional(), status: surveyStatusSchema.optional(), ticketId: z.uuid().optional(), contactId: z.uuid().optional(), before: z.uuid().optional(), limit: z.coerce.number().int().min(1).max(100).default(25) }),
      response: { 200: z.object({ items: z.array(surveySchema), nextCursor: z.uuid().nullable() }) },
    },
  }, async (request) => listSurveys(database.db, request.query));

  app.post('/api/v1/surveys', {
    config: { permission: 'surveys.manage' },
    schema: {
      tags, summary: '发送调查 Send a survey',
      description: '`{kind: "csat", ticketId}` asks a resolved ticket\'s requester again; `{kind: "nps", contactId}` asks one customer. Due at once; the worker sends it through the customer\'s channel.',
      body: z.discriminatedUnion('kind', [z.strictObject({ kind: z.literal('csat'), ticketId: z.uuid() }), z.strictObject({ kind: z.literal('nps'), contactId: z.uuid() })]),
      response: { 201: surveySchema },
    },
  }, async (request, reply) => reply.status(201).send(await createSurvey(database, request.body, clock.now())));

  app.get('/api/v1/surveys/stats', {
    config: { permission: 'surveys.read' },
    schema: {
      tags, summary: '调查统计 Survey statistics',
      description: 'Response rate per channel (answers ÷ surveys delivered) and CSAT (share of 4–5 stars, mean) or NPS (% promoters − % detractors) grouped by channel, team, organization, tier, period or month of the answer, or (`by=field&field=contact.<key>` or `organisation.<key>`) by a select, cascader (its first level) or multiselect (each option chosen) custom field of the customer as it was when the survey was made; those groups carry the option\'s `label`. `from`/`to` bound the send time.',
      querystring: z.object({ kind: surveyKindSchema.default('csat'), by: z.enum(groupByKeys as [GroupBy, ...GroupBy[]]).default('channel'), field: z.string().trim().min(1).max(200).optional(), from: z.coerce.date().optional(), to: z.coerce.date().optional() }),
      response: { 200: statsSchema },
    },
  }, async (request) => {
    const { kind, by, field, from, to } = request.query;
    if (field !== undefined && by !== 'field') throw new Invalid('validation.failed', {}, [{ path: 'field', code: 'survey.field_needs_by_field' }]);
    const filter = { kind, from, to };
    const groupBy = by === 'field' ? await fieldGroup(database.db, field) : by;
    return { kind, by, ...(field && { field }), responseRates: await responseRates(database.db, filter), groups: await scoresBy(database.db, filter, groupBy) };
  });

  app.get('/api/v1/settings/surveys', {
    config: { permission: 'surveys.manage' },
    schema: { tags, summary: '调查设置 Survey settings', response: { 200: surveySettingsViewSchema } },
  }, async (_request, reply) => {
    const view = await getSurveySettings(database.db);
    return reply.header('ETag', `"${view.version}"`).send(view);
  });

  app.put('/api/v1/settings/surveys', {
    config: { permission: 'surveys.manage' },
    schema: {
      tags, summary: '修改调查设置 Update survey settings',
      description: 'Any subset of the settings. Requires `If-Match: "<version>"` ("0" before the first save; 428 without, 412 when stale).',
      headers: z.object({ 'if-match': z.string().optional() }),
      body: surveySettingsSchema.partial().strict(),
      response: { 200: surveySettingsViewSchema },
    },
  }, async (request, reply) => {
    const view = await updateSurveySettings(database, actorOf(request), versionFrom(request.headers['if-match']), request.body);
    return reply.header('ETag', `"${view.version}"`).send(view);
  });

  app.get('/api/v1/tickets/:id/surveys', {
    config: { permission: 'tickets.read' },
    schema: { tags, summary: '工单的满意度调查 A ticket\'s surveys', description: 'Rating, comment and the 回访 ticket of each survey of a ticket the caller may see.', params: idParams, response: { 200: z.object({ items: z.array(surveySchema) }) } },
  }, async (request) => ({ items: await listTicketSurveys(database.db, actorOf(request), request.params.id) }));

  app.get('/api/v1/contacts/:id/surveys', {
    config: { permission: 'customers.read' },
    schema: { tags, summary: '客户的调查 A customer\'s surveys', description: 'CSAT and NPS answers of one customer (the customer 360).', params: z.object({ id: z.uuid() }), response: { 200: z.object({ items: z.array(surveySchema) }) } },
  }, async (request) => {
    const contact = await getContact(database.db, request.params.id);
    return { items: (await listSurveys(database.db, { contactId: contact.id, limit: 100 })).items };
  });

  // The customer's side: no staff credentials; the signed link is the credential.
  app.get('/api/v1/survey-links/:token', {
    config: { permission: 'public' },
    schema: { tags, summary: '调查页面 The survey behind a link', description: '404 for a link that is not ours or was altered, 410 once it expired.', params: tokenParams, response: { 200: surveyPageSchema } },
  }, async (request) => getSurveyPage(database.db, key, request.params.token, clock.now()));

  app.post('/api/v1/survey-links/:token/answer', {
    config: { permission: 'public' },
    schema: { tags, summary: '提交评分 Answer a survey', description: 'Once per link: a second answer is 409 `survey.link_used`. CSAT 1–5, NPS 0–10 (400 at `score` otherwise).', params: tokenParams, body: answerBody, response: { 200: surveyPageSchema } },
  }, async (request) => answerByLink(database, key, request.params.token, request.body, clock.now()));

  app.post('/api/v1/survey-links/:token/comment', {
    config: { permission: 'public' },
    schema: { tags, summary: '补充评价 Add the comment', description: 'After the rating, once.', params: tokenParams, body: commentBody, response: { 200: surveyPageSchema } },
  }, async (request) => commentByLink(database, key, request.params.token, request.body.comment, clock.now()));

  app.get('/api/v1/portal/tickets/:id/survey', {
    config: { permission: 'portal' },
    schema: { tags: ['portal'], summary: '工单的满意度调查 The survey of my ticket', description: 'The survey the signed-in requester may answer on the ticket page, or null.', params: z.object({ id: z.uuid() }), response: { 200: z.object({ survey: surveyPageSchema.nullable() }) } },
  }, async (request) => {
    const row = await findPortalSurvey(database.db, customerOf(request).contactId, request.params.id, clock.now());
    return { survey: await portalSurveyView(database.db, row) };
  });

  app.post('/api/v1/portal/tickets/:id/survey', {
    config: { permission: 'portal' },
    schema: { tags: ['portal'], summary: '在门户评分 Rate my ticket', description: 'With a score: the answer (once); with only a comment: the comment after it.', params: z.object({ id: z.uuid() }), body: z.strictObject({ score: z.number().int().min(0).max(10).optional(), comment: z.string().trim().max(2000).optional() }), response: { 200: z.object({ survey: surveyPageSchema.nullable() }) } },
  }, async (request) => {
    const contactId = customerOf(request).contactId;
    const now = clock.now();
    const row = await findPortalSurvey(database.db, contactId, request.params.id, now);
    if (!row) throw new Invalid('validation.failed', {}, [{ path: 'id', code: 'survey.none_open' }]);
    const { score, comment } = request.body;
    if (score !== undefined) await recordAnswer(database, row.id, { score, comment }, now);
    else if (comment) await recordComment(database, row.id, comment, now);
    else throw new Invalid('validation.failed', {}, [{ path: 'score', code: 'validation.required' }]);
    return { survey: await portalSurveyView(database.db, await findPortalSurvey(database.db, contactId, request.params.id, now)) };
  });
}
