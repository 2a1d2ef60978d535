import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { ApiError, api, unwrap } from '../../shared/api/client.ts';
import type { paths } from '../../shared/api/schema';

/**
 * The agent's side of processes (issue 19 §5): the stages one may filter the ticket list by,
 * 待我处理的环节 (GET /process-stages?mine=1) and 待我审批 (GET /approvals?mine=1).
 */
export type StageOptions = paths['/api/v1/process-stages/options']['get']['responses']['200']['content']['application/json']['items'];
export type StageWorkItem = paths['/api/v1/process-stages']['get']['responses']['200']['content']['application/json']['items'][number];

export const stageWorkKeys = {
  all: ['process-work'] as const,
  options: () => [...stageWorkKeys.all, 'stage-options'] as const,
  mine: () => [...stageWorkKeys.all, 'mine'] as const,
  approvals: () => [...stageWorkKeys.all, 'approvals'] as const,
};

/** Published processes with their current stages; changes only when an admin publishes. */
export function useStageOptions() {
  return useQuery({ queryKey: stageWorkKeys.options(), queryFn: async () => (await unwrap(api.GET('/api/v1/process-stages/options'))).items, staleTime: 60_000 });
}

/** 待我处理的环节, oldest first, a keyset page of 50 at a time. */
export function useMyStages() {
  return useInfiniteQuery({
    queryKey: stageWorkKeys.mine(),
    queryFn: ({ pageParam }) => unwrap(api.GET('/api/v1/process-stages', { params: { query: { mine: '1', limit: 50, ...(pageParam ? { cursor: pageParam } : {}) } } })),
    initialPageParam: '' as string,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

/** An approval waiting for me, as GET /api/v1/approvals?mine=1 lists it. */
export const approvalItemSchema = z.object({
  requestId: z.string(),
  ticketId: z.string(),
  ticketNumber: z.string().nullish(),
  ticketSubject: z.string().nullish(),
  processId: z.string(),
  transition: z.string(),
  fromStage: z.string(),
  requestedAt: z.string(),
  askedAt: z.string(),
  mode: z.string(),
});
export type ApprovalItem = z.infer<typeof approvalItemSchema>;
const approvalPageSchema = z.object({ items: z.array(approvalItemSchema), nextCursor: z.string().nullish() });

/**
 * A page of 待我审批, or null where the server has no approvals endpoint (404: the view is not
 * shown). The endpoint is not in the generated client yet, so its answer is checked, not cast.
 */
export async function fetchApprovals(cursor: string, language: string): Promise<z.infer<typeof approvalPageSchema> | null> {
  const query = new URLSearchParams({ mine: '1', ...(cursor ? { cursor } : {}) });
  let response: Response;
  try {
    response = await fetch(`/api/v1/approvals?${query}`, { credentials: 'same-origin', headers: { Accept: 'application/json', 'Accept-Language': language } });
  } catch {
    throw new ApiError({ title: 'network', status: 0, code: 'network' });
  }
  if (response.status === 404) return null;
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const problem = z.object({ title: z.string(), status: z.number(), code: z.string().optional() }).safeParse(body);
    throw new ApiError(problem.success ? problem.data : { title: response.statusText, status: response.status });
  }
  return approvalPageSchema.parse(body);
}

export function useMyApprovals(language: string) {
  return useInfiniteQuery({
    queryKey: stageWorkKeys.approvals(),
    queryFn: ({ pageParam }) => fetchApprovals(pageParam, language),
    initialPageParam: '' as string,
    getNextPageParam: (page) => page?.nextCursor ?? undefined,
  });
}

/** Whether 待我审批 exists on this server: its first page answered (kept for the session). */
export function useApprovalsAvailable(language: string): boolean {
  const first = useQuery({ queryKey: [...stageWorkKeys.approvals(), 'available'], queryFn: async () => (await fetchApprovals('', language)) !== null, staleTime: Infinity, retry: false });
  return first.data === true;
}
