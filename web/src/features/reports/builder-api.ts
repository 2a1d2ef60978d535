import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../shared/api/client.ts';
import type { paths } from '../../shared/api/schema.d.ts';
import type { Definition } from './builder-draft.ts';

type SavedPath = paths['/api/v1/reports/saved'];
export type SavedReport = SavedPath['get']['responses'][200]['content']['application/json']['items'][number];
export type SavedReportInput = { name: string; definition: Definition; sharedRoles: Array<SavedReport['sharedRoles'][number]>; pinned: boolean };
export type ScheduleInput = NonNullable<paths['/api/v1/reports/saved/{id}/schedule']['put']['requestBody']>['content']['application/json'];

/** Query keys of 自定义报表, so a save or a pin refreshes the list, the dashboard's pinned section and the open report. */
export const builderKeys = {
  all: ['reports', 'saved'] as const,
  list: (pinned: boolean | undefined, cursor: string | undefined) => ['reports', 'saved', 'list', pinned ?? 'all', cursor ?? ''] as const,
  one: (id: string) => ['reports', 'saved', 'one', id] as const,
  result: (id: string) => ['reports', 'saved', 'result', id] as const,
};

export const useSavedReports = (cursor?: string, pinned?: boolean) =>
  useQuery({
    queryKey: builderKeys.list(pinned, cursor),
    placeholderData: keepPreviousData,
    queryFn: () => unwrap(api.GET('/api/v1/reports/saved', { params: { query: { limit: 20, ...(cursor && { cursor }), ...(pinned !== undefined && { pinned: pinned ? 'true' : 'false' }) } } })),
  });

export const useSavedReport = (id: string | undefined) =>
  useQuery({ queryKey: builderKeys.one(id ?? ''), enabled: id !== undefined, queryFn: () => unwrap(api.GET('/api/v1/reports/saved/{id}', { params: { path: { id: id! } } })) });

export const useSavedResult = (id: string) =>
  useQuery({ queryKey: builderKeys.result(id), queryFn: () => unwrap(api.GET('/api/v1/reports/saved/{id}/result', { params: { path: { id } } })) });

/** What a report may group and filter by, named (GET /reports/dimensions). */
export const useReportDimensions = () =>
  useQuery({ queryKey: ['reports', 'dimensions'], queryFn: () => unwrap(api.GET('/api/v1/reports/dimensions')).then((r) => r.items), staleTime: 60_000 });

/** The builder's live preview: the unsaved definition's numbers (kept on screen while the next answer comes). */
export const usePreview = (definition: Definition) =>
  useQuery({
    queryKey: ['reports', 'preview', definition],
    placeholderData: keepPreviousData,
    retry: false,
    queryFn: () => unwrap(api.POST('/api/v1/reports/query', { body: { definition } })),
  });

export function useSaveReport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (change: { id: string; input: Partial<SavedReportInput> } | { create: SavedReportInput }) =>
      'create' in change
        ? unwrap(api.POST('/api/v1/reports/saved', { body: change.create }))
        : unwrap(api.PATCH('/api/v1/reports/saved/{id}', { params: { path: { id: change.id } }, body: change.input })),
    onSuccess: (saved) => {
      client.setQueryData(builderKeys.one(saved.id), saved);
      void client.invalidateQueries({ queryKey: builderKeys.all });
    },
  });
}

export function useDeleteReport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/reports/saved/{id}', { params: { path: { id } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: builderKeys.all }),
  });
}

export function useSchedule(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ScheduleInput | null) =>
      input
        ? unwrap(api.PUT('/api/v1/reports/saved/{id}/schedule', { params: { path: { id } }, body: input }))
        : unwrap(api.DELETE('/api/v1/reports/saved/{id}/schedule', { params: { path: { id } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: builderKeys.all }),
  });
}

/** GET /reports/saved/{id}/export: the file the screen shows, names not ids (a plain link: the browser streams it). */
export const savedExportUrl = (id: string, format: 'xlsx' | 'csv') => `/api/v1/reports/saved/${encodeURIComponent(id)}/export?format=${format}`;
