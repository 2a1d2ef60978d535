import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, unwrap } from '../../../shared/api/client.ts';
import type { paths } from '../../../shared/api/schema';
import { ticketKeys } from '../../tickets/keys.ts';

/** A ticket's process run as the ticket page shows it (GET /api/v1/tickets/{id}/process). */
export type TicketProcess = paths['/api/v1/tickets/{id}/process']['get']['responses']['200']['content']['application/json'];
export type RunStage = TicketProcess['stages'][number];
export type TransitionOption = RunStage['transitions'][number];

export const ticketProcessKeys = {
  all: ['ticket-process'] as const,
  /** By the ticket's version too: a field saved on the ticket may make a transition available. */
  run: (ticketId: string, ticketVersion: number) => [...ticketProcessKeys.all, ticketId, ticketVersion] as const,
};

/** The run, or null when the ticket runs no process (404 workflow.instance.not_found: the panel is absent). */
export function useTicketProcess(ticketId: string, ticketVersion: number, enabled = true) {
  return useQuery({
    queryKey: ticketProcessKeys.run(ticketId, ticketVersion),
    enabled,
    queryFn: async () => {
      try {
        return await unwrap(api.GET('/api/v1/tickets/{id}/process', { params: { path: { id: ticketId } } }));
      } catch (error) {
        if (error instanceof ApiError && error.problem.code === 'workflow.instance.not_found') return null;
        throw error;
      }
    },
  });
}

export type TakeRequest = { transition: string; expectedRevision: number; values?: Record<string, unknown>; reason?: string };

/** Takes a transition; afterwards the ticket (its fields, status), its timeline and its run are read again. */
export function useTakeTransition(ticketId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TakeRequest) => unwrap(api.POST('/api/v1/tickets/{id}/transitions', { params: { path: { id: ticketId } }, body })),
    onSettled: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ticketKeys.detail(ticketId) }),
        queryClient.invalidateQueries({ queryKey: ticketKeys.timeline(ticketId) }),
        queryClient.invalidateQueries({ queryKey: [...ticketProcessKeys.all, ticketId] }),
      ]);
    },
  });
}
