import { z } from 'zod';

/**
 * An SMS account's settings (设置 › 渠道 › 短信), per provider, as the vendor's console names them.
 * Alibaba Cloud 短信服务: an AccessKey pair of a RAM user, the approved 签名 and template CODEs
 * (SMS_…); the region is cn-hangzhou for the mainland API. Tencent Cloud 短信: a SecretId/SecretKey
 * of a CAM user, the 应用's SDK AppID, the approved 签名 and template IDs (digits); the region
 * is the API's (ap-guangzhou). The sign-in code template takes the code (Alibaba `${code}`,
 * Tencent `{1}`); the notification template the ticket number and the portal link (Alibaba
 * `${number}` `${link}`, Tencent `{1}` `{2}`); without it, no notifications. The NPS survey template
 * holds the question and takes the signed survey link (Alibaba `${link}`, Tencent `{1}`); without
 * it, NPS invitations for mobile-only customers go to the portal (docs/channels-sms.md). `apiBaseUrl` is the
 * vendor's API (a fake server on loopback in tests, which the outbound guard must allow).
 * Not strict: switching provider leaves the other provider's stored keys behind, and parsing drops them.
 */
const signName = z.string().trim().min(1).max(30);
const timeoutMs = z.number().int().min(100).max(60_000).default(10_000);

export const aliyunAccountSettings = z.object({
  provider: z.literal('aliyun'),
  accessKeyId: z.string().trim().regex(/^[0-9A-Za-z]{8,64}$/, 'AccessKey ID: 8–64 letters or digits'),
  accessKeySecret: z.string().trim().min(8).max(128),
  signName,
  regionId: z.string().trim().min(1).max(40).default('cn-hangzhou'),
  loginTemplateId: z.string().trim().regex(/^SMS_\d+$/, 'template CODE: SMS_ followed by digits'),
  notifyTemplateId: z.string().trim().regex(/^SMS_\d+$/, 'template CODE: SMS_ followed by digits').optional(),
  surveyTemplateId: z.string().trim().regex(/^SMS_\d+$/, 'template CODE: SMS_ followed by digits').optional(),
  apiBaseUrl: z.url({ protocol: /^https?$/ }).default('https://dysmsapi.aliyuncs.com/'),
  timeoutMs,
});

export const tencentAccountSettings = z.object({
  provider: z.literal('tencent'),
  secretId: z.string().trim().regex(/^[0-9A-Za-z]{8,64}$/, 'SecretId: 8–64 letters or digits'),
  secretKey: z.string().trim().min(8).max(128),
  smsSdkAppId: z.string().trim().regex(/^\d{6,20}$/, 'SDK AppID: digits (1400…)'),
  signName,
  region: z.string().trim().min(1).max(40).default('ap-guangzhou'),
  loginTemplateId: z.string().trim().regex(/^\d{1,20}$/, 'template ID: digits'),
  notifyTemplateId: z.string().trim().regex(/^\d{1,20}$/, 'template ID: digits').optional(),
  surveyTemplateId: z.string().trim().regex(/^\d{1,20}$/, 'template ID: digits').optional(),
  apiBaseUrl: z.url({ protocol: /^https?$/ }).default('https://sms.tencentcloudapi.com/'),
  timeoutMs,
});

export const smsAccountSettingsSchema = z.discriminatedUnion('provider', [aliyunAccountSettings, tencentAccountSettings]);
export type SmsAccountSettings = z.output<typeof smsAccountSettingsSchema>;

/** Sealed at rest by the platform key service and never returned (`secretsSet`). */
export const smsSecretFields = ['accessKeySecret', 'secretKey'] as const;

export function smsSettingsOf(settings: Record<string, unknown>): SmsAccountSettings {
  return smsAccountSettingsSchema.parse(settings);
}

/**
 * The template parameters: Alibaba reads them by name; Tencent by position, in this order
 * (sms-provider.ts), so one object serves both.
 */
export function codeParams(code: string): Record<string, string> {
  return { code };
}

export function noticeParams(number: string, link: string): Record<string, string> {
  return { number, link };
}

/** The NPS invitation's one parameter: the signed survey link (the question is the template's own text). */
export function surveyParams(link: string): Record<string, string> {
  return { link };
}
