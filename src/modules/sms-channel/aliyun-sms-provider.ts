import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Clock } from '../../app/clock.js';
import { aliyunRpcSignature } from './aliyun-signature.js';
import { SmsSendFailed, vendorFailure } from './sms-errors.js';
import { checkPhoneE164, unreachable, type SmsProvider, type SmsReceipt, type SmsTemplateParams } from './sms-provider.js';

/**
 * Alibaba Cloud SMS (dysmsapi 2017-05-25, SendSms) over its RPC API, signed with the V1
 * HMAC-SHA1 signature (aliyun-signature.ts). The account settings are what the 短信服务 console
 * shows: an AccessKey pair (RAM user with AliyunDysmsFullAccess or SendSms only), the approved
 * signature name (签名) and, per message, an approved template code (模板 CODE, SMS_…).
 */
export const aliyunSmsSettingsSchema = z.object({
  accessKeyId: z.string().min(1),
  accessKeySecret: z.string().min(1),
  signName: z.string().min(1),
  /** The API address; tests point it at a fake server on loopback. */
  endpoint: z.url({ protocol: /^https?$/ }).default('https://dysmsapi.aliyuncs.com/'),
  regionId: z.string().min(1).default('cn-hangzhou'),
  timeoutMs: z.number().int().min(100).max(60_000).default(10_000),
});
export type AliyunSmsSettings = z.output<typeof aliyunSmsSettingsSchema>;

export function createAliyunSmsProvider(settings: AliyunSmsSettings, deps: { clock: Clock; nonce?: () => string }): SmsProvider {
  const nonce = deps.nonce ?? randomUUID;
  async function send(phoneE164: string, templateId: string, params: SmsTemplateParams): Promise<SmsReceipt> {
    const phone = checkPhoneE164(phoneE164, 'aliyun');
    const request: Record<string, string> = {
      AccessKeyId: settings.accessKeyId,
      Action: 'SendSms',
      Format: 'JSON',
      PhoneNumbers: aliyunPhoneNumber(phone),
      RegionId: settings.regionId,
      SignName: settings.signName,
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: nonce(),
      SignatureVersion: '1.0',
      TemplateCode: templateId,
      // ISO 8601 in UTC without fractions, as the example in Alibaba's document.
      Timestamp: deps.clock.now().toISOString().replace(/\.\d{3}Z$/, 'Z'),
      Version: '2017-05-25',
      ...(Object.keys(params).length > 0 ? { TemplateParam: JSON.stringify(params) } : {}),
    };
    const body = new URLSearchParams({ ...request, Signature: aliyunRpcSignature('POST', request, settings.accessKeySecret) });
    let response: Response;
    try {
      response = await fetch(settings.endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body,
        signal: AbortSignal.timeout(settings.timeoutMs),
      });
    } catch (error) {
      throw unreachable('aliyun', error);
    }
    const answer = aliyunAnswer.safeParse(await response.json().catch(() => undefined));
    // Alibaba answers refusals as JSON with a Code, whatever the HTTP status (400 for a bad signature).
    if (!answer.success) throw new SmsSendFailed(response.status >= 500 ? 'sms.vendor_unavailable' : 'sms.vendor_error', 'aliyun', `HTTP ${response.status}`);
    if (answer.data.Code !== 'OK') throw vendorFailure('aliyun', answer.data.Code, answer.data.Message ?? '');
    return { vendor: 'aliyun', messageId: answer.data.BizId ?? answer.data.RequestId ?? '' };
  }
  return { vendor: 'aliyun', sendCode: send, sendNotification: send };
}

const aliyunAnswer = z.object({ Code: z.string(), Message: z.string().optional(), BizId: z.string().optional(), RequestId: z.string().optional() });

/**
 * Alibaba wants mainland numbers as 11 digits (a +86 prefix is tolerated but not documented for
 * every account type) and others as country code + number without "+" (国际/港澳台: 852…).
 */
export function aliyunPhoneNumber(phoneE164: string): string {
  return phoneE164.startsWith('+86') ? phoneE164.slice(3) : phoneE164.slice(1);
}
