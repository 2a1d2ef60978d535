import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../shared/api/client.ts';
import type { paths } from '../../shared/api/schema';

type ListBody = paths['/api/v1/exports']['get']['responses'][200]['content']['application/json'];
export type DataExport = ListBody['items'][number];

/** Query keys of 设置 › 数据导出; starting one invalidates `all`. */
export const exportKeys = { all: ['exports'] as const, list: () => [...exportKeys.all, 'list'] as const };

/** The exports newest first; while one is queued or running the first page is asked again every second (the progress). */
export function useDataExports() {
  return useInfiniteQuery({
    queryKey: exportKeys.list(),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => unwrap(api.GET('/api/v1/exports', { params: { query: { cursor: pageParam, limit: 20 } } })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: (query) => (query.state.data?.pages[0]?.items.some((item) => item.state === 'queued' || item.state === 'running') ? 1000 : false),
  });
}

export function useStartExport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/exports')),
    onSuccess: () => client.invalidateQueries({ queryKey: exportKeys.all }),
  });
}
