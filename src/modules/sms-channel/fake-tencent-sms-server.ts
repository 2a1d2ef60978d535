import { z } from 'zod';
import type { Clock } from '../../app/clock.js';
import { listenOnLoopback, type FakeSmsServer } from './fake-server-kit.js';
import { parseTc3Authorization, tc3Sign } from './tencent-signature.js';

/**
 * Test helper: Tencent Cloud SMS' SendSms (API 2021-01-11) on loopback. Each request is checked
 * like Tencent checks it — the SecretId exists, content-type and host are among the signed
 * headers, the TC3-HMAC-SHA256 signature recomputed from the request's own headers and body with
 * the same published algorithm matches, the timestamp is within 5 minutes and its date is the
 * credential's — and accepted messages are recorded. Tencent answers HTTP 200 either way, with
 * Response.Error for a refused request and a Code per number in SendStatusSet; `refuseNext` sets
 * the next number's Code (LimitExceeded.PhoneNumberDailyLimit…), `stall` stops answering.
 * SmsPackagesStatistics (the free read a "test connection" makes) answers an empty set.
 */
export type TencentSentSms = { phoneNumberSet: string[]; smsSdkAppId: string; signName: string; templateId: string; templateParamSet: string[] };

export type FakeTencentSmsServer = FakeSmsServer<TencentSentSms>;

/** `smsSdkAppIds`: the 应用 of this account (another is UnauthorizedOperation.SmsSdkAppIdVerifyFail); unset: any. */
export async function startFakeTencentSmsServer(options: { secretId: string; secretKey: string; clock: Clock; smsSdkAppIds?: string[] }): Promise<FakeTencentSmsServer> {
  const sent: TencentSentSms[] = [];
  const answers: string[] = [];
  const refusals: Array<{ code: string; message: string }> = [];
  const state = { stall: false };

  function error(code: string, message: string) {
    answers.push(code);
    return { status: 200, body: { Response: { Error: { Code: code, Message: message }, RequestId: `fake-${answers.length}` } } };
  }

  const server = await listenOnLoopback(async (request, raw) => {
    if (state.stall) return 'never';
    const header = (name: string) => {
      const value = request.headers[name];
      return Array.isArray(value) ? value.join(',') : (value ?? '');
    };
    const authorization = parseTc3Authorization(header('authorization'));
    if (!authorization) return error('AuthFailure.InvalidAuthorization', 'Authorization is not valid.');
    if (authorization.secretId !== options.secretId) return error('AuthFailure.SecretIdNotFound', 'The SecretId is not found.');
    if (!authorization.signedHeaders.includes('content-type') || !authorization.signedHeaders.includes('host')) {
      return error('AuthFailure.InvalidAuthorization', 'SignedHeaders must contain content-type and host.');
    }
    const timestamp = Number(header('x-tc-timestamp'));
    if (!Number.isInteger(timestamp) || Math.abs(options.clock.now().getTime() / 1000 - timestamp) > 300) {
      return error('AuthFailure.SignatureExpire', 'Signature expired.');
    }
    const url = new URL(request.url ?? '/', 'http://fake');
    const signed = tc3Sign(
      {
        method: request.method === 'GET' ? 'GET' : 'POST',
        path: url.pathname,
        query: url.search.slice(1),
        headers: Object.fromEntries(authorization.signedHeaders.map((name) => [name, header(name)])),
        payload: raw,
        service: 'sms',
        timestamp,
      },
      options.secretKey,
    );
    if (signed.credentialScope !== authorization.credentialScope || signed.signature !== authorization.signature) {
      return error('AuthFailure.SignatureFailure', 'The provided credentials could not be validated.');
    }
    const action = header('x-tc-action');
    if (!['SendSms', 'SmsPackagesStatistics'].includes(action) || header('x-tc-version') !== '2021-01-11') return error('InvalidAction', 'The action is not valid.');
    if (header('x-tc-region') === '') return error('MissingParameter', 'X-TC-Region is required.');
    const appId = sdkAppIdOf(raw);
    if (options.smsSdkAppIds && !options.smsSdkAppIds.includes(appId)) return error('UnauthorizedOperation.SmsSdkAppIdVerifyFail', 'SmsSdkAppId verify failed.');
    if (action === 'SmsPackagesStatistics') {
      answers.push('Ok');
      return { status: 200, body: { Response: { SmsPackagesStatisticsSet: [], RequestId: `fake-${answers.length}` } } };
    }
    const sms = parseSendSms(raw);
    if (!sms) return error('InvalidParameter', 'The request body is not a SendSms request.');
    const refusal = refusals.shift();
    const phone = sms.phoneNumberSet[0] ?? '';
    const code = refusal?.code ?? 'Ok';
    answers.push(code);
    if (!refusal) sent.push(sms);
    return {
      status: 200,
      body: {
        Response: {
          SendStatusSet: [
            { SerialNo: refusal ? '' : `2028:${sent.length}`, PhoneNumber: phone, Fee: refusal ? 0 : 1, SessionContext: '', Code: code, Message: refusal?.message ?? 'send success', IsoCode: 'CN' },
          ],
          RequestId: `fake-${answers.length}`,
        },
      },
    };
  });

  return {
    endpoint: server.url,
    sent,
    answers,
    refuseNext: (code, message = code) => void refusals.push({ code, message }),
    get stall() {
      return state.stall;
    },
    set stall(value: boolean) {
      state.stall = value;
    },
    close: server.close,
  };
}

const sendSmsBody = z.object({
  PhoneNumberSet: z.array(z.string()).min(1),
  SmsSdkAppId: z.string(),
  SignName: z.string(),
  TemplateId: z.string(),
  TemplateParamSet: z.array(z.string()).default([]),
});

function sdkAppIdOf(raw: string): string {
  try {
    const body: unknown = JSON.parse(raw);
    return typeof body === 'object' && body !== null && 'SmsSdkAppId' in body ? String(body.SmsSdkAppId) : '';
  } catch {
    return '';
  }
}

function parseSendSms(raw: string): TencentSentSms | undefined {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return undefined;
  }
  const parsed = sendSmsBody.safeParse(json);
  if (!parsed.success) return undefined;
  const { PhoneNumberSet, SmsSdkAppId, SignName, TemplateId, TemplateParamSet } = parsed.data;
  return { phoneNumberSet: PhoneNumberSet, smsSdkAppId: SmsSdkAppId, signName: SignName, templateId: TemplateId, templateParamSet: TemplateParamSet };
}
