import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import type { Problem } from './http/problem.js';

/**
 * The one HTTP client of the API tests (instead of a hand-written `call`/`api` per test file):
 * Fastify's `inject` with a user's headers and a JSON body, answering with the parsed JSON beside
 * the raw response. Used through `t.api(...)` and `t.createTicket(...)` of a TestApp.
 */
export type ApiMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Whose headers a request carries: a TestUser, or none. */
export type Caller = { headers: Record<string, string> };

export type ApiOptions = {
  /** The caller (default: the test app's admin); `null` sends no credentials. */
  as?: Caller | null;
  /** Sent as JSON (an object or array), or as it is (a string). */
  body?: unknown;
  headers?: Record<string, string>;
  /** Sent as `If-Match: "<version>"` (a number) or as it is (a string). */
  ifMatch?: number | string;
  /** Appended to the URL; undefined values are left out. */
  query?: Record<string, string | number | boolean | undefined>;
  /** The client address the server sees (per-address limits); inject's default otherwise. */
  remoteAddress?: string;
};

export type ApiResponse<T = any> = {
  statusCode: number;
  headers: Record<string, string | string[] | number | undefined>;
  /** The raw body text. */
  body: string;
  /** The parsed JSON body (undefined when the body is empty or not JSON). */
  data: T;
  /** The cookies the answer sets (sign-in tests read the session cookie). */
  cookies: Array<{ name: string; value: string; [attribute: string]: unknown }>;
  /** The body as bytes (downloads). */
  rawPayload: Buffer;
  json<J = T>(): J;
};

export type TestClient = {
  api<T = any>(method: ApiMethod, url: string, options?: ApiOptions): Promise<ApiResponse<T>>;
  /** POST /api/v1/tickets as the admin (or `as`), asserting 201; `body` is merged over a subject. */
  createTicket<T = any>(body?: Record<string, unknown>, options?: { as?: Caller }): Promise<T>;
};

export function createTestClient(server: FastifyInstance, admin: Caller): TestClient {
  async function api<T = any>(method: ApiMethod, url: string, options: ApiOptions = {}): Promise<ApiResponse<T>> {
    const caller = options.as === undefined ? admin : options.as;
    const headers: Record<string, string> = { ...(caller?.headers ?? {}), ...(options.headers ?? {}) };
    if (options.ifMatch !== undefined) headers['if-match'] = typeof options.ifMatch === 'number' ? `"${options.ifMatch}"` : options.ifMatch;
    const search = options.query
      ? new URLSearchParams(Object.entries(options.query).flatMap(([key, value]) => (value === undefined ? [] : [[key, String(value)]]))).toString()
      : '';
    const res = await server.inject({
      method,
      url: search ? `${url}${url.includes('?') ? '&' : '?'}${search}` : url,
      headers,
      ...(options.remoteAddress !== undefined && { remoteAddress: options.remoteAddress }),
      ...(options.body !== undefined && { payload: options.body as string | object }),
    });
    let data: unknown;
    if (/json/.test(String(res.headers['content-type'] ?? '')) && res.body) data = JSON.parse(res.body);
    return { statusCode: res.statusCode, headers: res.headers, body: res.body, data: data as T, cookies: res.cookies, rawPayload: res.rawPayload, json: <J>() => res.json() as J };
  }

  return {
    api,
    async createTicket<T = any>(body: Record<string, unknown> = {}, options: { as?: Caller } = {}): Promise<T> {
      const res = await api<T>('POST', '/api/v1/tickets', { as: options.as, body: { subject: '测试工单', ...body } });
      assert.equal(res.statusCode, 201, res.body);
      return res.data;
    },
  };
}

/**
 * Asserts an RFC 9457 answer: the status, the problem+json type and the stable `code`; returns
 * the problem for further checks (field `errors`, translated `title`).
 */
export function assertProblem(res: { statusCode: number; headers: Record<string, unknown>; body: string }, status: number, code: string, context = ''): Problem {
  const message = context ? `${context}: ${res.body}` : res.body;
  assert.equal(res.statusCode, status, message);
  assert.match(String(res.headers['content-type']), /^application\/problem\+json/, message);
  const problem = JSON.parse(res.body) as Problem;
  assert.equal(problem.code, code, message);
  assert.equal(problem.status, status, message);
  return problem;
}
