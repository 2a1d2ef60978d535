import { z } from 'zod';
import { writeRulesOf } from '../../app/write-rules.js';
import type { AppContext, AppServer } from '../../app/context.js';
import { actorOf } from '../../app/http/request-context.js';
import { countPendingQuarantine, decideQuarantined, getQuarantined, listQuarantine } from './quarantine.js';

const tags = ['email'];
const permission = 'email.quarantine' as const;

const authSchema = z.object({
  verdict: z.enum(['pass', 'fail', 'none']),
  source: z.enum(['smtp', 'imap', 'none']),
  spf: z.string(),
  dkim: z.string(),
  dmarc: z.string(),
  arc: z.string(),
  fromDomain: z.string().nullable(),
  dmarcPolicy: z.string().nullable(),
  reasons: z.array(z.string()),
});
const reasonSchema = z.enum(['forged_sender', 'unknown_participant', 'failed_authentication', 'unauthenticated']);
const stateSchema = z.enum(['pending', 'attached', 'new_ticket', 'rejected']);
const itemSchema = z.object({
  id: z.uuid(),
  reason: reasonSchema,
  state: stateSchema,
  fromAddress: z.string().nullable(),
  subject: z.string(),
  ticket: z.object({ id: z.uuid(), number: z.string(), subject: z.string().nullable() }),
  verdict: z.enum(['pass', 'fail', 'none']),
  receivedAt: z.date(),
  decidedBy: z.uuid().nullable(),
  decidedAt: z.date().nullable(),
  resultTicketId: z.uuid().nullable(),
});
const detailSchema = itemSchema.extend({
  auth: authSchema,
  preview: z.object({
    text: z.string(),
    html: z.string().nullable(),
    to: z.array(z.string()),
    cc: z.array(z.string()),
    attachments: z.array(z.object({ filename: z.string(), contentType: z.string(), size: z.number() })),
  }),
  headers: z.array(z.object({ name: z.string(), value: z.string() })),
});
const idParams = z.strictObject({ id: z.uuid() });

/** 可疑邮件: mail that points at a ticket without proof of its sender (threading.ts), and the three ways out. */
export function registerQuarantineRoutes(app: AppServer, context: AppContext): void {
  const { database, config } = context;
  const rules = writeRulesOf(context);
  app.get('/api/v1/email-quarantine', {
    config: { permission },
    schema: {
      tags, summary: '可疑邮件列表 Quarantined mail',
      description: 'Newest first. `state` defaults to `pending` (waiting for a decision); `total` counts all of that state.',
      querystring: z.strictObject({ state: stateSchema.default('pending'), limit: z.coerce.number().int().min(1).max(200).default(50), offset: z.coerce.number().int().min(0).max(100_000).default(0) }),
      response: { 200: z.object({ items: z.array(itemSchema), total: z.number().int() }) },
    },
  }, async (request) => listQuarantine(database.db, request.query));

  app.get('/api/v1/email-quarantine/count', {
    config: { permission },
    schema: { tags, summary: '待处理可疑邮件数 Pending count', response: { 200: z.object({ pending: z.number().int() }) } },
  }, async () => ({ pending: await countPendingQuarantine(database.db) }));

  app.get('/api/v1/email-quarantine/:id', {
    config: { permission },
    schema: { tags, summary: '可疑邮件详情 A quarantined mail', description: 'Sanitised preview (text, and HTML made safe), selected headers, the sender authentication results and the ticket it points at.', params: idParams, response: { 200: detailSchema } },
  }, async (request) => getQuarantined(database.db, request.params.id));

  for (const [path, action, summary] of [
    ['attach', 'attach', '并入所指工单 Attach to the ticket it points at'],
    ['new-ticket', 'new_ticket', '转为新工单 Make it a new ticket'],
    ['reject', 'reject', '拒收 Reject'],
  ] as const) {
    app.post(`/api/v1/email-quarantine/:id/${path}`, {
      config: { permission },
      schema: {
        tags, summary,
        description: 'Audited (who, when). Only a pending mail can be decided: 409 `email.quarantine.already_decided` when someone else decided first. The raw mail is kept either way.',
        params: idParams,
        response: { 200: itemSchema },
      },
    }, async (request) => decideQuarantined(database, config, rules, actorOf(request), request.params.id, action));
  }
}
