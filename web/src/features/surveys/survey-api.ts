import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, type Problem } from '../../shared/api/client.ts';

/**
 * The surveys endpoints, typed here by hand: `npm run api:types` fails on this branch's base (an
 * unresolved $ref in the forms module's organisation-field schema), so the generated client does
 * not know these paths yet. Replace with `api.GET(...)` once the types regenerate.
 */
export type SurveyPageView = { kind: 'csat' | 'nps'; ticketNumber: string | null; ticketSubject: string | null; scores: number[]; score: number | null; comment: string | null; answered: boolean; expiresAt: string };
export type SurveySettings = {
  csatEnabled: boolean; csatDelayMinutes: number; csatCooldownDays: number; lowRatingThreshold: number; followUpTypeKey: string; linkValidDays: number;
  npsEnabled: boolean; npsIntervalDays: number; npsSamplePercent: number; npsTierKeys: string[]; npsQuietDaysAfterComplaint: number; npsComplaintTypeKey: string;
  invitationLocale: 'zh-CN' | 'en';
};
export type SurveySettingsView = SurveySettings & { version: number; updatedAt: string | null };

async function call<T>(method: 'GET' | 'POST' | 'PUT', url: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { method, credentials: 'same-origin', headers: { 'Accept-Language': document.documentElement.lang || 'zh-CN', ...(body !== undefined && { 'Content-Type': 'application/json' }), ...headers }, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError({ title: 'network', status: 0, code: 'network' });
  }
  const data: unknown = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(data && typeof data === 'object' && 'title' in data ? { ...(data as Problem), status: response.status } : { title: `HTTP ${response.status}`, status: response.status });
  return data as T;
}

const link = (token: string) => `/api/v1/survey-links/${encodeURIComponent(token)}`;
export const surveyKeys = { page: (token: string) => ['survey-link', token] as const, settings: ['survey-settings'] as const };

export function useSurveyPage(token: string) {
  return useQuery({ queryKey: surveyKeys.page(token), queryFn: () => call<SurveyPageView>('GET', link(token)), retry: false });
}
export const answerSurvey = (token: string, score: number) => call<SurveyPageView>('POST', `${link(token)}/answer`, { score });
export const commentSurvey = (token: string, comment: string) => call<SurveyPageView>('POST', `${link(token)}/comment`, { comment });

export function useSurveySettings() {
  return useQuery({ queryKey: surveyKeys.settings, queryFn: () => call<SurveySettingsView>('GET', '/api/v1/settings/surveys') });
}
export function useSaveSurveySettings() {
  const queryClient = useQueryClient();
  return async (current: SurveySettingsView, changes: Partial<SurveySettings>) => {
    try {
      return await call<SurveySettingsView>('PUT', '/api/v1/settings/surveys', changes, { 'If-Match': `"${current.version}"` });
    } finally {
      await queryClient.invalidateQueries({ queryKey: surveyKeys.settings });
    }
  };
}
