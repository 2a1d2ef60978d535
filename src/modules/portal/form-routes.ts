import { z } from 'zod';
import { writeRulesOf } from '../../app/write-rules.js';
import type { AppContext, AppServer } from '../../app/context.js';
import { listCategories, type AttachmentStore } from '../tickets/index.js';
import { idempotencyKeyHeader, webFormSchema } from './http-schemas.js';
import { readSubmission } from './multipart-body.js';
import { submitWebForm } from './submit-web-form.js';

const tags = ['portal'];

/** The public web form (embeddable at /portal/form) and what it needs to render. */
export function registerFormRoutes(app: AppServer, context: AppContext, store: AttachmentStore): void {
  const { database, config } = context;
  app.get('/api/v1/portal/forms/categories', {
    config: { permission: 'public' },
    schema: {
      tags, summary: '表单可选的分类 Categories the form offers',
      response: { 200: z.object({ items: z.array(z.object({ id: z.uuid(), parentId: z.uuid().nullable(), nameZh: z.string(), nameEn: z.string() })) }) },
    },
  }, async () => ({ items: (await listCategories(database.db)).map(({ id, parentId, nameZh, nameEn }) => ({ id, parentId, nameZh, nameEn })) }));

  app.post('/api/v1/portal/forms/tickets', {
    config: { permission: 'public' },
    schema: {
      tags, summary: '网页表单提交工单 Submit a ticket from the web form',
      description: [
        'JSON or multipart (the same fields, plus up to 5 `files`). Fields: `name`, `phone` and/or `email` (one required), `categoryId`, `subject` (default: the first line of the description), `description`, the honeypot `website` (leave empty), and `type` with `fields` (a ticket type\'s customer form, GET /portal/ticket-types/{key}/form; in multipart `fields` is one JSON field). A value the form refuses is a 400 at `fields.<key>`.',
        'Answers 201 `{number}`. Limited per IP (30/hour) and per email or phone (5/hour): 429 with Retry-After. A retry with the same Idempotency-Key returns the same number.',
        'Uploads: all files of one submission together at most `OPENCSM_FORM_MAX_UPLOAD_MB` (413 `form.submission_too_large`); per client IP per UTC day `OPENCSM_FORM_IP_DAILY_UPLOAD_MB` (429 `form.upload_budget_ip`) and for the whole installation `OPENCSM_FORM_DAILY_UPLOAD_MB` (429 `form.upload_budget_site`), both with Retry-After until the next UTC day. A refused submission stores nothing.',
      ].join('\n\n'),
      headers: z.object({ 'idempotency-key': idempotencyKeyHeader }),
      consumes: ['application/json', 'multipart/form-data'],
      response: { 201: z.object({ number: z.string() }) },
    },
  }, async (request, reply) => {
    const { fields, files } = await readSubmission(request, webFormSchema, { fileMb: config.OPENCSM_MAX_ATTACHMENT_MB, totalMb: config.OPENCSM_FORM_MAX_UPLOAD_MB });
    const budgets = { ipDailyMb: config.OPENCSM_FORM_IP_DAILY_UPLOAD_MB, siteDailyMb: config.OPENCSM_FORM_DAILY_UPLOAD_MB };
    const result = await submitWebForm(database, fields, { ip: request.ip, idempotencyKey: request.headers['idempotency-key'], files, budgets, timeZone: config.OPENCSM_TIMEZONE, store, ...writeRulesOf(context) });
    return reply.status(201).send(result);
  });
}
