import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A WeChat API on loopback for tests, speaking the published HTTP API the channel uses:
 * `POST /cgi-bin/stable_token`, `POST /cgi-bin/message/custom/send`, `GET /cgi-bin/media/get`,
 * `POST /cgi-bin/media/upload`. It records what it received and can be told to fail: a token
 * refused once (errcode 40001) or an HTTP 5xx for the next calls of a path. A menu message
 * (msgtype `msgmenu`) is checked against the published shape — head_content, a list of
 * {id, content}, tail_content — and refused (40035 invalid args) otherwise. A template message
 * (`POST /cgi-bin/message/template/send`) is checked against the templates it was given: an
 * unknown template_id is 40037 (invalid template_id), a missing key or a value longer than its
 * type takes is 47003 (argument invalid), as the vendor answers.
 */
export type FakeWechatCall = { path: string; query: Record<string, string>; body: Buffer; json: Record<string, unknown> | null };

export type FakeWechatServer = {
  url: string;
  calls: FakeWechatCall[];
  /** Bodies of accepted customer-service messages. */
  sent(): Array<Record<string, unknown>>;
  tokensIssued(): number;
  /** The next `count` calls of `path` answer this instead. */
  failNext(path: string, failure: { errcode: number; errmsg?: string } | { status: number }, count?: number): void;
  /** Bodies of accepted template messages. */
  templateSends(): Array<Record<string, unknown>>;
  /** A template the account has (模板ID and the keys of its content). */
  addTemplate(templateId: string, keys: string[]): void;
  /** Media the fake serves from /cgi-bin/media/get. */
  addMedia(mediaId: string, content: Buffer, contentType: string): void;
  close(): Promise<void>;
};

const isText = (v: unknown) => typeof v === 'string' && v !== '';

/** The customer-service API's msgmenu: `{ head_content, list: [{ id, content }], tail_content }`. */
function isMsgMenu(value: unknown): boolean {
  if (!value || typeof value !== 'object') return false;
  const menu = value as Record<string, unknown>;
  if (typeof menu.head_content !== 'string' || typeof menu.tail_content !== 'string' || !Array.isArray(menu.list) || menu.list.length === 0) return false;
  return menu.list.every((item: unknown) => !!item && typeof item === 'object' && Object.keys(item).sort().join() === 'content,id' && isText((item as Record<string, unknown>).id) && isText((item as Record<string, unknown>).content));
}

/** The published limits of a template value by its key's type (thing ≤ 20 characters, character_string ≤ 32, …). */
const valueLimits: Array<[RegExp, number]> = [[/^thing\d+$/, 20], [/^character_string\d+$/, 32], [/^phrase\d+$/, 5], [/^(time|date)\d+$/, 40], [/^number\d+$/, 32]];

/** Why a template send is refused, as the vendor's errcode, or null when it is well formed for `keys`. */
export function templateSendProblem(body: Record<string, unknown> | null, templates: Map<string, string[]>): { errcode: number; errmsg: string } | null {
  if (!body || !isText(body.touser)) return { errcode: 40003, errmsg: 'invalid openid' };
  const keys = typeof body.template_id === 'string' ? templates.get(body.template_id) : undefined;
  if (!keys) return { errcode: 40037, errmsg: 'invalid template_id' };
  if (body.url !== undefined && (typeof body.url !== 'string' || !/^https?:\/\//.test(body.url))) return { errcode: 40066, errmsg: 'invalid url' };
  const data = body.data;
  if (!data || typeof data !== 'object') return { errcode: 47003, errmsg: 'argument invalid! data invalid' };
  for (const key of keys) {
    const item = (data as Record<string, unknown>)[key];
    const value = item && typeof item === 'object' ? (item as Record<string, unknown>).value : undefined;
    const limit = valueLimits.find(([pattern]) => pattern.test(key))?.[1] ?? 200;
    if (!isText(value) || [...(value as string)].length > limit) return { errcode: 47003, errmsg: `argument invalid! data.${key}.value invalid` };
  }
  return null;
}

export async function startFakeWechatServer(options: { appId: string; appSecret: string }): Promise<FakeWechatServer> {
  const calls: FakeWechatCall[] = [];
  const accepted: Array<Record<string, unknown>> = [];
  const failures = new Map<string, Array<{ errcode: number; errmsg?: string } | { status: number }>>();
  const media = new Map<string, { content: Buffer; contentType: string }>();
  const templates = new Map<string, string[]>();
  const templateSends: Array<Record<string, unknown>> = [];
  let issued = 0;
  let current: string | null = null;

  const read = (request: IncomingMessage) =>
    new Promise<Buffer>((resolve, reject) => {
      const chunks: Buffer[] = [];
      request.on('data', (c: Buffer) => chunks.push(c));
      request.on('end', () => resolve(Buffer.concat(chunks)));
      request.on('error', reject);
    });

  const server: Server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://fake');
      const body = await read(request);
      let json: Record<string, unknown> | null = null;
      try {
        json = String(request.headers['content-type'] ?? '').includes('json') ? (JSON.parse(body.toString('utf8')) as Record<string, unknown>) : null;
      } catch {
        json = null;
      }
      const query = Object.fromEntries(url.searchParams);
      calls.push({ path: url.pathname, query, body, json });
      const reply = (status: number, value: unknown, type = 'application/json') => {
        response.writeHead(status, { 'content-type': type });
        response.end(typeof value === 'string' || Buffer.isBuffer(value) ? value : JSON.stringify(value));
      };
      const failure = failures.get(url.pathname)?.shift();
      if (failure) return 'status' in failure ? reply(failure.status, 'upstream failure', 'text/plain') : reply(200, { errcode: failure.errcode, errmsg: failure.errmsg ?? 'failure' });
      const tokenOk = () => current !== null && query.access_token === current;

      switch (url.pathname) {
        case '/cgi-bin/stable_token': {
          if (json?.appid !== options.appId || json?.secret !== options.appSecret) return reply(200, { errcode: 40013, errmsg: 'invalid appid or secret' });
          if (current === null || json.force_refresh === true) {
            issued += 1;
            current = `token-${issued}`;
          }
          return reply(200, { access_token: current, expires_in: 7200 });
        }
        case '/cgi-bin/message/custom/send':
          if (!tokenOk()) return reply(200, { errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' });
          if (json?.msgtype === 'msgmenu' && !isMsgMenu(json.msgmenu)) return reply(200, { errcode: 40035, errmsg: 'invalid args' });
          accepted.push(json ?? {});
          return reply(200, { errcode: 0, errmsg: 'ok' });
        case '/cgi-bin/message/template/send': {
          if (!tokenOk()) return reply(200, { errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' });
          const problem = templateSendProblem(json, templates);
          if (problem) return reply(200, problem);
          templateSends.push(json ?? {});
          return reply(200, { errcode: 0, errmsg: 'ok', msgid: 200228332 + templateSends.length });
        }
        case '/cgi-bin/media/get': {
          if (!tokenOk()) return reply(200, { errcode: 40001, errmsg: 'invalid credential' });
          const item = media.get(query.media_id ?? '');
          if (!item) return reply(200, { errcode: 40007, errmsg: 'invalid media_id' });
          response.writeHead(200, { 'content-type': item.contentType, 'content-disposition': `attachment; filename="${query.media_id}.bin"` });
          return response.end(item.content);
        }
        case '/cgi-bin/media/upload':
          if (!tokenOk()) return reply(200, { errcode: 40001, errmsg: 'invalid credential' });
          return reply(200, { type: query.type, media_id: `uploaded-${calls.length}`, created_at: 0 });
        default:
          return reply(404, { errcode: 404, errmsg: 'not found' });
      }
    })().catch((error: unknown) => {
      response.writeHead(500);
      response.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    sent: () => [...accepted],
    tokensIssued: () => issued,
    failNext(path, failure, count = 1) {
      failures.set(path, [...(failures.get(path) ?? []), ...Array.from({ length: count }, () => failure)]);
    },
    templateSends: () => [...templateSends],
    addTemplate(templateId, keys) {
      templates.set(templateId, keys);
    },
    addMedia(mediaId, content, contentType) {
      media.set(mediaId, { content, contentType });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
