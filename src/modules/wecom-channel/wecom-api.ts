import type { Clock } from '../../app/clock.js';
import type { Config } from '../../app/config.js';
import type { Database } from '../../db/database.js';
import { accessToken, channelSecrets, derivedTokenKey, multipartFile, pinnedVendorRequest, vendorPin, vendorRequest, type FreshToken, type UploadFile } from '../channels/index.js';

export type { UploadFile };
import type { WecomSettings } from './wecom-settings.js';

/** The vendor said no: its errcode and errmsg (企业微信 全局错误码). */
export class WecomApiError extends Error {
  constructor(readonly errcode: number, readonly errmsg: string, readonly httpStatus: number) {
    super(`WeCom API error ${errcode}: ${errmsg}`);
    this.name = 'WecomApiError';
  }
  /** Worth trying again later (system busy, 5xx, rate limited) rather than reporting as final. */
  get transient(): boolean {
    return this.httpStatus >= 500 || this.errcode === -1 || this.errcode === 45009 || this.errcode === 45033;
  }
}

/** 40014 invalid access_token, 42001 expired: evict and retry once. */
const tokenRefused = new Set([40014, 42001]);

/** A kf message as sync_msg returns it. */
export type KfItem = Record<string, unknown> & { msgid: string; open_kfid?: string; external_userid?: string; send_time?: number; origin?: number; msgtype: string };
export type SyncPage = { nextCursor: string; hasMore: boolean; items: KfItem[] };
export type MediaFile = { content: Buffer; contentType: string; filename: string | null };

/**
 * Which secret a call uses: the 微信客服 Secret (sync_msg, send_msg, media) or the self-built
 * app's (message/send). Each has its own access token; the shared token cache keys tokens by a
 * uuid, so the app's token lives under one derived from the account id and the app's Secret (a
 * name-based uuid, v5 style): the channels module forgets only the account's own row when its
 * settings change, and a new app Secret must not be served the old app's token.
 */
export type TokenScope = 'kf' | 'app';

export function tokenCacheKey(accountId: string, scope: TokenScope, appSecret = ''): string {
  return scope === 'kf' ? accountId : derivedTokenKey(accountId, 'wecom-app', appSecret);
}

export type WecomApi = {
  /** Asks gettoken with these credentials, past the cache (测试连接). */
  checkCredentials(scope: TokenScope): Promise<void>;
  syncMessages(request: { cursor: string | null; token?: string; openKfId: string; limit: number }): Promise<SyncPage>;
  sendKfMessage(body: Record<string, unknown>): Promise<void>;
  getMedia(mediaId: string): Promise<MediaFile>;
  uploadMedia(type: 'image' | 'voice' | 'video' | 'file', file: UploadFile): Promise<string>;
  sendAppMessage(body: Record<string, unknown>): Promise<void>;
};

type Deps = { database: Database; config: Config; clock: Clock };

export function wecomUrl(apiBaseUrl: string, path: string, query: Record<string, string> = {}): URL {
  const u = new URL(`${apiBaseUrl.replace(/\/+$/, '')}${path}`);
  for (const [k, v] of Object.entries(query)) u.searchParams.set(k, v);
  return u;
}

/** WeCom answers JSON with errcode 0 on success; anything else (or a 5xx, or not JSON) is a WecomApiError. */
export function wecomAnswer(response: { status: number; body: Buffer }): Record<string, unknown> {
  let parsed: Record<string, unknown> = {};
  try {
    parsed = JSON.parse(response.body.toString('utf8')) as Record<string, unknown>;
  } catch {
    throw new WecomApiError(-1, `HTTP ${response.status}, not JSON`, response.status);
  }
  const errcode = Number(parsed.errcode ?? 0);
  if (response.status >= 500 || errcode !== 0) throw new WecomApiError(errcode || -1, String(parsed.errmsg ?? `HTTP ${response.status}`), response.status);
  return parsed;
}

export function wecomApi(deps: Deps, accountId: string, settings: WecomSettings): WecomApi {
  const url = (path: string, query: Record<string, string> = {}) => wecomUrl(settings.apiBaseUrl, path, query);
  const call = (path: string, query: Record<string, string>, body?: unknown, raw?: { body: Buffer; contentType: string }) =>
    vendorRequest(deps.database.db, deps.config, url(path, query), {
      method: body === undefined && !raw ? 'GET' : 'POST',
      headers: raw ? { 'content-type': raw.contentType } : body !== undefined ? { 'content-type': 'application/json; charset=utf-8' } : {},
      body: raw ? raw.body : body !== undefined ? JSON.stringify(body) : undefined,
    });

  const secretOf = (scope: TokenScope): string => {
    const secret = scope === 'kf' ? settings.kfSecret : settings.agentSecret;
    if (!secret) throw new WecomApiError(-2, 'no self-built app (AgentId, Secret) is configured', 0);
    return secret;
  };
  const prepareFetch = (scope: TokenScope) => async () => {
    const target = url('/cgi-bin/gettoken', { corpid: settings.corpId, corpsecret: secretOf(scope) });
    const pinned = await vendorPin(deps.database.db, deps.config, target);
    // WeCom's gettoken returns the valid token while it lasts (every caller the same one); a new
    // one is issued only after expiry, so `force` needs no different call.
    return async (): Promise<FreshToken> => {
      const body = wecomAnswer(await pinnedVendorRequest(pinned, target, { method: 'GET' }));
      if (typeof body.access_token !== 'string') throw new WecomApiError(-1, 'no access_token in answer', 200);
      return { token: body.access_token, expiresInSeconds: Number(body.expires_in ?? 7200) };
    };
  };
  const token = (scope: TokenScope, stale?: string) => accessToken(deps.database, channelSecrets(deps.config), tokenCacheKey(accountId, scope, scope === 'app' ? (settings.agentSecret ?? '') : ''), () => deps.clock.now(), prepareFetch(scope), stale ? { stale } : {});
  const withToken = async <T>(scope: TokenScope, work: (token: string) => Promise<T>): Promise<T> => {
    const first = await token(scope);
    try {
      return await work(first);
    } catch (error) {
      if (!(error instanceof WecomApiError) || !tokenRefused.has(error.errcode)) throw error;
      return work(await token(scope, first));
    }
  };

  return {
    async checkCredentials(scope) {
      await (await prepareFetch(scope)())();
    },
    async syncMessages(request) {
      return withToken('kf', async (t) => {
        const body = { ...(request.cursor ? { cursor: request.cursor } : {}), ...(request.token ? { token: request.token } : {}), limit: request.limit, open_kfid: request.openKfId };
        const answer = wecomAnswer(await call('/cgi-bin/kf/sync_msg', { access_token: t }, body));
        const items = Array.isArray(answer.msg_list) ? (answer.msg_list as KfItem[]).filter((m) => m && typeof m.msgid === 'string' && typeof m.msgtype === 'string') : [];
        return { nextCursor: String(answer.next_cursor ?? ''), hasMore: Number(answer.has_more ?? 0) === 1, items };
      });
    },
    async sendKfMessage(body) {
      await withToken('kf', async (t) => wecomAnswer(await call('/cgi-bin/kf/send_msg', { access_token: t }, body)));
    },
    async getMedia(mediaId) {
      return withToken('kf', async (t) => {
        const response = await call('/cgi-bin/media/get', { access_token: t, media_id: mediaId });
        if (response.contentType.includes('json') || response.contentType.includes('text/plain')) wecomAnswer(response);
        if (response.status >= 400) throw new WecomApiError(-1, `HTTP ${response.status}`, response.status);
        const disposition = String(response.headers['content-disposition'] ?? '');
        return { content: response.body, contentType: response.contentType || 'application/octet-stream', filename: filenameOf(disposition) };
      });
    },
    async uploadMedia(type, file) {
      return withToken('kf', async (t) => {
        const upload = multipartFile('media', file, { filelength: true });
        const answer = wecomAnswer(await call('/cgi-bin/media/upload', { access_token: t, type }, undefined, { body: upload.body, contentType: upload.contentType }));
        return String(answer.media_id);
      });
    },
    async sendAppMessage(body) {
      await withToken('app', async (t) => {
        const answer = wecomAnswer(await call('/cgi-bin/message/send', { access_token: t }, body));
        // The userid is not in the app's visible range (可见范围) or does not exist: said in `invaliduser`, with errcode 0.
        if (typeof answer.invaliduser === 'string' && answer.invaliduser !== '') throw new WecomApiError(81013, `invaliduser ${answer.invaliduser}`, 200);
      });
    },
  };
}

/** The file's name from Content-Disposition: RFC 6266's `filename*=UTF-8''…` first (names in Chinese), else `filename`. */
export function filenameOf(disposition: string): string | null {
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  if (extended) {
    try {
      return decodeURIComponent(extended.trim());
    } catch {
      // a malformed escape: fall back to the plain name
    }
  }
  return /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? null;
}
