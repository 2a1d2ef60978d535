import type { Config } from '../../app/config.js';
import type { Clock } from '../../app/clock.js';
import type { Database } from '../../db/database.js';
import { accessToken, channelSecrets, pinnedVendorRequest, vendorPin, vendorRequest, type FreshToken } from '../channels/index.js';
import type { WechatSettings } from './wechat-settings.js';

/** The vendor said no: its errcode and errmsg (https://developers.weixin.qq.com 全局返回码). */
export class WechatApiError extends Error {
  constructor(readonly errcode: number, readonly errmsg: string, readonly httpStatus: number) {
    super(`WeChat API error ${errcode}: ${errmsg}`);
    this.name = 'WechatApiError';
  }
  /** Worth trying again later (vendor busy, 5xx) rather than reporting as final. */
  get transient(): boolean {
    return this.httpStatus >= 500 || this.errcode === -1 || this.errcode === 45009;
  }
}

/** 40001 invalid credential, 40014 invalid access_token, 42001 expired: evict and retry once. */
const tokenRefused = new Set([40001, 40014, 42001]);

export type WechatApi = {
  token(): Promise<string>;
  /** Asks the token API with these credentials, past the cache (测试连接). */
  checkCredentials(): Promise<void>;
  sendCustomMessage(body: Record<string, unknown>): Promise<void>;
  /** 模板消息 (`message/template/send`): answers the vendor's msgid. */
  sendTemplateMessage(body: Record<string, unknown>): Promise<number | null>;
  getMedia(mediaId: string): Promise<{ content: Buffer; contentType: string; filename: string | null }>;
  uploadMedia(type: 'image' | 'voice' | 'video' | 'thumb', file: { filename: string; contentType: string; content: Buffer }): Promise<string>;
};

type Deps = { database: Database; config: Config; clock: Clock };

export function wechatApi(deps: Deps, accountId: string, settings: WechatSettings): WechatApi {
  const base = settings.apiBaseUrl.replace(/\/+$/, '');
  const url = (path: string, query: Record<string, string> = {}) => {
    const u = new URL(`${base}${path}`);
    for (const [k, v] of Object.entries(query)) u.searchParams.set(k, v);
    return u;
  };
  const json = async (path: string, query: Record<string, string>, body?: unknown, raw?: { body: Buffer; contentType: string }) => {
    const response = await vendorRequest(deps.database.db, deps.config, url(path, query), {
      method: body === undefined && !raw ? 'GET' : 'POST',
      headers: raw ? { 'content-type': raw.contentType } : body !== undefined ? { 'content-type': 'application/json; charset=utf-8' } : {},
      body: raw ? raw.body : body !== undefined ? JSON.stringify(body) : undefined,
    });
    return response;
  };
  const check = (response: { status: number; body: Buffer }): Record<string, unknown> => {
    let parsed: Record<string, unknown> = {};
    try {
      parsed = JSON.parse(response.body.toString('utf8')) as Record<string, unknown>;
    } catch {
      throw new WechatApiError(-1, `HTTP ${response.status}, not JSON`, response.status);
    }
    const errcode = Number(parsed.errcode ?? 0);
    if (response.status >= 500 || errcode !== 0) throw new WechatApiError(errcode || -1, String(parsed.errmsg ?? `HTTP ${response.status}`), response.status);
    return parsed;
  };

  const prepareFetch = async () => {
    const target = url('/cgi-bin/stable_token');
    const pinned = await vendorPin(deps.database.db, deps.config, target);
    return async (force: boolean): Promise<FreshToken> => {
      // The stable-token API: the same token for every caller until it expires, unlike /cgi-bin/token
      // whose every call invalidates the previous token (the cause of the 40001 storms).
      const payload = JSON.stringify({ grant_type: 'client_credential', appid: settings.appId, secret: settings.appSecret, force_refresh: force });
      const body = check(await pinnedVendorRequest(pinned, target, { method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8' }, body: payload }));
      if (typeof body.access_token !== 'string') throw new WechatApiError(-1, 'no access_token in answer', 200);
      return { token: body.access_token, expiresInSeconds: Number(body.expires_in ?? 7200) };
    };
  };
  const token = (stale?: string) => accessToken(deps.database, channelSecrets(deps.config), accountId, () => deps.clock.now(), prepareFetch, stale ? { stale } : {});

  /** Calls with the cached token; a refused token is evicted and the call retried once with a new one. */
  const withToken = async <T>(call: (token: string) => Promise<T>): Promise<T> => {
    const first = await token();
    try {
      return await call(first);
    } catch (error) {
      if (!(error instanceof WechatApiError) || !tokenRefused.has(error.errcode)) throw error;
      return call(await token(first));
    }
  };

  return {
    token: () => token(),
    async checkCredentials() {
      await (await prepareFetch())(false);
    },
    async sendCustomMessage(body) {
      await withToken(async (t) => check(await json('/cgi-bin/message/custom/send', { access_token: t }, body)));
    },
    async sendTemplateMessage(body) {
      const answer = await withToken(async (t) => check(await json('/cgi-bin/message/template/send', { access_token: t }, body)));
      return typeof answer.msgid === 'number' ? answer.msgid : null;
    },
    async getMedia(mediaId) {
      return withToken(async (t) => {
        const response = await json('/cgi-bin/media/get', { access_token: t, media_id: mediaId });
        if (response.contentType.includes('json') || response.contentType.includes('text/plain')) check(response);
        if (response.status >= 400) throw new WechatApiError(-1, `HTTP ${response.status}`, response.status);
        const disposition = String(response.headers['content-disposition'] ?? '');
        const filename = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? null;
        return { content: response.body, contentType: response.contentType || 'application/octet-stream', filename };
      });
    },
    async uploadMedia(type, file) {
      return withToken(async (t) => {
        const boundary = `----opencsm${Date.now().toString(16)}`;
        const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="media"; filename="${file.filename.replace(/["\r\n]/g, '_')}"\r\nContent-Type: ${file.contentType}\r\n\r\n`);
        const body = Buffer.concat([head, file.content, Buffer.from(`\r\n--${boundary}--\r\n`)]);
        const answer = check(await json('/cgi-bin/media/upload', { access_token: t, type }, undefined, { body, contentType: `multipart/form-data; boundary=${boundary}` }));
        return String(answer.media_id);
      });
    },
  };
}
