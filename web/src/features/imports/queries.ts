import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, unwrap, type Problem } from '../../shared/api/client.ts';
import type { paths } from '../../shared/api/schema';

type Json<P extends keyof paths, M extends 'get' | 'post' | 'patch'> = paths[P][M] extends { responses: infer R }
  ? R extends { 200: { content: { 'application/json': infer B } } } ? B
    : R extends { 201: { content: { 'application/json': infer B } } } ? B
      : R extends { 202: { content: { 'application/json': infer B } } } ? B : never
  : never;

export type ImportDetail = Json<'/api/v1/imports/{id}', 'get'>;
export type ImportJob = Json<'/api/v1/imports', 'get'>['items'][number];
export type DryRunReport = Json<'/api/v1/imports/{id}/dry-run', 'post'>;
export type RollbackResult = Json<'/api/v1/imports/{id}/rollback', 'post'>;
export type ImportTemplate = Json<'/api/v1/import-templates', 'get'>['items'][number];
export type ImportEntity = ImportJob['entity'];
export type DedupRule = ImportJob['dedupRule'];
export type ImportCounts = ImportJob['counts'];
export type SettingsChange = { mapping?: Array<{ column: number; target: string | null }>; valueMaps?: Record<string, Record<string, string>>; dedupRule?: DedupRule };

/** Query keys of 设置 › 数据导入; a change invalidates `all`. */
export const importKeys = {
  all: ['imports'] as const,
  list: () => [...importKeys.all, 'list'] as const,
  detail: (id: string) => [...importKeys.all, 'detail', id] as const,
  templates: () => [...importKeys.all, 'templates'] as const,
};

export const processedOf = (c: ImportCounts) => c.created + c.updated + c.skipped + c.rejected;

export function useImportJobs() {
  return useInfiniteQuery({
    queryKey: importKeys.list(),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => unwrap(api.GET('/api/v1/imports', { params: { query: { cursor: pageParam, limit: 20 } } })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** One job; while it runs it is asked again every second (the progress bar). */
export function useImportJob(id: string) {
  return useQuery({
    queryKey: importKeys.detail(id),
    queryFn: () => unwrap(api.GET('/api/v1/imports/{id}', { params: { path: { id } } })),
    refetchInterval: (query) => (query.state.data?.state === 'running' ? 1000 : false),
  });
}

export function useImportTemplates() {
  return useQuery({ queryKey: importKeys.templates(), queryFn: () => unwrap(api.GET('/api/v1/import-templates')) });
}

/** The upload is multipart (the browser writes the boundary), so it goes through fetch, not the typed client. */
async function uploadFile(file: File, entity: ImportEntity, template: string | undefined, locale: string): Promise<ImportDetail> {
  const form = new FormData();
  form.append('file', file);
  const query = new URLSearchParams({ entity, ...(template && { template }) });
  let res: Response;
  try {
    res = await fetch(`/api/v1/imports?${query}`, { method: 'POST', body: form, credentials: 'same-origin', headers: { accept: 'application/json', 'accept-language': locale } });
  } catch {
    throw new ApiError({ title: 'network', status: 0, code: 'network' });
  }
  const body: unknown = await res.json().catch(() => undefined);
  if (!res.ok) throw new ApiError(body && typeof body === 'object' && 'title' in body ? { ...(body as Problem), status: res.status } : { title: `HTTP ${res.status}`, status: res.status });
  return body as ImportDetail;
}

export const rejectedRowsUrl = (id: string, of: 'run' | 'dry-run') => `/api/v1/imports/${id}/rejected.xlsx?of=${of}`;

/** The wizard's actions; each refreshes the imports' queries after it answered. */
export function useImportActions() {
  const queryClient = useQueryClient();
  const refreshing = async <T,>(work: Promise<T>): Promise<T> => {
    try {
      return await work;
    } finally {
      await queryClient.invalidateQueries({ queryKey: importKeys.all });
    }
  };
  return {
    upload: (file: File, entity: ImportEntity, template: string | undefined, locale: string) => refreshing(uploadFile(file, entity, template, locale)),
    saveSettings: (job: ImportDetail, body: SettingsChange) =>
      refreshing(unwrap(api.PATCH('/api/v1/imports/{id}', { params: { path: { id: job.id }, header: { 'if-match': `"${job.settingsVersion}"` } }, body }))),
    dryRun: (id: string) => refreshing(unwrap(api.POST('/api/v1/imports/{id}/dry-run', { params: { path: { id } } }))),
    run: (id: string) => refreshing(unwrap(api.POST('/api/v1/imports/{id}/run', { params: { path: { id } } }))),
    rollback: (id: string) => refreshing(unwrap(api.POST('/api/v1/imports/{id}/rollback', { params: { path: { id } }, body: {} }))),
    saveTemplate: (id: string, name: string) => refreshing(unwrap(api.POST('/api/v1/imports/{id}/template', { params: { path: { id } }, body: { name } }))),
  };
}
