/**
 * The public help centre's JSON (no credentials), with plain fetch: the help centre page and the
 * web form's suggestions use it without loading the console's API client or antd.
 */
export type HelpLocale = 'zh-CN' | 'en';
export type HelpHit = { id: string; slug: string; locale: HelpLocale; title: string; snippet: string; categoryId: string | null; tags: string[]; matchedWords?: string[] };
export type HelpArticle = {
  id: string;
  slug: string;
  categoryId: string | null;
  tags: string[];
  translations: Array<{ locale: HelpLocale; title: string; bodyHtml: string }>;
  related: Array<{ id: string; slug: string; titles: Record<string, string> }>;
  /** Files to download (images are in the body). */
  attachments: Array<{ id: string; url: string; filename: string; contentType: string; size: number }>;
  updatedAt: string;
};
export type HelpCategory = { id: string; parentId: string | null; nameZh: string; nameEn: string };

export class HelpError extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${status}`);
  }
}

async function call<T>(path: string, init?: RequestInit): Promise<T> {
  const res = await fetch(path, { credentials: 'same-origin', ...init, headers: { accept: 'application/json', ...(init?.body ? { 'content-type': 'application/json' } : {}), ...init?.headers } });
  if (!res.ok) throw new HelpError(res.status);
  return res.status === 204 ? (undefined as T) : ((await res.json()) as T);
}

const query = (params: Record<string, string | undefined>) => new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => Boolean(e[1]))).toString();

export const helpApi = {
  search: (params: { q?: string; categoryId?: string; locale: HelpLocale }) => call<{ items: HelpHit[] }>(`/api/v1/help/articles?${query(params)}`),
  suggestions: (q: string, locale: HelpLocale) => call<{ items: HelpHit[] }>(`/api/v1/help/suggestions?${query({ q, locale })}`),
  article: (slug: string) => call<HelpArticle>(`/api/v1/help/articles/${encodeURIComponent(slug)}`),
  categories: () => call<{ items: HelpCategory[] }>('/api/v1/help/categories'),
  visit: (id: string, source: 'help' | 'form', locale: HelpLocale) => call<void>(`/api/v1/help/articles/${id}/visits`, { method: 'POST', body: JSON.stringify({ source, locale }) }),
  vote: (id: string, helpful: boolean, reason?: string) => call<{ helpful: boolean }>(`/api/v1/help/articles/${id}/votes`, { method: 'POST', body: JSON.stringify({ helpful, ...(reason && { reason }) }) }),
  ticketSubmitted: () => call<{ visits: number }>('/api/v1/help/ticket-submitted', { method: 'POST' }),
};
