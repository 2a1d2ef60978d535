import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * DingTalk's HTTP APIs on loopback for tests, the ones the channel calls, in DingTalk's shapes:
 * new-style (api.dingtalk.com) `POST /v1.0/oauth2/accessToken`, `POST /v1.0/robot/messageFiles/download`
 * (answers a `downloadUrl`, served by `GET /files/<code>`), `POST /v1.0/robot/oToMessages/batchSend`,
 * `POST /v1.0/robot/groupMessages/send` (token in `x-acs-dingtalk-access-token`; errors as HTTP
 * status + `{code, message}`); old-style (oapi.dingtalk.com) `GET /gettoken` and
 * `POST /media/upload` and `POST /topapi/message/corpconversation/asyncsend_v2` (`{errcode, errmsg}`); and the session
 * webhook `POST /robot/sendBySession?session=…`. Custom group robots are fake-robot-server.ts.
 * It records what it accepted and can be told to fail.
 */
export type FakeDingtalkCall = { method: string; path: string; query: Record<string, string>; headers: Record<string, string | string[] | undefined>; json: Record<string, unknown> | null };
type Failure = { status: number; code?: string; message?: string } | { errcode: number; errmsg?: string };

export type FakeDingtalkServer = {
  url: string;
  calls: FakeDingtalkCall[];
  /** A session webhook that takes messages (as DingTalk puts in a callback's `sessionWebhook`). */
  sessionWebhook(session: string): string;
  /** Sessions DingTalk no longer takes (ended early). */
  expireSession(session: string): void;
  /** Bodies posted to each session webhook. */
  sessionSent(session: string): Array<Record<string, unknown>>;
  /** Bodies of accepted batchSend / groupMessages/send calls (msgParam parsed). */
  singleSent(): Array<{ userIds: string[]; msgKey: string; msgParam: Record<string, unknown> }>;
  groupSent(): Array<{ openConversationId: string; msgKey: string; msgParam: Record<string, unknown> }>;
  /** Files uploaded through the old-style media/upload (type, file name, the multipart body). */
  uploads(): Array<{ type: string; filename: string; body: Buffer }>;
  /** Bodies of accepted work notifications. */
  workNotices(): Array<Record<string, unknown>>;
  addFile(downloadCode: string, content: Buffer, contentType: string): void;
  /** Tokens issued: new-style and old-style. */
  tokensIssued(): { new: number; old: number };
  /** Forget issued tokens (as after their expiry): the next call with one is refused. */
  revokeTokens(): void;
  /** The next `count` calls of `path` answer this instead. */
  failNext(path: string, failure: Failure, count?: number): void;
  close(): Promise<void>;
};

export async function startFakeDingtalkServer(options: { appKey: string; appSecret: string }): Promise<FakeDingtalkServer> {
  const calls: FakeDingtalkCall[] = [];
  const sessions = new Map<string, Array<Record<string, unknown>>>();
  const expired = new Set<string>();
  const single: Array<{ userIds: string[]; msgKey: string; msgParam: Record<string, unknown> }> = [];
  const group: Array<{ openConversationId: string; msgKey: string; msgParam: Record<string, unknown> }> = [];
  const notices: Array<Record<string, unknown>> = [];
  const uploads: Array<{ type: string; filename: string; body: Buffer }> = [];
  const files = new Map<string, { content: Buffer; contentType: string }>();
  const failures = new Map<string, Failure[]>();
  const newTokens = new Set<string>();
  const oldTokens = new Set<string>();
  const issued = { new: 0, old: 0 };
  let url = '';

  const read = (request: IncomingMessage) =>
    new Promise<Buffer>((resolve, reject) => {
      const chunks: Buffer[] = [];
      request.on('data', (c: Buffer) => chunks.push(c));
      request.on('end', () => resolve(Buffer.concat(chunks)));
      request.on('error', reject);
    });
  const param = (value: unknown): Record<string, unknown> => {
    try {
      return typeof value === 'string' ? (JSON.parse(value) as Record<string, unknown>) : {};
    } catch {
      return {};
    }
  };

  const server: Server = createServer((request, response) => {
    void (async () => {
      const target = new URL(request.url ?? '/', 'http://fake');
      const body = await read(request);
      let json: Record<string, unknown> | null = null;
      try {
        json = body.length > 0 ? (JSON.parse(body.toString('utf8')) as Record<string, unknown>) : null;
      } catch {
        json = null;
      }
      const query = Object.fromEntries(target.searchParams);
      calls.push({ method: request.method ?? 'GET', path: target.pathname, query, headers: request.headers, json });
      const reply = (status: number, value: unknown, type = 'application/json') => {
        response.writeHead(status, { 'content-type': type });
        response.end(typeof value === 'string' || Buffer.isBuffer(value) ? value : JSON.stringify(value));
      };
      const failure = failures.get(target.pathname)?.shift();
      if (failure) return 'status' in failure ? reply(failure.status, { code: failure.code ?? 'ServiceUnavailable', message: failure.message ?? 'upstream failure', requestid: 'fake' }) : reply(200, { errcode: failure.errcode, errmsg: failure.errmsg ?? 'failure' });
      const newTokenOk = () => newTokens.has(String(request.headers['x-acs-dingtalk-access-token'] ?? ''));
      const refusedNew = () => reply(401, { code: 'InvalidAuthentication', message: '不合法的access_token', requestid: 'fake' });

      switch (target.pathname) {
        case '/v1.0/oauth2/accessToken': {
          if (json?.appKey !== options.appKey || json?.appSecret !== options.appSecret) return reply(400, { code: 'invalidClientIdOrSecret', message: '无效的clientId或者clientSecret', requestid: 'fake' });
          issued.new += 1;
          const token = `new-token-${issued.new}`;
          newTokens.add(token);
          return reply(200, { accessToken: token, expireIn: 7200 });
        }
        case '/gettoken': {
          if (query.appkey !== options.appKey || query.appsecret !== options.appSecret) return reply(200, { errcode: 40089, errmsg: '不合法的appkey或appsecret' });
          issued.old += 1;
          const token = `old-token-${issued.old}`;
          oldTokens.add(token);
          return reply(200, { errcode: 0, errmsg: 'ok', access_token: token, expires_in: 7200 });
        }
        case '/v1.0/robot/messageFiles/download': {
          if (!newTokenOk()) return refusedNew();
          const code = String(json?.downloadCode ?? '');
          if (!files.has(code)) return reply(400, { code: 'invalidParameter.downloadCode', message: 'downloadCode 无效', requestid: 'fake' });
          return reply(200, { downloadUrl: `${url}/files/${encodeURIComponent(code)}` });
        }
        case '/v1.0/robot/oToMessages/batchSend': {
          if (!newTokenOk()) return refusedNew();
          const userIds = Array.isArray(json?.userIds) ? (json.userIds as string[]) : [];
          single.push({ userIds, msgKey: String(json?.msgKey ?? ''), msgParam: param(json?.msgParam) });
          return reply(200, { processQueryKey: `pqk-${single.length}`, invalidStaffIdList: [], flowControlledStaffIdList: [] });
        }
        case '/v1.0/robot/groupMessages/send': {
          if (!newTokenOk()) return refusedNew();
          group.push({ openConversationId: String(json?.openConversationId ?? ''), msgKey: String(json?.msgKey ?? ''), msgParam: param(json?.msgParam) });
          return reply(200, { processQueryKey: `pqk-g-${group.length}` });
        }
        case '/media/upload': {
          if (!oldTokens.has(query.access_token ?? '')) return reply(200, { errcode: 40014, errmsg: '不合法的access_token' });
          const name = /filename="([^"]*)"/.exec(body.toString('latin1'))?.[1] ?? '';
          uploads.push({ type: query.type ?? '', filename: Buffer.from(name, 'latin1').toString('utf8'), body });
          return reply(200, { errcode: 0, errmsg: 'ok', type: query.type, media_id: `@lAmedia${uploads.length}`, created_at: Date.now() });
        }
        case '/topapi/message/corpconversation/asyncsend_v2':
          if (!oldTokens.has(query.access_token ?? '')) return reply(200, { errcode: 40014, errmsg: '不合法的access_token' });
          notices.push(json ?? {});
          return reply(200, { errcode: 0, errmsg: 'ok', task_id: 1000 + notices.length, request_id: 'fake' });
        case '/robot/sendBySession': {
          const session = query.session ?? '';
          const sent = sessions.get(session);
          if (!sent || expired.has(session)) return reply(200, { errcode: 300001, errmsg: 'session 不存在或已过期' });
          sent.push(json ?? {});
          return reply(200, { errcode: 0, errmsg: 'ok' });
        }
        default: {
          const file = target.pathname.startsWith('/files/') ? files.get(decodeURIComponent(target.pathname.slice('/files/'.length))) : undefined;
          if (file) {
            response.writeHead(200, { 'content-type': file.contentType });
            return response.end(file.content);
          }
          return reply(404, { code: 'NotFound', message: 'not found' });
        }
      }
    })().catch((error: unknown) => {
      response.writeHead(500);
      response.end(String(error));
    });
  });
  // Idle keep-alive sockets stay open (see fake-wecom-server.ts): no ECONNRESET race of the test's timing.
  server.keepAliveTimeout = 0;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  url = `http://127.0.0.1:${port}`;
  return {
    url,
    calls,
    sessionWebhook(session) {
      if (!sessions.has(session)) sessions.set(session, []);
      return `${url}/robot/sendBySession?session=${encodeURIComponent(session)}`;
    },
    expireSession: (session) => void expired.add(session),
    sessionSent: (session) => [...(sessions.get(session) ?? [])],
    singleSent: () => [...single],
    groupSent: () => [...group],
    workNotices: () => [...notices],
    uploads: () => [...uploads],
    addFile: (code, content, contentType) => void files.set(code, { content, contentType }),
    tokensIssued: () => ({ ...issued }),
    revokeTokens() {
      newTokens.clear();
      oldTokens.clear();
    },
    failNext(path, failure, count = 1) {
      failures.set(path, [...(failures.get(path) ?? []), ...Array.from({ length: count }, () => failure)]);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
