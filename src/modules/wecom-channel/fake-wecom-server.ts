import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A WeCom API on loopback for tests, speaking the published HTTP API the channel uses:
 * `GET /cgi-bin/gettoken`, `POST /cgi-bin/kf/sync_msg`, `POST /cgi-bin/kf/send_msg`,
 * `GET /cgi-bin/media/get`, `POST /cgi-bin/media/upload`, `POST /cgi-bin/message/send` and
 * `POST /cgi-bin/webhook/send`. Customers' kf messages are queued with `customerWrites`; sync_msg
 * pages them by cursor (`pageSize` at most per page, like `limit`) and can be told to answer an
 * empty page with has_more. It records what it received and can be told to fail. send_msg bodies
 * are checked against the published format (kfSendRefusal) and refused with the vendor's errcode
 * otherwise; a menu message (msgtype `msgmenu`) against its limits — head/tail ≤ 1024 bytes, at
 * most 10 items of type click ({id ≤ 64 bytes, content ≤ 128}), view ({url ≤ 2048, content ≤ 1024}),
 * miniprogram or text. msg_send_fail events are queued like customers' messages (`customerWrites`).
 * Each customer's session has a state (分配客服会话's service_state, `setSessionState`): send_msg
 * answers 95018 (send msg session status invalid) unless it is 0 未处理 or 1 由智能助手接待, as the
 * vendor lets the API send only then; a customer's message to an ended session (4) makes it 0 again.
 */
export type FakeWecomCall = { path: string; query: Record<string, string>; body: Buffer; json: Record<string, unknown> | null };
type Failure = { errcode: number; errmsg?: string } | { status: number };
export type KfSessionState = 0 | 1 | 2 | 3 | 4;

export type FakeWecomServer = {
  url: string;
  calls: FakeWecomCall[];
  /** Queue kf messages (sync_msg items) for the next syncs. */
  customerWrites(...items: Array<Record<string, unknown>>): void;
  /** sync_msg answers at most this many items a page. */
  setPageSize(size: number): void;
  /** The next sync_msg answers an empty msg_list with has_more = 1 (its cursor moves on). */
  emptyPageNext(): void;
  /** The next `count` sync_msg calls are answered only once all of them have arrived (a race, made certain). */
  gateSyncs(count: number): void;
  /** The customer's session state: 0 未处理 (the default), 1 智能助手, 2 待接入池, 3 由人工接待, 4 已结束. */
  setSessionState(externalUserId: string, state: KfSessionState): void;
  /** Bodies of accepted kf/send_msg calls. */
  kfSent(): Array<Record<string, unknown>>;
  /** Bodies of accepted message/send calls (the self-built app). */
  appSent(): Array<Record<string, unknown>>;
  /** Bodies accepted by webhook/send, per robot key. */
  robotSent(key: string): Array<Record<string, unknown>>;
  tokensIssued(): number;
  /** The next `count` calls of `path` (after `skip` that pass) answer this instead. */
  failNext(path: string, failure: Failure, count?: number, skip?: number): void;
  addMedia(mediaId: string, content: Buffer, contentType: string, filename?: string): void;
  close(): Promise<void>;
};

const bytes = (v: unknown) => (typeof v === 'string' ? Buffer.byteLength(v) : -1);
const within = (v: unknown, max: number) => bytes(v) >= 1 && bytes(v) <= max;

function isKfMenuItem(value: unknown): boolean {
  if (!value || typeof value !== 'object') return false;
  const item = value as Record<string, Record<string, unknown> | string>;
  const part = item[String(item.type)];
  if (!part || typeof part !== 'object') return false;
  switch (item.type) {
    case 'click':
      return within(part.id, 64) && within(part.content, 128);
    case 'view':
      return within(part.url, 2048) && within(part.content, 1024);
    case 'miniprogram':
      return within(part.appid, 32) && within(part.pagepath, 1024) && within(part.content, 1024);
    case 'text':
      return within(part.content, 256);
    default:
      return false;
  }
}

/** kf/send_msg's msgmenu: `{ head_content?, list: [{ type, <type>: {...} }] (≤ 10), tail_content? }`. */
function isKfMenu(value: unknown): boolean {
  if (!value || typeof value !== 'object') return false;
  const menu = value as Record<string, unknown>;
  if ((menu.head_content !== undefined && bytes(menu.head_content) > 1024) || (menu.tail_content !== undefined && bytes(menu.tail_content) > 1024)) return false;
  return Array.isArray(menu.list) && menu.list.length >= 1 && menu.list.length <= 10 && menu.list.every(isKfMenuItem);
}

/**
 * kf/send_msg's body as the published API takes it (微信客服 › 发送消息), or why not: touser and
 * open_kfid; msgid ≤ 32 of [0-9a-zA-Z_-]; text.content 1–2048 bytes (45002 beyond); image, voice,
 * video and file a media_id this server issued (40007 otherwise); link a title, an http(s) url
 * ≤ 2048 bytes and a thumb_media_id it issued (title and desc beyond 128 / 512 bytes are cut by the
 * vendor, not refused); msgmenu as isKfMenu; location latitude and longitude in range; miniprogram
 * appid, pagepath and thumb_media_id; any other msgtype 40008.
 */
export function kfSendRefusal(body: Record<string, unknown> | null, issuedMedia: ReadonlySet<string>): { errcode: number; errmsg: string } | null {
  if (!body || typeof body.touser !== 'string' || body.touser === '' || typeof body.open_kfid !== 'string' || body.open_kfid === '') return { errcode: 40058, errmsg: 'invalid parameter: touser, open_kfid' };
  if (body.msgid !== undefined && !/^[0-9a-zA-Z_-]{1,32}$/.test(String(body.msgid))) return { errcode: 40058, errmsg: 'invalid parameter: msgid' };
  const part = (body[String(body.msgtype)] ?? null) as Record<string, unknown> | null;
  const issued = (id: unknown) => typeof id === 'string' && issuedMedia.has(id);
  switch (body.msgtype) {
    case 'text':
      if (!part || typeof part.content !== 'string' || part.content === '') return { errcode: 44004, errmsg: 'empty content' };
      return bytes(part.content) > 2048 ? { errcode: 45002, errmsg: 'content size out of limit' } : null;
    case 'image':
    case 'voice':
    case 'video':
    case 'file':
      return part && issued(part.media_id) ? null : { errcode: 40007, errmsg: 'invalid media_id' };
    case 'link':
      if (!part || !within(part.title, 100_000) || !within(part.url, 2048) || !/^https?:\/\//.test(String(part.url))) return { errcode: 40058, errmsg: 'invalid parameter: link' };
      return issued(part.thumb_media_id) ? null : { errcode: 40007, errmsg: 'invalid media_id: link.thumb_media_id' };
    case 'msgmenu':
      return isKfMenu(part) ? null : { errcode: 40058, errmsg: 'invalid parameter: msgmenu' };
    case 'location': {
      const latitude = Number(part?.latitude);
      const longitude = Number(part?.longitude);
      return Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180 ? null : { errcode: 40058, errmsg: 'invalid parameter: location' };
    }
    case 'miniprogram':
      return part && within(part.appid, 32) && within(part.pagepath, 1024) && issued(part.thumb_media_id) ? null : { errcode: 40058, errmsg: 'invalid parameter: miniprogram' };
    default:
      return { errcode: 40008, errmsg: 'invalid message type' };
  }
}

export async function startFakeWecomServer(options: { corpId: string; kfSecret: string; agentSecret?: string; robotKeys?: string[] }): Promise<FakeWecomServer> {
  const calls: FakeWecomCall[] = [];
  const kfSent: Array<Record<string, unknown>> = [];
  const appSent: Array<Record<string, unknown>> = [];
  const robots = new Map<string, Array<Record<string, unknown>>>((options.robotKeys ?? []).map((k) => [k, []]));
  const failures = new Map<string, Array<Failure | null>>();
  const media = new Map<string, { content: Buffer; contentType: string; filename: string }>();
  const log: Array<Record<string, unknown>> = [];
  const tokens = new Map<string, 'kf' | 'app'>();
  /** media_ids issued by media/upload: what send_msg accepts as media. */
  const uploaded = new Set<string>();
  const sessions = new Map<string, KfSessionState>();
  let issued = 0;
  let pageSize = 1000;
  let emptyPages = 0;
  let emptyCount = 0;
  let gate: { remaining: number; waiting: Array<() => void> } | null = null;
  const passGate = async () => {
    if (!gate) return;
    const current = gate;
    current.remaining -= 1;
    if (current.remaining === 0) {
      gate = null;
      for (const release of current.waiting) release();
      return;
    }
    await new Promise<void>((resolve) => current.waiting.push(resolve));
  };

  const read = (request: IncomingMessage) =>
    new Promise<Buffer>((resolve, reject) => {
      const chunks: Buffer[] = [];
      request.on('data', (c: Buffer) => chunks.push(c));
      request.on('end', () => resolve(Buffer.concat(chunks)));
      request.on('error', reject);
    });

  // A cursor is "c<position>" (plus "e<n>" after an empty page): opaque to the client, like WeCom's.
  const positionOf = (cursor: unknown): number => {
    const match = /^c(\d+)/.exec(String(cursor ?? ''));
    return match ? Number(match[1]) : 0;
  };

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
      const scopeOk = (scope: 'kf' | 'app') => tokens.get(query.access_token ?? '') === scope;
      const invalidToken = () => reply(200, { errcode: 40014, errmsg: 'invalid access_token' });

      switch (url.pathname) {
        case '/cgi-bin/gettoken': {
          const scope = query.corpsecret === options.kfSecret ? 'kf' : options.agentSecret && query.corpsecret === options.agentSecret ? 'app' : null;
          if (query.corpid !== options.corpId || !scope) return reply(200, { errcode: 40001, errmsg: 'invalid secret' });
          const existing = [...tokens].find(([, s]) => s === scope)?.[0];
          if (existing) return reply(200, { errcode: 0, errmsg: 'ok', access_token: existing, expires_in: 7200 });
          issued += 1;
          const token = `${scope}-token-${issued}`;
          tokens.set(token, scope);
          return reply(200, { errcode: 0, errmsg: 'ok', access_token: token, expires_in: 7200 });
        }
        case '/cgi-bin/kf/sync_msg': {
          if (!scopeOk('kf')) return invalidToken();
          await passGate();
          const start = positionOf(json?.cursor);
          if (emptyPages > 0) {
            emptyPages -= 1;
            emptyCount += 1;
            return reply(200, { errcode: 0, errmsg: 'ok', next_cursor: `c${start}e${emptyCount}`, has_more: 1, msg_list: [] });
          }
          const kfid = json?.open_kfid;
          const limit = Math.min(pageSize, Number(json?.limit ?? 1000));
          const page = log.slice(start, start + limit).filter((m) => !kfid || m.open_kfid === kfid);
          const end = Math.min(log.length, start + limit);
          return reply(200, { errcode: 0, errmsg: 'ok', next_cursor: `c${end}`, has_more: end < log.length ? 1 : 0, msg_list: page });
        }
        case '/cgi-bin/kf/send_msg': {
          if (!scopeOk('kf')) return invalidToken();
          const refusal = kfSendRefusal(json, uploaded);
          if (refusal) return reply(200, refusal);
          const session = sessions.get(String(json?.touser)) ?? 0;
          if (session !== 0 && session !== 1) return reply(200, { errcode: 95018, errmsg: 'send msg session status invalid' });
          kfSent.push(json ?? {});
          return reply(200, { errcode: 0, errmsg: 'ok', msgid: json?.msgid ?? `sent-${kfSent.length}` });
        }
        case '/cgi-bin/media/get': {
          if (!scopeOk('kf')) return invalidToken();
          const item = media.get(query.media_id ?? '');
          if (!item) return reply(200, { errcode: 40007, errmsg: 'invalid media_id' });
          // A name outside ASCII travels RFC 6266's way (filename*), as headers carry only Latin-1.
          response.writeHead(200, { 'content-type': item.contentType, 'content-disposition': `attachment; filename="${item.filename.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(item.filename)}` });
          return response.end(item.content);
        }
        case '/cgi-bin/media/upload': {
          if (!scopeOk('kf')) return invalidToken();
          if (!['image', 'voice', 'video', 'file'].includes(query.type ?? '')) return reply(200, { errcode: 40004, errmsg: 'invalid media type' });
          const mediaId = `uploaded-${calls.length}`;
          uploaded.add(mediaId);
          return reply(200, { errcode: 0, errmsg: '', type: query.type, media_id: mediaId, created_at: '0' });
        }
        case '/cgi-bin/message/send':
          if (!scopeOk('app')) return invalidToken();
          appSent.push(json ?? {});
          return reply(200, { errcode: 0, errmsg: 'ok', invaliduser: '', msgid: `app-${appSent.length}` });
        case '/cgi-bin/webhook/send': {
          const sent = robots.get(query.key ?? '');
          if (!sent) return reply(200, { errcode: 93000, errmsg: 'invalid webhook url' });
          sent.push(json ?? {});
          return reply(200, { errcode: 0, errmsg: 'ok' });
        }
        default:
          return reply(404, { errcode: 404, errmsg: 'not found' });
      }
    })().catch((error: unknown) => {
      response.writeHead(500);
      response.end(String(error));
    });
  });
  // Idle keep-alive sockets stay open: a client reusing one the server had just timed out (5 s by
  // default) would see ECONNRESET, a race of the test's timing rather than of the code under test.
  server.keepAliveTimeout = 0;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    customerWrites: (...items) => {
      for (const item of items) if (item.origin === 3 && sessions.get(String(item.external_userid)) === 4) sessions.delete(String(item.external_userid));
      log.push(...items);
    },
    setSessionState: (externalUserId, state) => {
      sessions.set(externalUserId, state);
    },
    setPageSize: (size) => {
      pageSize = size;
    },
    emptyPageNext: () => {
      emptyPages += 1;
    },
    gateSyncs: (count) => {
      gate = { remaining: count, waiting: [] };
    },
    kfSent: () => [...kfSent],
    appSent: () => [...appSent],
    robotSent: (key) => [...(robots.get(key) ?? [])],
    tokensIssued: () => issued,
    failNext(path, failure, count = 1, skip = 0) {
      failures.set(path, [...(failures.get(path) ?? []), ...Array.from({ length: skip }, () => null), ...Array.from({ length: count }, () => failure)]);
    },
    addMedia(mediaId, content, contentType, filename = `${mediaId}.bin`) {
      media.set(mediaId, { content, contentType, filename });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
