import { z } from 'zod';

/**
 * A DingTalk account's settings (钉钉开发者后台 › 企业内部应用): the app's Client ID (AppKey) and
 * Client Secret (AppSecret) — the secret also signs the robot's callbacks —, the robot's
 * RobotCode (机器人 › RobotCode; for an app's own robot usually the AppKey), and the AgentId when
 * work notifications (工作通知) go to staff. DingTalk has two API hosts: the new-style
 * `api.dingtalk.com` (OAuth2 token, robot send, file download) and the old-style
 * `oapi.dingtalk.com` (gettoken, work notifications); both are overridable (a fake server on
 * loopback in tests, allowlisted by the outbound guard).
 */
export const dingtalkSettingsSchema = z.strictObject({
  appKey: z.string().trim().regex(/^[0-9a-zA-Z_-]{6,64}$/, 'AppKey: 6–64 letters, digits, - or _'),
  appSecret: z.string().trim().regex(/^[0-9a-zA-Z_-]{16,128}$/, 'AppSecret: 16–128 letters, digits, - or _'),
  robotCode: z.string().trim().regex(/^[0-9a-zA-Z_-]{6,64}$/, 'RobotCode: 6–64 letters, digits, - or _'),
  agentId: z.coerce.number().int().positive().optional(),
  apiBaseUrl: z.url({ protocol: /^https?$/ }).default('https://api.dingtalk.com'),
  oapiBaseUrl: z.url({ protocol: /^https?$/ }).default('https://oapi.dingtalk.com'),
});

export type DingtalkSettings = z.infer<typeof dingtalkSettingsSchema>;
export const dingtalkSecretFields = ['appSecret'] as const;

export function dingtalkSettingsOf(settings: Record<string, unknown>): DingtalkSettings {
  return dingtalkSettingsSchema.parse(settings);
}
