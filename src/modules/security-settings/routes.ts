import { z } from 'zod';
import { ifMatchVersion } from '../../app/http/if-match.js';
import type { AppContext, AppServer } from '../../app/context.js';
import { actorOf } from '../../app/http/request-context.js';
import { getSecuritySettings, updateSecuritySettings } from './security-settings.js';

const tags = ['settings'];
const permission = 'admin.security' as const;

const settingsSchema = z
  .object({
    outboundAllow: z.array(z.string()).describe('Admin entries: IP addresses, CIDR ranges, host names that outbound connections (mailbox SMTP/IMAP) may reach although internal.'),
    outboundAllowFromConfig: z.array(z.string()).describe('Entries from OPENCSM_OUTBOUND_ALLOW (read-only here).'),
    version: z.number().int().describe('0 until first saved.'),
    updatedAt: z.date().nullable(),
  })
  .meta({ id: 'SecuritySettings' });

function versionFrom(header: string | undefined): number {
  return ifMatchVersion(header, 'security_settings.if_match_required');
}

/** 设置 › 安全 (Settings › Security): the outbound allowlist. */
export function registerSecuritySettingsRoutes(app: AppServer, { database, config }: AppContext): void {
  app.get('/api/v1/settings/security', {
    config: { permission },
    schema: { tags, summary: '安全设置 Security settings', response: { 200: settingsSchema } },
  }, async (_request, reply) => {
    const view = await getSecuritySettings(database.db, config);
    return reply.header('ETag', `"${view.version}"`).send(view);
  });

  app.put('/api/v1/settings/security', {
    config: { permission },
    schema: {
      tags, summary: '修改安全设置 Update security settings',
      description: 'Requires `If-Match: "<version>"` ("0" before the first save; 428 without, 412 when stale). Takes effect at once in every process.',
      headers: z.object({ 'if-match': z.string().optional() }),
      body: z.strictObject({ outboundAllow: z.array(z.string().trim().min(1).max(255)).max(200) }),
      response: { 200: settingsSchema },
    },
  }, async (request, reply) => {
    const view = await updateSecuritySettings(database, config, actorOf(request), versionFrom(request.headers['if-match']), request.body);
    return reply.header('ETag', `"${view.version}"`).send(view);
  });
}
