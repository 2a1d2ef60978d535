import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../shared/api/client.ts';
import type { components, paths } from '../../shared/api/schema';
import { ticketKeys } from './keys.ts';

export type Ticket = components['schemas']['Ticket'];
export type TimelineEntry = components['schemas']['TimelineEntry'];
export type User = components['schemas']['User'];
export type Team = components['schemas']['Team'];
export type Category = components['schemas']['Category'];
export type Priority = components['schemas']['Priority'];
/** What a search found: where it looked and how many (first page only). */
export type SearchSummary = components['schemas']['TicketSearchSummary'];
export type ListQuery = NonNullable<paths['/api/v1/tickets']['get']['parameters']['query']>;
export type BulkChanges = paths['/api/v1/tickets/bulk']['post']['requestBody']['content']['application/json']['changes'];
export type TicketChanges = NonNullable<paths['/api/v1/tickets/{id}']['patch']['requestBody']>['content']['application/json'];

/** A keyset-paged list: each page asks for the rows after the previous page's cursor. */
export function useTicketList(query: Omit<ListQuery, 'cursor' | 'limit'>, enabled = true) {
  return useInfiniteQuery({
    enabled,
    queryKey: ticketKeys.list(query),
    queryFn: ({ pageParam }) => unwrap(api.GET('/api/v1/tickets', { params: { query: { ...query, limit: 50, ...(pageParam ? { cursor: pageParam } : {}) } } })),
    initialPageParam: '' as string,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useViews() {
  return useQuery({ queryKey: ticketKeys.views(), queryFn: () => unwrap(api.GET('/api/v1/ticket-views')), staleTime: 60_000 });
}

export function useViewCounts() {
  // Live events refresh counts; the interval only covers a dropped stream.
  return useQuery({ queryKey: ticketKeys.counts(), queryFn: () => unwrap(api.GET('/api/v1/ticket-views/counts')), refetchInterval: 60_000 });
}

const ticketQuery = (id: string) => ({ queryKey: ticketKeys.detail(id), queryFn: () => unwrap(api.GET('/api/v1/tickets/{id}', { params: { path: { id } } })) });
/** The whole timeline, oldest first: pages of 500 until the server says there is no more. */
const timelineQuery = (id: string) => ({
  queryKey: ticketKeys.timeline(id),
  queryFn: async () => {
    const items: TimelineEntry[] = [];
    let after: string | undefined;
    do {
      const page = await unwrap(api.GET('/api/v1/tickets/{id}/timeline', { params: { path: { id }, query: { limit: 500, ...(after ? { after } : {}) } } }));
      items.push(...page.items);
      after = page.nextCursor ?? undefined;
    } while (after && items.length < 5_000);
    return { items };
  },
});

export function useTicket(id: string) {
  // The SLA countdown is business time, which only the server counts: refresh it every minute.
  return useQuery({ ...ticketQuery(id), refetchInterval: 60_000 });
}

export function useTimeline(id: string) {
  return useQuery(timelineQuery(id));
}

/**
 * Load a ticket, its timeline and (when the agent may reply) its reply plan into the cache ahead
 * of the agent opening it, so the page renders complete at once: no second render when the plan
 * arrives, no composer jumping down under the hint. Fresh entries (staleTime) are not asked again.
 */
export function prefetchTicket(queryClient: QueryClient, id: string): void {
  queryClient
    .fetchQuery(ticketQuery(id))
    .then((ticket) => (ticket.abilities.reply ? queryClient.prefetchQuery(replyPlanQuery(id)) : undefined))
    // A prefetch is a guess: a ticket gone or forbidden shows its error when opened, not here.
    .catch(() => undefined);
  void queryClient.prefetchQuery(timelineQuery(id));
}

/**
 * Ticket, timeline and (when the agent may reply) reply plan in the cache, what a ticket page
 * needs for its first frame: taken from the cache when there, else fetched (joining a prefetch
 * in flight rather than asking again). Rejects when one of them cannot be loaded.
 */
export async function loadTicket(queryClient: QueryClient, id: string): Promise<void> {
  const [ticket] = await Promise.all([queryClient.ensureQueryData(ticketQuery(id)), queryClient.ensureQueryData(timelineQuery(id))]);
  if (ticket.abilities.reply) await queryClient.ensureQueryData(replyPlanQuery(id));
}

/** Whether `loadTicket` would find everything in the cache (no request, nothing to wait for). */
export function ticketIsLoaded(queryClient: QueryClient, id: string): boolean {
  const ticket = queryClient.getQueryData<Ticket>(ticketKeys.detail(id));
  if (!ticket || queryClient.getQueryData(ticketKeys.timeline(id)) === undefined) return false;
  return !ticket.abilities.reply || queryClient.getQueryData(ticketKeys.replyPlan(id)) !== undefined;
}

export function useRequesterTickets(contactId: string | undefined) {
  return useQuery({
    queryKey: ticketKeys.requesterTickets(contactId ?? ''),
    enabled: Boolean(contactId),
    queryFn: () => unwrap(api.GET('/api/v1/tickets', { params: { query: { requesterId: contactId!, limit: 10 } } })),
  });
}

/** Users and teams change rarely: cached for minutes, shared by every picker and list cell. */
export function useUsers(enabled = true) {
  return useQuery({ queryKey: ticketKeys.users(), enabled, queryFn: () => unwrap(api.GET('/api/v1/users', { params: { query: { active: 'true' } } })).then((r) => r.items), staleTime: 5 * 60_000 });
}

export function useTeams(enabled = true) {
  return useQuery({ queryKey: ticketKeys.teams(), enabled, queryFn: () => unwrap(api.GET('/api/v1/teams')).then((r) => r.items), staleTime: 5 * 60_000 });
}

export function useCategories() {
  return useQuery({ queryKey: ticketKeys.categories(), queryFn: () => unwrap(api.GET('/api/v1/categories')).then((r) => r.items), staleTime: 5 * 60_000 });
}

export function usePriorities() {
  return useQuery({ queryKey: ticketKeys.priorities(), queryFn: () => unwrap(api.GET('/api/v1/priorities')).then((r) => r.items), staleTime: 5 * 60_000 });
}

/**
 * Save one field change at once, guarded by the version the agent saw (If-Match). A 412 means
 * someone else changed the ticket first: the caller shows the conflict and we reload.
 */
export function useUpdateTicket(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ version, changes }: { version: number; changes: TicketChanges }) =>
      unwrap(api.PATCH('/api/v1/tickets/{id}', { params: { path: { id }, header: { 'if-match': `"${version}"` } }, body: changes })),
    onSuccess: (ticket) => {
      queryClient.setQueryData(ticketKeys.detail(id), ticket);
      void queryClient.invalidateQueries({ queryKey: ticketKeys.timeline(id) });
      void queryClient.invalidateQueries({ queryKey: ticketKeys.lists() });
      void queryClient.invalidateQueries({ queryKey: ticketKeys.counts() });
    },
    onError: () => {
      void queryClient.invalidateQueries({ queryKey: ticketKeys.detail(id) });
      void queryClient.invalidateQueries({ queryKey: ticketKeys.timeline(id) });
    },
  });
}

export function useAddMessage(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (message: { body: string; internal: boolean; attachmentIds: string[]; via?: ReplyWay }) =>
      unwrap(api.POST('/api/v1/tickets/{id}/messages', { params: { path: { id } }, body: message })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ticketKeys.timeline(id) });
      void queryClient.invalidateQueries({ queryKey: ticketKeys.detail(id) });
    },
  });
}

export type ReplyPlan = paths['/api/v1/tickets/{id}/reply-plan']['get']['responses'][200]['content']['application/json'];
export type ReplyWay = ReplyPlan['via'];

/** Which way a reply will go (and the ways that work), shown in the composer before sending. */
const replyPlanQuery = (id: string) => ({ queryKey: ticketKeys.replyPlan(id), queryFn: () => unwrap(api.GET('/api/v1/tickets/{id}/reply-plan', { params: { path: { id } } })) });

export function useReplyPlan(id: string, enabled: boolean) {
  return useQuery({ ...replyPlanQuery(id), enabled });
}

/** Multipart upload; the typed client has no multipart body type, so this one uses fetch. */
export async function uploadAttachment(ticketId: string, file: File): Promise<components['schemas']['Attachment']> {
  const form = new FormData();
  form.append('file', file, file.name);
  return unwrap(api.POST('/api/v1/tickets/{id}/attachments', { params: { path: { id: ticketId } }, body: form as never, bodySerializer: () => form }));
}
