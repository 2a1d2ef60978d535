import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../shared/api/client.ts';
import type { paths } from '../../../shared/api/schema';
import { ticketKeys } from '../../tickets/keys.ts';
import { stageWorkKeys } from '../stage-work-api.ts';
import { ticketProcessKeys } from './ticket-process-api.ts';

/** A ticket's approval requests (GET /api/v1/tickets/{id}/approvals), oldest first, each with its steps. */
export type ApprovalRequestView = paths['/api/v1/tickets/{id}/approvals']['get']['responses']['200']['content']['application/json']['items'][number];
export type ApprovalStepView = ApprovalRequestView['steps'][number];
export type DecisionBody = paths['/api/v1/approvals/{id}/decisions']['post']['requestBody']['content']['application/json'];

/** Under the ticket's detail key: a live update of the ticket (an approval event is one) reads it again. */
export const ticketApprovalsKey = (ticketId: string) => [...ticketKeys.detail(ticketId), 'approvals'] as const;

export function useTicketApprovals(ticketId: string) {
  return useQuery({ queryKey: ticketApprovalsKey(ticketId), queryFn: async () => (await unwrap(api.GET('/api/v1/tickets/{id}/approvals', { params: { path: { id: ticketId } } }))).items });
}

/** After a decision or a 加签: the panel, the process card, the ticket (a transition may have moved it), its timeline and 待我审批. */
function useRefreshAfter(ticketId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ticketKeys.detail(ticketId) }),
      queryClient.invalidateQueries({ queryKey: ticketKeys.timeline(ticketId) }),
      queryClient.invalidateQueries({ queryKey: [...ticketProcessKeys.all, ticketId] }),
      queryClient.invalidateQueries({ queryKey: stageWorkKeys.approvals() }),
    ]);
}

export function useDecideApproval(ticketId: string) {
  const refresh = useRefreshAfter(ticketId);
  return useMutation({
    mutationFn: ({ requestId, body }: { requestId: string; body: DecisionBody }) => unwrap(api.POST('/api/v1/approvals/{id}/decisions', { params: { path: { id: requestId } }, body })),
    onSettled: refresh,
  });
}

export function useAddSigner(ticketId: string) {
  const refresh = useRefreshAfter(ticketId);
  return useMutation({
    mutationFn: ({ requestId, userId, expectedRevision }: { requestId: string; userId: string; expectedRevision: number }) =>
      unwrap(api.POST('/api/v1/approvals/{id}/signers', { params: { path: { id: requestId } }, body: { userId, expectedRevision } })),
    onSettled: refresh,
  });
}
