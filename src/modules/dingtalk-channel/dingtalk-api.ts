import type { Clock } from '../../app/clock.js';
import type { Config } from '../../app/config.js';
import type { Database } from '../../db/database.js';
import { accessToken, channelSecrets, derivedTokenKey, multipartFile, pinnedVendorRequest, vendorPin, vendorRequest, type FreshToken, type UploadFile, type VendorResponse } from '../channels/index.js';
import type { DingtalkSettings } from './dingtalk-settings.js';

/**
 * DingTalk said no: the new-style API answers an HTTP error with `{code, message}` (code a word such
 * as `InvalidAuthentication`), the old-style one HTTP 200 with `{errcode, errmsg}`; both end here.
 */
export class DingtalkApiError extends Error {
  constructor(readonly code: string, readonly detail: string, readonly httpStatus: number) {
    super(`DingTalk API error ${code}: ${detail}`);
    this.name = 'DingtalkApiError';
  }
  /** Worth trying again later (5xx, throttling, system busy) rather than reporting as final. */
  get transient(): boolean {
    // 130101: a custom robot sent more than 20 a minute (another sender on the same robot); DingTalk pauses it for a while.
    return this.httpStatus >= 500 || this.httpStatus === 429 || this.code === '-1' || this.code === '130101' || /throttl|qpslimit|flowcontrol|serviceunavailable/i.test(this.code);
  }
  /** The token was refused: evict it and try once with a new one. */
  get tokenRefused(): boolean {
    return this.code === 'InvalidAuthentication' || this.code === '40014' || this.code === '42001' || this.code === '88';
  }
}

export type DownloadedFile = { content: Buffer; contentType: string };
/** A robot message as the robot API takes it: a message template key and its parameters (msgParam is a JSON string). */
export type RobotApiMessage = { msgKey: string; msgParam: Record<string, unknown> };

type Deps = { database: Database; config: Config; clock: Clock };

export function dingtalkUrl(base: string, path: string, query: Record<string, string> = {}): URL {
  const url = new URL(`${base.replace(/\/+$/, '')}${path}`);
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
  return url;
}

function json(response: VendorResponse): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(response.body.toString('utf8'));
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  } catch {
    throw new DingtalkApiError('-1', `HTTP ${response.status}, not JSON`, response.status);
  }
}

/** The new-style API (api.dingtalk.com): 2xx is success; otherwise `{code, message}`. */
export function newStyleAnswer(response: VendorResponse): Record<string, unknown> {
  const body = json(response);
  if (response.status >= 200 && response.status < 300) return body;
  throw new DingtalkApiError(String(body.code ?? response.status), String(body.message ?? `HTTP ${response.status}`), response.status);
}

/** The old-style API (oapi.dingtalk.com) and robot webhooks: `{errcode: 0}` is success. */
export function oldStyleAnswer(response: VendorResponse): Record<string, unknown> {
  const body = json(response);
  const errcode = Number(body.errcode ?? 0);
  if (response.status >= 500 || errcode !== 0) throw new DingtalkApiError(String(errcode || -1), String(body.errmsg ?? `HTTP ${response.status}`), response.status);
  return body;
}

export type DingtalkApi = {
  /** Asks both token APIs with these credentials, past the cache (测试连接). */
  checkCredentials(): Promise<void>;
  /** Robot file download (图片、文件、语音、视频): the downloadCode becomes a temporary URL, fetched at once. */
  downloadFile(downloadCode: string): Promise<DownloadedFile>;
  /** 机器人批量发送单聊消息 (/v1.0/robot/oToMessages/batchSend) to staff ids. */
  sendToUsers(userIds: string[], message: RobotApiMessage): Promise<void>;
  /** 机器人发送群聊消息 (/v1.0/robot/groupMessages/send) to a conversation. */
  sendToGroup(openConversationId: string, message: RobotApiMessage): Promise<void>;
  /** 上传媒体文件 (old-style /media/upload, field `media`): the media id a robot's image or file message names. */
  uploadMedia(type: 'image' | 'file', file: UploadFile): Promise<string>;
  /** 工作通知 (/topapi/message/corpconversation/asyncsend_v2) with the old-style token; returns DingTalk's task id. */
  sendWorkNotice(body: Record<string, unknown>): Promise<string>;
};

/**
 * The calls the channel makes, through the outbound guard. Two tokens per account, each in the
 * shared token cache: the new-style one (`/v1.0/oauth2/accessToken`, sent as
 * `x-acs-dingtalk-access-token`) under the account id, the old-style one (`/gettoken`, the
 * `access_token` query parameter) under a key derived from the account and its credentials.
 */
export function dingtalkApi(deps: Deps, accountId: string, settings: DingtalkSettings): DingtalkApi {
  const { database, config, clock } = deps;
  const box = channelSecrets(config);
  const post = (url: URL, body: unknown, headers: Record<string, string> = {}) =>
    vendorRequest(database.db, config, url, { method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8', ...headers }, body: JSON.stringify(body) });

  const prepareNew = async () => {
    const target = dingtalkUrl(settings.apiBaseUrl, '/v1.0/oauth2/accessToken');
    const pinned = await vendorPin(database.db, config, target);
    return async (): Promise<FreshToken> => {
      const body = newStyleAnswer(await pinnedVendorRequest(pinned, target, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ appKey: settings.appKey, appSecret: settings.appSecret }) }));
      if (typeof body.accessToken !== 'string') throw new DingtalkApiError('-1', 'no accessToken in answer', 200);
      return { token: body.accessToken, expiresInSeconds: Number(body.expireIn ?? 7200) };
    };
  };
  const prepareOld = async () => {
    const target = dingtalkUrl(settings.oapiBaseUrl, '/gettoken', { appkey: settings.appKey, appsecret: settings.appSecret });
    const pinned = await vendorPin(database.db, config, target);
    return async (): Promise<FreshToken> => {
      const body = oldStyleAnswer(await pinnedVendorRequest(pinned, target, { method: 'GET' }));
      if (typeof body.access_token !== 'string') throw new DingtalkApiError('-1', 'no access_token in answer', 200);
      return { token: body.access_token, expiresInSeconds: Number(body.expires_in ?? 7200) };
    };
  };
  const oldKey = derivedTokenKey(accountId, 'dingtalk-oapi', `${settings.appKey}:${settings.appSecret}`);
  const tokenOf = (style: 'new' | 'old', stale?: string) =>
    accessToken(database, box, style === 'new' ? accountId : oldKey, () => clock.now(), style === 'new' ? prepareNew : prepareOld, stale ? { stale } : {});
  const withToken = async <T>(style: 'new' | 'old', work: (token: string) => Promise<T>): Promise<T> => {
    const first = await tokenOf(style);
    try {
      return await work(first);
    } catch (error) {
      if (!(error instanceof DingtalkApiError) || !error.tokenRefused) throw error;
      return work(await tokenOf(style, first));
    }
  };
  const robotCall = (path: string, body: Record<string, unknown>) =>
    withToken('new', async (token) => newStyleAnswer(await post(dingtalkUrl(settings.apiBaseUrl, path), body, { 'x-acs-dingtalk-access-token': token })));

  return {
    async checkCredentials() {
      await (await prepareNew())();
      if (settings.agentId !== undefined) await (await prepareOld())();
    },
    async downloadFile(downloadCode) {
      const answer = await robotCall('/v1.0/robot/messageFiles/download', { downloadCode, robotCode: settings.robotCode });
      if (typeof answer.downloadUrl !== 'string') throw new DingtalkApiError('-1', 'no downloadUrl in answer', 200);
      const file = await vendorRequest(database.db, config, new URL(answer.downloadUrl), { method: 'GET' });
      if (file.status >= 400) throw new DingtalkApiError(String(file.status), `download HTTP ${file.status}`, file.status);
      return { content: file.body, contentType: file.contentType.split(';')[0]?.trim() || 'application/octet-stream' };
    },
    async sendToUsers(userIds, message) {
      const answer = await robotCall('/v1.0/robot/oToMessages/batchSend', { robotCode: settings.robotCode, userIds, msgKey: message.msgKey, msgParam: JSON.stringify(message.msgParam) });
      // A user the robot cannot reach is named in the answer, not refused with an error.
      const invalid = Array.isArray(answer.invalidStaffIdList) ? answer.invalidStaffIdList : [];
      if (invalid.length > 0) throw new DingtalkApiError('invalidStaffId', `invalidStaffIdList ${invalid.join(',')}`, 200);
      const limited = Array.isArray(answer.flowControlledStaffIdList) ? answer.flowControlledStaffIdList : [];
      if (limited.length > 0) throw new DingtalkApiError('FlowControl', `flowControlledStaffIdList ${limited.join(',')}`, 429);
    },
    async sendToGroup(openConversationId, message) {
      await robotCall('/v1.0/robot/groupMessages/send', { robotCode: settings.robotCode, openConversationId, msgKey: message.msgKey, msgParam: JSON.stringify(message.msgParam) });
    },
    async uploadMedia(type, file) {
      const upload = multipartFile('media', file);
      return withToken('old', async (token) => {
        const url = dingtalkUrl(settings.oapiBaseUrl, '/media/upload', { access_token: token, type });
        const answer = oldStyleAnswer(await vendorRequest(database.db, config, url, { method: 'POST', headers: { 'content-type': upload.contentType }, body: upload.body }));
        if (typeof answer.media_id !== 'string') throw new DingtalkApiError('-1', 'no media_id in answer', 200);
        return answer.media_id;
      });
    },
    async sendWorkNotice(body) {
      if (settings.agentId === undefined) throw new DingtalkApiError('-2', 'no AgentId is configured', 0);
      return withToken('old', async (token) => {
        const answer = oldStyleAnswer(await post(dingtalkUrl(settings.oapiBaseUrl, '/topapi/message/corpconversation/asyncsend_v2', { access_token: token }), { agent_id: settings.agentId, ...body }));
        return String(answer.task_id ?? '');
      });
    },
  };
}

/** Posts to a webhook DingTalk gave (a message's sessionWebhook, a custom robot's signed URL) through the outbound guard. */
export async function postToWebhook(deps: Pick<Deps, 'database' | 'config'>, url: string, body: Record<string, unknown>): Promise<void> {
  oldStyleAnswer(await vendorRequest(deps.database.db, deps.config, new URL(url), { method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(body) }));
}
