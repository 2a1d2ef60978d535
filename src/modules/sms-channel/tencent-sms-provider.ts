import { z } from 'zod';
import type { Clock } from '../../app/clock.js';
import { SmsSendFailed, vendorFailure } from './sms-errors.js';
import { checkPhoneE164, fetchSmsHttp, jsonOf, unreachable, type SmsHttp, type SmsProvider, type SmsReceipt, type SmsTemplateParams } from './sms-provider.js';
import { tc3Authorization, tc3Sign } from './tencent-signature.js';

/**
 * Tencent Cloud SMS (SendSms, API version 2021-01-11), signed with TC3-HMAC-SHA256
 * (tencent-signature.ts). Settings as the 短信 console shows them: a SecretId/SecretKey (CAM
 * user with QcloudSMSFullAccess or sms:SendSms), the SDK AppID of the 应用, the approved
 * signature (签名内容) and, per message, an approved template ID (模板 ID).
 */
export const tencentSmsSettingsSchema = z.object({
  secretId: z.string().min(1),
  secretKey: z.string().min(1),
  smsSdkAppId: z.string().regex(/^\d+$/),
  signName: z.string().min(1),
  region: z.string().min(1).default('ap-guangzhou'),
  endpoint: z.url({ protocol: /^https?$/ }).default('https://sms.tencentcloudapi.com/'),
  timeoutMs: z.number().int().min(100).max(60_000).default(10_000),
});
export type TencentSmsSettings = z.output<typeof tencentSmsSettingsSchema>;

export function createTencentSmsProvider(settings: TencentSmsSettings, deps: { clock: Clock; http?: SmsHttp }): SmsProvider {
  const http = deps.http ?? fetchSmsHttp;
  /** One TC3-signed call; a whole-request refusal (signature, credentials, throttling) comes as Response.Error. */
  async function call(action: string, body: Record<string, unknown>): Promise<TencentAnswer['Response']> {
    const url = new URL(settings.endpoint);
    const payload = JSON.stringify(body);
    const timestamp = Math.floor(deps.clock.now().getTime() / 1000);
    // The host as it will be sent (with the port on loopback); X-TC-Action is signed too,
    // as Tencent's current document recommends, so a captured request cannot be replayed as another action.
    const signedHeaders = { 'content-type': 'application/json; charset=utf-8', host: url.host, 'x-tc-action': action };
    const signed = tc3Sign({ method: 'POST', path: url.pathname, query: '', headers: signedHeaders, payload, service: 'sms', timestamp }, settings.secretKey);
    let response: { status: number; body: string };
    try {
      response = await http(url, {
        headers: {
          'content-type': signedHeaders['content-type'],
          'x-tc-action': action,
          'x-tc-version': '2021-01-11',
          'x-tc-timestamp': String(timestamp),
          'x-tc-region': settings.region,
          authorization: tc3Authorization(settings.secretId, signed),
        },
        body: payload,
        timeoutMs: settings.timeoutMs,
      });
    } catch (error) {
      throw unreachable('tencent', error);
    }
    const answer = tencentAnswer.safeParse(jsonOf(response.body));
    if (!answer.success) throw new SmsSendFailed(response.status >= 500 ? 'sms.vendor_unavailable' : 'sms.vendor_error', 'tencent', `HTTP ${response.status}`);
    const refused = answer.data.Response.Error;
    if (refused) throw vendorFailure('tencent', refused.Code, refused.Message);
    return answer.data.Response;
  }
  async function send(phoneE164: string, templateId: string, params: SmsTemplateParams): Promise<SmsReceipt> {
    const phone = checkPhoneE164(phoneE164, 'tencent');
    const answer = await call('SendSms', {
      PhoneNumberSet: [phone],
      SmsSdkAppId: settings.smsSdkAppId,
      SignName: settings.signName,
      TemplateId: templateId,
      TemplateParamSet: Object.values(params),
    });
    // A per-number refusal comes as that number's status Code.
    const status = answer.SendStatusSet?.[0];
    if (!status) throw new SmsSendFailed('sms.vendor_error', 'tencent', 'no SendStatusSet');
    if (status.Code !== 'Ok') throw vendorFailure('tencent', status.Code, status.Message);
    return { vendor: 'tencent', messageId: status.SerialNo };
  }
  async function checkAccount(): Promise<void> {
    // SmsPackagesStatistics is a free read that needs the key and an SDK AppID of this account.
    await call('SmsPackagesStatistics', { SmsSdkAppId: settings.smsSdkAppId, Limit: 1, Offset: 0 });
  }
  return { vendor: 'tencent', sendCode: send, sendNotification: send, checkAccount };
}

const tencentAnswer = z.object({
  Response: z.object({
    Error: z.object({ Code: z.string(), Message: z.string() }).optional(),
    SendStatusSet: z.array(z.object({ SerialNo: z.string(), PhoneNumber: z.string(), Code: z.string(), Message: z.string() })).optional(),
    RequestId: z.string().optional(),
  }),
});
type TencentAnswer = z.infer<typeof tencentAnswer>;
