import { z } from 'zod';
import type { AppContext, AppServer } from '../../app/context.js';
import { Invalid, NotFound } from '../../app/errors.js';
import { customerOf } from '../../app/http/request-context.js';
import { portalSurveyView, recordAnswer, recordComment } from './answer-survey.js';
import { surveyPageSchema } from './http-schemas.js';
import { findOpenPortalNps, findPortalNps } from './portal-nps.js';

const portalNpsSchema = z.object({ id: z.uuid(), survey: surveyPageSchema }).meta({ id: 'PortalNps' });

/**
 * 门户首页的 NPS 调查: the customer's own open NPS survey (or null), answered once with 0–10, then
 * «为什么» once. Only the signed-in customer's surveys: another customer's id is 404.
 */
export function registerPortalNpsRoutes(app: AppServer, { database, clock }: AppContext): void {
  app.get('/api/v1/portal/nps', {
    config: { permission: 'portal' },
    schema: { tags: ['portal'], summary: '我的 NPS 调查 My NPS survey', description: 'The NPS survey waiting for the signed-in customer on the portal, or null.', response: { 200: z.object({ nps: portalNpsSchema.nullable() }) } },
  }, async (request) => {
    const row = await findOpenPortalNps(database.db, customerOf(request).contactId, clock.now());
    return { nps: row && { id: row.id, survey: (await portalSurveyView(database.db, row))! } };
  });

  app.post('/api/v1/portal/nps/:id', {
    config: { permission: 'portal' },
    schema: {
      tags: ['portal'], summary: '回答 NPS 调查 Answer my NPS survey',
      description: 'With a score (0–10): the answer, once (409 `survey.link_used` after); with only a comment: «为什么» after it, once.',
      params: z.object({ id: z.uuid() }),
      body: z.strictObject({ score: z.number().int().min(0).max(10).optional(), comment: z.string().trim().max(2000).optional() }),
      response: { 200: z.object({ nps: portalNpsSchema }) },
    },
  }, async (request) => {
    const contactId = customerOf(request).contactId;
    const now = clock.now();
    const row = await findPortalNps(database.db, contactId, request.params.id);
    if (!row) throw new NotFound('survey.link_invalid');
    const { score, comment } = request.body;
    if (score !== undefined) {
      if (row.status !== 'answered' && (!row.expiresAt || row.expiresAt <= now)) throw new NotFound('survey.link_expired');
      await recordAnswer(database, row.id, { score, comment }, now);
    } else if (comment) await recordComment(database, row.id, comment, now);
    else throw new Invalid('validation.failed', {}, [{ path: 'score', code: 'validation.required' }]);
    const updated = (await findPortalNps(database.db, contactId, row.id))!;
    return { nps: { id: updated.id, survey: (await portalSurveyView(database.db, updated))! } };
  });
}
