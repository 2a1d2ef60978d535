import { z } from 'zod';

/**
 * A WeChat official account's settings (公众号 › 设置与开发 › 基本配置). `mode`: 明文模式 (plain) or
 * 安全模式 (safe, encrypted); 兼容模式 sends both and is read as safe. `apiBaseUrl` is the vendor's
 * API (a fake server on loopback in tests, allowlisted by the outbound guard).
 */
/** A key of the template's content as its 详情 shows it (`{{thing2.DATA}}` → `thing2`). */
const templateKey = z.string().trim().regex(/^[A-Za-z][A-Za-z0-9_]{0,31}$/, 'template key: letters, digits and _ (thing2, character_string1, time3)');

/**
 * The 回复通知 template (模板消息, 公众号 › 广告与服务 › 模板消息): its 模板ID and which of its keys
 * carry the ticket number, a short summary of the reply and the reply's time. Outside the 48-hour
 * window an agent can send a reply as this template; its link opens the ticket on the portal.
 */
export const replyTemplateSchema = z
  .strictObject({
    templateId: z.string().trim().regex(/^[0-9A-Za-z_-]{10,64}$/, '模板ID: 10–64 letters, digits, - or _'),
    numberKey: templateKey,
    summaryKey: templateKey,
    timeKey: templateKey,
  })
  .refine((t) => new Set([t.numberKey, t.summaryKey, t.timeKey]).size === 3, { path: ['timeKey'], message: 'each key carries one value' });

export type ReplyTemplate = z.infer<typeof replyTemplateSchema>;

export const wechatSettingsSchema = z.strictObject({
  appId: z.string().trim().regex(/^wx[0-9a-zA-Z]{16}$/, 'AppID: wx + 16 characters'),
  appSecret: z.string().trim().regex(/^[0-9a-zA-Z]{16,64}$/),
  token: z.string().trim().regex(/^[0-9a-zA-Z]{3,32}$/, 'Token: 3–32 letters or digits'),
  encodingAesKey: z.string().trim().regex(/^[0-9a-zA-Z]{43}$/, 'EncodingAESKey: 43 letters or digits').optional(),
  mode: z.enum(['plain', 'safe']).default('plain'),
  apiBaseUrl: z.url({ protocol: /^https?$/ }).default('https://api.weixin.qq.com'),
  /** Optional; `null` removes it. */
  replyTemplate: replyTemplateSchema.nullable().optional(),
}).refine((s) => s.mode === 'plain' || s.encodingAesKey !== undefined, { path: ['encodingAesKey'], message: 'required in safe mode' });

export type WechatSettings = z.infer<typeof wechatSettingsSchema>;
export const wechatSecretFields = ['appSecret', 'encodingAesKey'] as const;

export function wechatSettingsOf(settings: Record<string, unknown>): WechatSettings {
  return wechatSettingsSchema.parse(settings);
}
