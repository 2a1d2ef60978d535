import { z } from 'zod';

/**
 * A WeChat official account's settings (公众号 › 设置与开发 › 基本配置). `mode`: 明文模式 (plain) or
 * 安全模式 (safe, encrypted); 兼容模式 sends both and is read as safe. `apiBaseUrl` is the vendor's
 * API (a fake server on loopback in tests, allowlisted by the outbound guard).
 */
export const wechatSettingsSchema = z.strictObject({
  appId: z.string().trim().regex(/^wx[0-9a-zA-Z]{16}$/, 'AppID: wx + 16 characters'),
  appSecret: z.string().trim().regex(/^[0-9a-zA-Z]{16,64}$/),
  token: z.string().trim().regex(/^[0-9a-zA-Z]{3,32}$/, 'Token: 3–32 letters or digits'),
  encodingAesKey: z.string().trim().regex(/^[0-9a-zA-Z]{43}$/, 'EncodingAESKey: 43 letters or digits').optional(),
  mode: z.enum(['plain', 'safe']).default('plain'),
  apiBaseUrl: z.url({ protocol: /^https?$/ }).default('https://api.weixin.qq.com'),
}).refine((s) => s.mode === 'plain' || s.encodingAesKey !== undefined, { path: ['encodingAesKey'], message: 'required in safe mode' });

export type WechatSettings = z.infer<typeof wechatSettingsSchema>;
export const wechatSecretFields = ['appSecret', 'encodingAesKey'] as const;

export function wechatSettingsOf(settings: Record<string, unknown>): WechatSettings {
  return wechatSettingsSchema.parse(settings);
}
