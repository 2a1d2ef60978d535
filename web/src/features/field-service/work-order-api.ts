import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../shared/api/client.ts';
import type { components } from '../../shared/api/schema';
import { ticketKeys } from '../tickets/keys.ts';

export type WorkOrder = components['schemas']['WorkOrder'];
export type WorkOrderDetail = components['schemas']['WorkOrderDetail'];

/** Query keys of the field-service console: a ticket's visits, one order. */
export const workOrderKeys = {
  all: ['work-orders'] as const,
  ofTicket: (ticketId: string) => ['work-orders', 'ticket', ticketId] as const,
  one: (id: string) => ['work-orders', 'one', id] as const,
};

export function useTicketWorkOrders(ticketId: string, enabled: boolean) {
  return useQuery({
    queryKey: workOrderKeys.ofTicket(ticketId),
    queryFn: () => unwrap(api.GET('/api/v1/work-orders', { params: { query: { ticket: ticketId, limit: 50 } } })),
    enabled,
  });
}

export function useWorkOrder(id: string, enabled: boolean) {
  return useQuery({ queryKey: workOrderKeys.one(id), queryFn: () => unwrap(api.GET('/api/v1/work-orders/{id}', { params: { path: { id } } })), enabled });
}

/** 创建派工单 with the defaults the server takes from the ticket and its requester. */
export function useCreateWorkOrder(ticketId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/work-orders', { body: { ticketId } })),
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: workOrderKeys.ofTicket(ticketId) });
      await queryClient.invalidateQueries({ queryKey: ticketKeys.timeline(ticketId) });
    },
  });
}
