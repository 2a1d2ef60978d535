import i18next from 'i18next';
import { ApiError, type Problem } from '../../shared/api/client.ts';

/**
 * The staff knowledge API. Hand-typed: it was written while `npm run api:types` failed on the forms
 * module's request schemas. The generated client knows these routes again (2026-12-07); moving
 * these calls to `api` is still to do.
 */
export type Locale = 'zh-CN' | 'en';
export type ArticleStatus = 'draft' | 'in_review' | 'published' | 'archived';
export type Visibility = 'internal' | 'public' | 'restricted';
export type Translation = { locale: Locale; title: string; bodyHtml: string; bodyText: string };
export type Article = {
  id: string;
  slug: string;
  status: ArticleStatus;
  visibility: Visibility;
  organizationIds: string[];
  tierKeys: string[];
  categoryId: string | null;
  tags: string[];
  ownerId: string;
  reviewerId: string | null;
  reviewBy: string | null;
  version: number;
  updatedAt: string;
  translations: Translation[];
  related: Array<{ id: string; slug: string; titles: Record<string, string> }>;
  /** Its files that are not images (images sit in the body). */
  attachments: ArticleAttachment[];
  abilities?: { edit: boolean; submit: boolean; review: boolean };
};
export type ArticleAttachment = { id: string; url: string; filename: string; contentType: string; size: number };
export type ArticleFile = ArticleAttachment & { image: boolean };
export type ArticleHit = { id: string; slug: string; locale: Locale; title: string; snippet: string; status: ArticleStatus; visibility: Visibility; tags: string[]; updatedAt: string; matchedWords?: string[] };
export type Version = { number: number; status: string; reason: string; restoredFrom: number | null; actorId: string; createdAt: string };
export type Diff = { texts: Array<{ locale: string; field: 'title' | 'body'; lines: Array<{ op: 'same' | 'added' | 'removed'; text: string }> }>; settings: Array<{ field: string; from: unknown; to: unknown }> };
export type ArticleInput = { translations: Array<{ locale: Locale; title: string; bodyHtml: string }>; visibility: Visibility; tags: string[]; reviewBy: string | null; categoryId?: string | null };

async function call<T>(method: string, path: string, options: { body?: unknown; version?: number } = {}): Promise<T> {
  let res: Response;
  // A FormData body is sent as multipart (the browser writes its content type and boundary).
  const json = options.body !== undefined && !(options.body instanceof FormData);
  try {
    res = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: { accept: 'application/json', 'accept-language': i18next.language, ...(json && { 'content-type': 'application/json' }), ...(options.version !== undefined && { 'if-match': `"${options.version}"` }) },
      body: options.body instanceof FormData ? options.body : json ? JSON.stringify(options.body) : undefined,
    });
  } catch {
    throw new ApiError({ title: 'network', status: 0, code: 'network' });
  }
  const body: unknown = res.headers.get('content-type')?.includes('json') ? await res.json() : undefined;
  if (!res.ok) throw new ApiError(body && typeof body === 'object' && 'title' in body ? { ...(body as Problem), status: res.status } : { title: `HTTP ${res.status}`, status: res.status });
  return body as T;
}

const qs = (params: Record<string, string | undefined>) => new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => Boolean(e[1]))).toString();

export const knowledgeApi = {
  search: (params: { q?: string; status?: ArticleStatus; for?: 'reply' | 'note'; limit?: string }) => call<{ items: ArticleHit[] }>('GET', `/api/v1/articles?${qs(params)}`),
  get: (id: string) => call<Article>('GET', `/api/v1/articles/${id}`),
  create: (input: ArticleInput) => call<Article>('POST', '/api/v1/articles', { body: input }),
  update: (id: string, version: number, input: Partial<ArticleInput>) => call<Article>('PATCH', `/api/v1/articles/${id}`, { body: input, version }),
  move: (id: string, version: number, transition: 'submit' | 'reject' | 'publish' | 'archive', note?: string) => call<Article>('POST', `/api/v1/articles/${id}/transitions`, { body: { transition, ...(note && { note }) }, version }),
  versions: (id: string) => call<{ items: Version[] }>('GET', `/api/v1/articles/${id}/versions`),
  diff: (id: string, from: number, to: number) => call<Diff>('GET', `/api/v1/articles/${id}/diff?from=${from}&to=${to}`),
  rollback: (id: string, version: number, toVersion: number) => call<Article>('POST', `/api/v1/articles/${id}/rollback`, { body: { toVersion }, version }),
  ticketSuggestions: (ticketId: string) => call<{ items: ArticleHit[] }>('GET', `/api/v1/tickets/${ticketId}/article-suggestions`),
  useInTicket: (ticketId: string, input: { articleId: string; locale: Locale; mode: 'link' | 'content'; into: 'reply' | 'note' }) => call<{ slug: string; title: string; bodyText: string }>('POST', `/api/v1/tickets/${ticketId}/articles`, { body: input }),
  /** `kind: 'image'` makes the server refuse anything whose bytes are not a PNG, JPEG, GIF or WebP image (400 at `file`). */
  uploadFile: (id: string, file: File, kind: 'image' | 'attachment') => {
    const form = new FormData();
    form.append('file', file, file.name);
    return call<ArticleFile>('POST', `/api/v1/articles/${id}/files?kind=${kind}`, { body: form });
  },
  removeFile: (id: string, fileId: string) => call<void>('DELETE', `/api/v1/articles/${id}/files/${fileId}`),
  draftFromReply: (ticketId: string, messageId: string, locale: Locale) => call<{ article: Article; redactions: Array<{ kind: string; count: number }> }>('POST', `/api/v1/tickets/${ticketId}/messages/${messageId}/article-draft`, { body: { locale } }),
};
