import { z } from 'zod';
import type { AppContext, AppServer } from '../../app/context.js';
import { listLocalSmsMessages } from './sms-sends.js';

const localMessageSchema = z.object({
  id: z.uuid(),
  purpose: z.enum(['code', 'notification']),
  phone: z.string().describe('E.164, e.g. +8613800138000.'),
  status: z.enum(['sandbox', 'dev']).describe('sandbox: a 沙箱 account recorded it; dev: the development provider (OPENCSM_SMS_DEV_CODES).'),
  accountId: z.uuid().nullable(),
  templateId: z.string().nullable(),
  params: z.record(z.string(), z.string()).describe('The template parameters: `code` for a sign-in code, `number` and `link` for a notice, `link` for an NPS survey.'),
  createdAt: z.date(),
});

/** 设置 › 渠道 › 短信: the messages that never left the server, so a trainer can read a code. */
export function registerSmsAdminRoutes(app: AppServer, { database }: AppContext): void {
  app.get('/api/v1/channels/sms/sandbox-messages', {
    config: { permission: 'channels.manage' },
    schema: {
      tags: ['channels'],
      summary: '沙箱短信 Recent sandbox SMS',
      description: 'The latest SMS a sandbox account or the development provider recorded instead of sending (codes included), newest first. Real sends are not listed: their codes are not kept.',
      querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
      response: { 200: z.object({ items: z.array(localMessageSchema) }) },
    },
  }, async (request) => {
    const rows = await listLocalSmsMessages(database.db, request.query.limit);
    return {
      items: rows.map((row) => ({
        id: row.id,
        purpose: row.purpose,
        phone: row.phoneE164,
        status: row.status === 'dev' ? ('dev' as const) : ('sandbox' as const),
        accountId: row.accountId,
        templateId: row.templateId,
        params: row.params ?? {},
        createdAt: row.createdAt,
      })),
    };
  });
}
