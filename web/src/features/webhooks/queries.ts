import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../shared/api/client.ts';
import type { components } from '../../shared/api/schema';

export type WebhookEndpoint = components['schemas']['WebhookEndpoint'];
export type WebhookDelivery = components['schemas']['WebhookDelivery'];
export type WebhookDeliveryDetail = components['schemas']['WebhookDeliveryDetail'];
export type WebhookEventType = components['schemas']['WebhookEventType'];
export type DeliveryStatus = WebhookDelivery['status'];

/** Query keys of 设置 › Webhook; every change invalidates `all`. */
export const webhookKeys = {
  all: ['webhooks'] as const,
  list: () => [...webhookKeys.all, 'list'] as const,
  eventTypes: () => [...webhookKeys.all, 'event-types'] as const,
  deliveries: (endpointId: string, status: DeliveryStatus | undefined) => [...webhookKeys.all, 'deliveries', endpointId, status ?? 'any'] as const,
  delivery: (endpointId: string, deliveryId: string) => [...webhookKeys.all, 'delivery', endpointId, deliveryId] as const,
};

export function useWebhookEndpoints() {
  return useQuery({ queryKey: webhookKeys.list(), queryFn: () => unwrap(api.GET('/api/v1/webhooks')) });
}

export function useWebhookEventTypes() {
  return useQuery({ queryKey: webhookKeys.eventTypes(), queryFn: () => unwrap(api.GET('/api/v1/webhooks/event-types')), staleTime: Infinity });
}

export function useWebhookDeliveries(endpointId: string, status: DeliveryStatus | undefined) {
  return useInfiniteQuery({
    queryKey: webhookKeys.deliveries(endpointId, status),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => unwrap(api.GET('/api/v1/webhooks/{id}/deliveries', { params: { path: { id: endpointId }, query: { status, cursor: pageParam, limit: 20 } } })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useWebhookDelivery(endpointId: string, deliveryId: string) {
  return useQuery({ queryKey: webhookKeys.delivery(endpointId, deliveryId), queryFn: () => unwrap(api.GET('/api/v1/webhooks/{id}/deliveries/{deliveryId}', { params: { path: { id: endpointId, deliveryId } } })) });
}

export type EndpointInput = { url: string; description?: string; eventTypes: string[]; headers?: Record<string, string> };

/** The mutations of the page; each refreshes every webhook query after it answered. */
export function useWebhookActions() {
  const queryClient = useQueryClient();
  const refreshing = async <T,>(work: Promise<T>): Promise<T> => {
    try {
      return await work;
    } finally {
      await queryClient.invalidateQueries({ queryKey: webhookKeys.all });
    }
  };
  return {
    create: (body: EndpointInput) => refreshing(unwrap(api.POST('/api/v1/webhooks', { body }))),
    update: (endpoint: WebhookEndpoint, body: Partial<EndpointInput> & { enabled?: boolean }) =>
      refreshing(unwrap(api.PATCH('/api/v1/webhooks/{id}', { params: { path: { id: endpoint.id }, header: { 'if-match': `"${endpoint.version}"` } }, body }))),
    remove: (endpoint: WebhookEndpoint) => refreshing(unwrap(api.DELETE('/api/v1/webhooks/{id}', { params: { path: { id: endpoint.id }, header: { 'if-match': `"${endpoint.version}"` } } }))),
    rotate: (endpoint: WebhookEndpoint, previousValidHours: number) => refreshing(unwrap(api.POST('/api/v1/webhooks/{id}/rotate-secret', { params: { path: { id: endpoint.id } }, body: { previousValidHours } }))),
    sendTest: (endpoint: WebhookEndpoint) => refreshing(unwrap(api.POST('/api/v1/webhooks/{id}/test', { params: { path: { id: endpoint.id } } }))),
    replay: (endpointId: string, deliveryId: string) => refreshing(unwrap(api.POST('/api/v1/webhooks/{id}/deliveries/{deliveryId}/replay', { params: { path: { id: endpointId, deliveryId } } }))),
  };
}
