import { z } from 'zod';

/**
 * A WeCom account's settings (企业微信管理后台): the corp (我的企业 › 企业ID), the 微信客服 app's
 * Secret and its callback Token / EncodingAESKey (WeCom always encrypts), which kf accounts
 * (open_kfid) this account takes (none listed: any), and optionally the self-built app (自建应用)
 * whose AgentId and Secret send notifications to staff. `apiBaseUrl` is the vendor's API (a fake
 * server on loopback in tests, allowlisted by the outbound guard).
 */
export const wecomSettingsSchema = z
  .strictObject({
    corpId: z.string().trim().regex(/^w[wx][0-9a-zA-Z]{16}$/, 'CorpID: ww + 16 characters'),
    kfSecret: z.string().trim().regex(/^[0-9a-zA-Z_-]{16,64}$/),
    token: z.string().trim().regex(/^[0-9a-zA-Z]{3,32}$/, 'Token: 3–32 letters or digits'),
    encodingAesKey: z.string().trim().regex(/^[0-9a-zA-Z]{43}$/, 'EncodingAESKey: 43 letters or digits'),
    openKfIds: z.array(z.string().trim().regex(/^[0-9a-zA-Z_-]{1,64}$/)).max(100).default([]),
    agentId: z.coerce.number().int().positive().optional(),
    agentSecret: z.string().trim().regex(/^[0-9a-zA-Z_-]{16,64}$/).optional(),
    apiBaseUrl: z.url({ protocol: /^https?$/ }).default('https://qyapi.weixin.qq.com'),
  })
  .refine((s) => (s.agentId === undefined) === (s.agentSecret === undefined), { path: ['agentSecret'], message: 'AgentId and its Secret go together' });

export type WecomSettings = z.infer<typeof wecomSettingsSchema>;
export const wecomSecretFields = ['kfSecret', 'encodingAesKey', 'agentSecret'] as const;

export function wecomSettingsOf(settings: Record<string, unknown>): WecomSettings {
  return wecomSettingsSchema.parse(settings);
}

/** Whether this account takes the kf account `openKfId` (an empty list takes every one). */
export function takesKfAccount(settings: WecomSettings, openKfId: string): boolean {
  return settings.openKfIds.length === 0 || settings.openKfIds.includes(openKfId);
}
