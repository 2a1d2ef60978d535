import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Clock } from '../../app/clock.js';
import { aliyunRpcSignature } from './aliyun-signature.js';
import { SmsSendFailed, vendorFailure } from './sms-errors.js';
import { checkPhoneE164, fetchSmsHttp, jsonOf, unreachable, type SmsHttp, type SmsProvider, type SmsReceipt, type SmsTemplateParams } from './sms-provider.js';

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

export function createAliyunSmsProvider(settings: AliyunSmsSettings, deps: { clock: Clock; nonce?: () => string; http?: SmsHttp }): SmsProvider {
  const nonce = deps.nonce ?? randomUUID;
  const http = deps.http ?? fetchSmsHttp;
  /** One signed RPC call (the common parameters, then the action's own); refusals thrown as SmsSendFailed. */
  async function call(action: string, own: Record<string, string>): Promise<AliyunAnswer> {
    const request: Record<string, string> = {
      AccessKeyId: settings.accessKeyId,
      Action: action,
      Format: 'JSON',
      RegionId: settings.regionId,
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: nonce(),
      SignatureVersion: '1.0',
      // ISO 8601 in UTC without fractions, as the example in Alibaba's document.
      Timestamp: deps.clock.now().toISOString().replace(/\.\d{3}Z$/, 'Z'),
      Version: '2017-05-25',
      ...own,
    };
    const body = new URLSearchParams({ ...request, Signature: aliyunRpcSignature('POST', request, settings.accessKeySecret) }).toString();
    let response: { status: number; body: string };
    try {
      response = await http(new URL(settings.endpoint), { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body, timeoutMs: settings.timeoutMs });
    } catch (error) {
      throw unreachable('aliyun', error);
    }
    const answer = aliyunAnswer.safeParse(jsonOf(response.body));
    // Alibaba answers refusals as JSON with a Code, whatever the HTTP status (400 for a bad signature).
    if (!answer.success) throw new SmsSendFailed(response.status >= 500 ? 'sms.vendor_unavailable' : 'sms.vendor_error', 'aliyun', `HTTP ${response.status}`);
    if (answer.data.Code !== 'OK') throw vendorFailure('aliyun', answer.data.Code, answer.data.Message ?? '');
    return answer.data;
  }
  async function send(phoneE164: string, templateId: string, params: SmsTemplateParams): Promise<SmsReceipt> {
    const phone = checkPhoneE164(phoneE164, 'aliyun');
    const answer = await call('SendSms', {
      PhoneNumbers: aliyunPhoneNumber(phone),
      SignName: settings.signName,
      TemplateCode: templateId,
      ...(Object.keys(params).length > 0 ? { TemplateParam: JSON.stringify(params) } : {}),
    });
    return { vendor: 'aliyun', messageId: answer.BizId ?? answer.RequestId ?? '' };
  }
  async function checkAccount(): Promise<void> {
    // QuerySmsSign is free and reads the signature (签名) itself: the key works and the 签名 is approved (SignStatus 1).
    const answer = await call('QuerySmsSign', { SignName: settings.signName });
    if (answer.SignStatus !== 1) throw new SmsSendFailed('sms.sign_name_invalid', 'aliyun', `SignStatus ${answer.SignStatus ?? '?'}`, answer.Reason ?? '');
  }
  return { vendor: 'aliyun', sendCode: send, sendNotification: send, checkAccount };
}

const aliyunAnswer = z.object({
  Code: z.string(),
  Message: z.string().optional(),
  BizId: z.string().optional(),
  RequestId: z.string().optional(),
  /** QuerySmsSign: 0 审核中, 1 审核通过, 2 审核失败. */
  SignStatus: z.number().optional(),
  Reason: z.string().optional(),
});
type AliyunAnswer = z.infer<typeof aliyunAnswer>;

/**
 * Alibaba wants mainland numbers as 11 digits (a +86 prefix is tolerated but not documented for
 * every account type) and others as country code + number without "+" (国际/港澳台: 852…).
 */
export function aliyunPhoneNumber(phoneE164: string): string {
  return phoneE164.startsWith('+86') ? phoneE164.slice(3) : phoneE164.slice(1);
}
