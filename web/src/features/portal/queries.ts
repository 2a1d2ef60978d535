import { useQuery } from '@tanstack/react-query';
import { api, ApiError, unwrap, type Problem } from '../../shared/api/client.ts';

/** Query keys of the portal; the customer's data never shares a key with the agent console's. */
export const portalKeys = {
  me: ['portal', 'me'] as const,
  tickets: ['portal', 'tickets'] as const,
  ticket: (id: string) => ['portal', 'tickets', id] as const,
  survey: (id: string) => ['portal', 'tickets', id, 'survey'] as const,
  visits: (id: string) => ['portal', 'tickets', id, 'visits'] as const,
  categories: ['portal', 'categories'] as const,
  nps: ['portal', 'nps'] as const,
};


/** The signed-in customer, or null (not signed in). */
export function usePortalMe() {
  return useQuery({
    queryKey: portalKeys.me,
    queryFn: async () => {
      try {
        return await unwrap(api.GET('/api/v1/portal/me'));
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 5 * 60_000,
  });
}

export function usePortalTickets() {
  return useQuery({ queryKey: portalKeys.tickets, queryFn: () => unwrap(api.GET('/api/v1/portal/tickets', { params: { query: { limit: 100 } } })) });
}

export function usePortalTicket(id: string) {
  return useQuery({ queryKey: portalKeys.ticket(id), queryFn: () => unwrap(api.GET('/api/v1/portal/tickets/{id}', { params: { path: { id } } })), refetchInterval: 15_000 });
}

/** The CSAT survey of the ticket the customer may answer or has answered (null: none). */
export function usePortalSurvey(id: string) {
  return useQuery({ queryKey: portalKeys.survey(id), queryFn: async () => (await unwrap(api.GET('/api/v1/portal/tickets/{id}/survey', { params: { path: { id } } }))).survey });
}

export async function answerPortalSurvey(id: string, body: { score?: number; comment?: string }) {
  return (await unwrap(api.POST('/api/v1/portal/tickets/{id}/survey', { params: { path: { id } }, body }))).survey;
}

/** The ticket's service visits (上门服务): window, engineer, status, the report once sent. */
export function usePortalVisits(id: string) {
  return useQuery({ queryKey: portalKeys.visits(id), queryFn: async () => (await unwrap(api.GET('/api/v1/portal/tickets/{id}/visits', { params: { path: { id } } }))).items, refetchInterval: 30_000 });
}

export async function ratePortalVisit(id: string, rating: number) {
  return unwrap(api.POST('/api/v1/portal/visits/{id}/rating', { params: { path: { id } }, body: { rating } }));
}

/** The NPS survey waiting for the customer on the portal home (null: none). */
export function usePortalNps() {
  return useQuery({ queryKey: portalKeys.nps, queryFn: async () => (await unwrap(api.GET('/api/v1/portal/nps'))).nps });
}

export async function answerPortalNps(id: string, body: { score?: number; comment?: string }) {
  return (await unwrap(api.POST('/api/v1/portal/nps/{id}', { params: { path: { id } }, body }))).nps;
}

export function useFormCategories() {
  return useQuery({ queryKey: portalKeys.categories, queryFn: () => unwrap(api.GET('/api/v1/portal/forms/categories')), staleTime: 10 * 60_000 });
}

/**
 * POST a multipart body (text fields and files) and return the JSON answer, or throw an ApiError
 * with the server's problem. The typed client does not build multipart bodies, so this does.
 */
export async function postMultipart<T>(url: string, fields: Record<string, string | undefined>, files: File[], idempotencyKey: string, locale: string): Promise<T> {
  const body = new FormData();
  for (const [key, value] of Object.entries(fields)) if (value !== undefined && value !== '') body.append(key, value);
  for (const file of files) body.append('files', file, file.name);
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', body, credentials: 'same-origin', headers: { 'Idempotency-Key': idempotencyKey, 'Accept-Language': locale } });
  } catch {
    throw new ApiError({ title: 'network', status: 0, code: 'network' });
  }
  const json = (await response.json().catch(() => ({}))) as unknown;
  if (!response.ok) throw new ApiError({ ...(json as Problem), status: response.status });
  return json as T;
}
