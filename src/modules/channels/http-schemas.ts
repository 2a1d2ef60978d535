import { z } from 'zod';
import { ifMatchVersion, optionalIfMatchVersion } from '../../app/http/if-match.js';

/** HTTP shapes of the channel account API. Secrets go in (inside `settings`), never out (`secretsSet`). */
export const kindParams = z.object({ kind: z.string().min(1).max(40) });
export const accountParams = z.object({ kind: z.string().min(1).max(40), id: z.uuid() });
export const callbackParams = z.object({ kind: z.string().min(1).max(40), accountId: z.uuid() });

export const createAccountBody = z.strictObject({
  name: z.string().trim().min(1).max(100).describe('Shown to agents, e.g. 某某公司服务号.'),
  enabled: z.boolean().optional(),
  sandbox: z.boolean().optional().describe('沙箱: replies are recorded locally instead of sent to the vendor.'),
  settings: z.record(z.string(), z.unknown()).describe("The channel's settings (WeChat: appId, appSecret, token, encodingAesKey, mode, apiBaseUrl). Secret fields are stored encrypted and never returned."),
});
export const updateAccountBody = createAccountBody.partial().describe('A secret left out (or empty) keeps the stored one.');

export const accountSchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  name: z.string(),
  enabled: z.boolean(),
  sandbox: z.boolean(),
  settings: z.record(z.string(), z.unknown()),
  secretsSet: z.array(z.string()).describe('Which secret settings are stored (their values are never returned).'),
  callbackPath: z.string().describe('Path the vendor calls back (prefix the public URL).'),
  lastMessageAt: z.date().nullable(),
  lastError: z.string().nullable(),
  lastErrorAt: z.date().nullable(),
  version: z.number().int(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

export const channelKindSchema = z.object({
  kind: z.string(),
  labels: z.object({ 'zh-CN': z.string(), en: z.string() }),
  identityKinds: z.array(z.string()),
  secretFields: z.array(z.string()),
  limits: z.object({ replyWindowHours: z.number().optional(), messagesPerWindow: z.number().optional() }),
});

export const healthSchema = z.object({ ok: z.boolean(), reason: z.string().nullable(), detail: z.string().nullable() });

export const ifMatchHeaders = z.object({ 'if-match': z.string().optional() });

export function accountVersionFrom(header: string | undefined, required: boolean): number | undefined {
  return required ? ifMatchVersion(header, 'channel.if_match_required', 'channel.if_match_invalid') : optionalIfMatchVersion(header, 'channel.if_match_invalid');
}
