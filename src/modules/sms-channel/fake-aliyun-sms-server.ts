import type { Clock } from '../../app/clock.js';
import { aliyunRpcSignature } from './aliyun-signature.js';
import { listenOnLoopback, type FakeSmsServer } from './fake-server-kit.js';

/**
 * Test helper: Alibaba Cloud SMS' SendSms (dysmsapi RPC, GET or POST form) on loopback. Each
 * request is checked like Alibaba checks it — the AccessKeyId exists, the V1 signature computed
 * with the same published algorithm matches, the Timestamp is within 15 minutes, the
 * SignatureNonce was not used before — and accepted messages are recorded. QuerySmsSign (the
 * free read a "test connection" makes) answers the 签名's status. `refuseNext` answers
 * the next send with a vendor error code (isv.BUSINESS_LIMIT_CONTROL…); `stall` stops answering.
 * Refusals use Alibaba's codes and HTTP statuses.
 */
export type AliyunSentSms = { phoneNumbers: string; signName: string; templateCode: string; templateParam: unknown; outId?: string };

export type FakeAliyunSmsServer = FakeSmsServer<AliyunSentSms>;

/** `approvedSignNames`: the 签名 QuerySmsSign reports approved (SignStatus 1); others are 2 (审核失败). Unset: every one. */
export async function startFakeAliyunSmsServer(options: { accessKeyId: string; accessKeySecret: string; clock: Clock; approvedSignNames?: string[] }): Promise<FakeAliyunSmsServer> {
  const sent: AliyunSentSms[] = [];
  const answers: string[] = [];
  const refusals: Array<{ code: string; message: string }> = [];
  const nonces = new Set<string>();
  const state = { stall: false };

  function answer(status: number, body: { Code: string; Message: string; BizId?: string; SignName?: string; SignStatus?: number }) {
    answers.push(body.Code);
    return { status, body: { RequestId: `fake-${answers.length}`, ...body } };
  }

  const server = await listenOnLoopback(async (request, raw) => {
    if (state.stall) return 'never';
    const url = new URL(request.url ?? '/', 'http://fake');
    const method = request.method === 'POST' ? 'POST' : 'GET';
    const params = Object.fromEntries(method === 'POST' ? new URLSearchParams(raw) : url.searchParams);
    if (params.AccessKeyId !== options.accessKeyId) return answer(404, { Code: 'InvalidAccessKeyId.NotFound', Message: 'Specified access key is not found.' });
    if (params.SignatureMethod !== 'HMAC-SHA1' || params.SignatureVersion !== '1.0') return answer(400, { Code: 'IncompleteSignature', Message: 'The request signature does not conform to Aliyun standards.' });
    if (params.Signature !== aliyunRpcSignature(method, params, options.accessKeySecret)) {
      return answer(400, { Code: 'SignatureDoesNotMatch', Message: 'Specified signature is not matched with our calculation.' });
    }
    const timestamp = Date.parse(params.Timestamp ?? '');
    if (Number.isNaN(timestamp) || Math.abs(options.clock.now().getTime() - timestamp) > 15 * 60_000) {
      return answer(400, { Code: 'InvalidTimeStamp.Expired', Message: 'Specified time stamp or date value is expired.' });
    }
    const nonce = params.SignatureNonce ?? '';
    if (nonces.has(nonce)) return answer(400, { Code: 'SignatureNonceUsed', Message: 'Specified signature nonce was used already.' });
    nonces.add(nonce);
    if (params.Action === 'QuerySmsSign' && params.Version === '2017-05-25') {
      const approved = options.approvedSignNames?.includes(params.SignName ?? '') ?? true;
      return answer(200, { Code: 'OK', Message: 'OK', SignName: params.SignName ?? '', SignStatus: approved ? 1 : 2 });
    }
    if (params.Action !== 'SendSms' || params.Version !== '2017-05-25') return answer(400, { Code: 'InvalidAction.NotFound', Message: 'Specified api is not found.' });
    let templateParam: unknown;
    try {
      templateParam = params.TemplateParam === undefined ? undefined : JSON.parse(params.TemplateParam);
    } catch {
      return answer(200, { Code: 'isv.INVALID_JSON_PARAM', Message: 'JSON参数不合法，只接受字符串值' });
    }
    const refusal = refusals.shift();
    if (refusal) return answer(200, { Code: refusal.code, Message: refusal.message });
    sent.push({
      phoneNumbers: params.PhoneNumbers ?? '',
      signName: params.SignName ?? '',
      templateCode: params.TemplateCode ?? '',
      templateParam,
      ...(params.OutId === undefined ? {} : { outId: params.OutId }),
    });
    return answer(200, { Code: 'OK', Message: 'OK', BizId: `${900619746936498440 + sent.length}^0` });
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
