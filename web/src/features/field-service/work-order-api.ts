import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../shared/api/client.ts';
import type { components } from '../../shared/api/schema';
import { ticketKeys } from '../tickets/keys.ts';

export type WorkOrder = components['schemas']['WorkOrder'];
export type WorkOrderDetail = components['schemas']['WorkOrderDetail'];

/**
 * Query keys of the field-service console: a ticket's visits sit under the ticket's detail key, so
 * the live stream's refresh of the ticket (a `work_order.ticket_visits_changed` event) refreshes
 * them too; one order.
 */
export const workOrderKeys = {
  ofTicket: (ticketId: string) => [...ticketKeys.detail(ticketId), 'work-orders'] as const,
  one: (ticketId: string, id: string) => [...workOrderKeys.ofTicket(ticketId), id] as const,
};

export function useTicketWorkOrders(ticketId: string, enabled: boolean) {
  return useQuery({
    queryKey: workOrderKeys.ofTicket(ticketId),
    queryFn: () => unwrap(api.GET('/api/v1/work-orders', { params: { query: { ticket: ticketId, limit: 50 } } })),
    enabled,
  });
}

export function useWorkOrder(ticketId: string, id: string, enabled: boolean) {
  return useQuery({ queryKey: workOrderKeys.one(ticketId, id), queryFn: () => unwrap(api.GET('/api/v1/work-orders/{id}', { params: { path: { id } } })), enabled });
}
