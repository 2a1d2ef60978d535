import { z } from 'zod';
import type { Clock } from '../../app/clock.js';
import { SmsSendFailed, vendorFailure } from './sms-errors.js';
import { checkPhoneE164, unreachable, type SmsProvider, type SmsReceipt, type SmsTemplateParams } from './sms-provider.js';
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

export function createTencentSmsProvider(settings: TencentSmsSettings, deps: { clock: Clock }): SmsProvider {
  async function send(phoneE164: string, templateId: string, params: SmsTemplateParams): Promise<SmsReceipt> {
    const phone = checkPhoneE164(phoneE164, 'tencent');
    const url = new URL(settings.endpoint);
    const payload = JSON.stringify({
      PhoneNumberSet: [phone],
      SmsSdkAppId: settings.smsSdkAppId,
      SignName: settings.signName,
      TemplateId: templateId,
      TemplateParamSet: Object.values(params),
    });
    const timestamp = Math.floor(deps.clock.now().getTime() / 1000);
    // The host as fetch will send it (with the port on loopback); X-TC-Action is signed too,
    // as Tencent's current document recommends, so a captured request cannot be replayed as another action.
    const signedHeaders = { 'content-type': 'application/json; charset=utf-8', host: url.host, 'x-tc-action': 'SendSms' };
    const signed = tc3Sign({ method: 'POST', path: url.pathname, query: '', headers: signedHeaders, payload, service: 'sms', timestamp }, settings.secretKey);
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': signedHeaders['content-type'],
          'x-tc-action': signedHeaders['x-tc-action'],
          'x-tc-version': '2021-01-11',
          'x-tc-timestamp': String(timestamp),
          'x-tc-region': settings.region,
          authorization: tc3Authorization(settings.secretId, signed),
        },
        body: payload,
        signal: AbortSignal.timeout(settings.timeoutMs),
      });
    } catch (error) {
      throw unreachable('tencent', error);
    }
    const answer = tencentAnswer.safeParse(await response.json().catch(() => undefined));
    if (!answer.success) throw new SmsSendFailed(response.status >= 500 ? 'sms.vendor_unavailable' : 'sms.vendor_error', 'tencent', `HTTP ${response.status}`);
    const { Error: refused, SendStatusSet: statuses } = answer.data.Response;
    // A whole-request refusal (signature, credentials, throttling) comes as Response.Error;
    // a per-number one as that number's status Code.
    if (refused) throw vendorFailure('tencent', refused.Code, refused.Message);
    const status = statuses?.[0];
    if (!status) throw new SmsSendFailed('sms.vendor_error', 'tencent', 'no SendStatusSet');
    if (status.Code !== 'Ok') throw vendorFailure('tencent', status.Code, status.Message);
    return { vendor: 'tencent', messageId: status.SerialNo };
  }
  return { vendor: 'tencent', sendCode: send, sendNotification: send };
}

const tencentAnswer = z.object({
  Response: z.object({
    Error: z.object({ Code: z.string(), Message: z.string() }).optional(),
    SendStatusSet: z.array(z.object({ SerialNo: z.string(), PhoneNumber: z.string(), Code: z.string(), Message: z.string() })).optional(),
    RequestId: z.string().optional(),
  }),
});
