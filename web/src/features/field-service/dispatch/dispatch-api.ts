import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../shared/api/client.ts';
import type { components } from '../../../shared/api/schema';

export type DispatchBoardData = components['schemas']['DispatchBoard'];
export type BoardEngineer = DispatchBoardData['engineers'][number];
export type BoardVisit = BoardEngineer['visits'][number];
export type WaitingOrder = DispatchBoardData['unscheduled']['items'][number];
export type Suggestions = components['schemas']['DispatchSuggestions'];
export type DispatchReason = components['schemas']['DispatchReason'];

/** Query keys of 派工台: the board by week and team, the suggestions per order (both refreshed after a dispatch). */
export const dispatchKeys = {
  all: ['dispatch'] as const,
  board: (from: string, teamId: string | undefined, limit: number) => [...dispatchKeys.all, 'board', from, teamId ?? '', limit] as const,
  suggestions: (orderId: string, all: boolean) => [...dispatchKeys.all, 'suggestions', orderId, all] as const,
  map: () => [...dispatchKeys.all, 'map'] as const,
};

/** The ticket event every work order change records on its ticket (the live stream sends it to those who see the ticket). */
export const workOrderChangeEvent = 'work_order.ticket_visits_changed';

/** What a change to a work order makes stale: every board and suggestion (not the map's key, which changes only in settings). */
export const staleAfterWorkOrderChange = { queryKey: dispatchKeys.all, predicate: (query: { queryKey: readonly unknown[] }) => query.queryKey[1] !== 'map' } as const;

export type MapConfig = components['schemas']['MapConfig'];

export function useMapConfig() {
  return useQuery({ queryKey: dispatchKeys.map(), queryFn: () => unwrap(api.GET('/api/v1/dispatch/map')), staleTime: Infinity });
}

export function useDispatchBoard(from: string, teamId: string | undefined, limit: number) {
  return useQuery({
    queryKey: dispatchKeys.board(from, teamId, limit),
    queryFn: () => unwrap(api.GET('/api/v1/dispatch/board', { params: { query: { from, days: 7, limit, ...(teamId && { teamId }) } } })),
    placeholderData: keepPreviousData,
  });
}

export function useSuggestions(orderId: string | null, all: boolean) {
  return useQuery({
    queryKey: dispatchKeys.suggestions(orderId ?? '', all),
    queryFn: () => unwrap(api.GET('/api/v1/work-orders/{id}/suggestions', { params: { path: { id: orderId! }, query: all ? { all: '1' } : {} } })),
    enabled: orderId !== null,
  });
}

export type DispatchInput = { orderId: string; engineerId: string; appointmentStart?: string; force?: boolean };

/** 派工: the dispatch step, with the dropped slot when there is one (409 `work_order.slot_conflict` when it clashes, unless forced). */
export function useDispatch() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ orderId, ...body }: DispatchInput) =>
      unwrap(api.POST('/api/v1/work-orders/{id}/events', { params: { path: { id: orderId } }, body: { opId: crypto.randomUUID(), type: 'dispatch', at: new Date().toISOString(), ...body } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: dispatchKeys.all }),
  });
}
