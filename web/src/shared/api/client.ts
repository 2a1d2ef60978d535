import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';

/** An RFC 9457 problem from the API, localised by the server in the console's language. */
export type Problem = {
  type?: string;
  title: string;
  status: number;
  code?: string;
  detail?: string;
  errors?: { path: string; code: string; message: string; params?: Record<string, string | number> }[];
};

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.errors?.length ? `${problem.title}: ${problem.errors.map((e) => `${e.path ? `${e.path} ` : ''}${e.message}`).join('; ')}` : problem.title);
  }
  get status(): number {
    return this.problem.status;
  }
}

let currentLocale = 'zh-CN';
/** The language the server answers errors in; follows the console's language. */
export function setApiLocale(locale: string): void {
  currentLocale = locale;
}

const listeners = new Set<() => void>();
/** Called when any request answers 401 (session expired or logged out elsewhere). */
export function onUnauthenticated(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const localeAndSession: Middleware = {
  onRequest({ request }) {
    request.headers.set('Accept-Language', currentLocale);
    return request;
  },
  onResponse({ response, request }) {
    if (response.status === 401 && !request.url.endsWith('/api/v1/auth/login')) for (const listener of listeners) listener();
    return response;
  },
};

/** The typed API client: paths, parameters and bodies come from the generated OpenAPI types. */
export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });
api.use(localeAndSession);

/** Unwrap an openapi-fetch result: the data, or throw an ApiError carrying the problem. */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await call;
  } catch {
    throw new ApiError({ title: 'network', status: 0, code: 'network' });
  }
  if (!result.response.ok) throw new ApiError(asProblem(result.error, result.response.status));
  return result.data as T;
}

function asProblem(body: unknown, status: number): Problem {
  if (body && typeof body === 'object' && 'title' in body) return { ...(body as Problem), status };
  return { title: typeof body === 'string' && body ? body : `HTTP ${status}`, status };
}
