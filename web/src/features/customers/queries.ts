import { keepPreviousData, useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../shared/api/client.ts';
import type { components, paths } from '../../shared/api/schema';
import { ticketKeys } from '../tickets/keys.ts';
import { customerKeys } from './keys.ts';
import type { ContactQuery, OrganizationQuery } from './list-params.ts';

export type Contact = components['schemas']['Contact'];
export type ContactSummary = components['schemas']['ContactSummary'];
export type Organization = components['schemas']['Organization'];
export type CustomerRecord = components['schemas']['CustomerRecord'];
export type CustomerMessage = components['schemas']['CustomerMessage'];
export type CustomerTier = components['schemas']['CustomerTier'];
export type Contact360 = paths['/api/v1/contacts/{id}/360']['get']['responses'][200]['content']['application/json'];
export type Organization360 = paths['/api/v1/organizations/{id}/360']['get']['responses'][200]['content']['application/json'];
export type NewContact = paths['/api/v1/contacts']['post']['requestBody']['content']['application/json'];
export type NewOrganization = paths['/api/v1/organizations']['post']['requestBody']['content']['application/json'];
export type DuplicateContact = paths['/api/v1/contacts/{id}/duplicates']['get']['responses'][200]['content']['application/json']['items'][number];

const pageSize = 50;

/** Keyset-paged contacts: each page asks for the rows after the previous page's cursor. */
export function useContactList(query: ContactQuery) {
  return useInfiniteQuery({
    queryKey: customerKeys.contactList(query),
    queryFn: ({ pageParam }) => unwrap(api.GET('/api/v1/contacts', { params: { query: { ...query, limit: pageSize, ...(pageParam ? { cursor: pageParam } : {}) } } })),
    initialPageParam: '' as string,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useOrganizationList(query: OrganizationQuery) {
  return useInfiniteQuery({
    queryKey: customerKeys.organizationList(query),
    queryFn: ({ pageParam }) => unwrap(api.GET('/api/v1/organizations', { params: { query: { ...query, limit: pageSize, ...(pageParam ? { cursor: pageParam } : {}) } } })),
    initialPageParam: '' as string,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** A contact's 360° view; a merged id is answered (308, followed by fetch) with the survivor's view. */
export function useContact360(id: string, enabled = true) {
  return useQuery({ queryKey: customerKeys.contact360(id), enabled: enabled && Boolean(id), queryFn: () => unwrap(api.GET('/api/v1/contacts/{id}/360', { params: { path: { id } } })) });
}

export function useOrganization360(id: string, enabled = true) {
  return useQuery({ queryKey: customerKeys.organization360(id), enabled: enabled && Boolean(id), queryFn: () => unwrap(api.GET('/api/v1/organizations/{id}/360', { params: { path: { id } } })) });
}

export function useContactHistory(id: string) {
  return useQuery({ queryKey: customerKeys.contactHistory(id), queryFn: () => unwrap(api.GET('/api/v1/contacts/{id}/history', { params: { path: { id } } })).then((r) => r.items) });
}

export function useOrganizationHistory(id: string) {
  return useQuery({ queryKey: customerKeys.organizationHistory(id), queryFn: () => unwrap(api.GET('/api/v1/organizations/{id}/history', { params: { path: { id } } })).then((r) => r.items) });
}

export function useContactDuplicates(id: string, enabled: boolean) {
  return useQuery({ queryKey: customerKeys.contactDuplicates(id), enabled, queryFn: () => unwrap(api.GET('/api/v1/contacts/{id}/duplicates', { params: { path: { id } } })).then((r) => r.items) });
}

export function useOrganizationDuplicates(id: string) {
  return useQuery({ queryKey: customerKeys.organizationDuplicates(id), queryFn: () => unwrap(api.GET('/api/v1/organizations/{id}/duplicates', { params: { path: { id } } })).then((r) => r.items) });
}

/** Tiers change rarely: cached for minutes, shared by every tag, filter and picker. */
export function useTiers() {
  return useQuery({ queryKey: customerKeys.tiers(), queryFn: () => unwrap(api.GET('/api/v1/customer-tiers')).then((r) => r.items), staleTime: 5 * 60_000 });
}

/** Organisations matching what the person typed, for pickers (first 20 by name). */
export function useOrganizationOptions(q: string) {
  return useQuery({
    queryKey: customerKeys.organizationOptions(q),
    queryFn: () => unwrap(api.GET('/api/v1/organizations', { params: { query: { sort: 'name', limit: 20, ...(q ? { q } : {}) } } })).then((r) => r.items),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

/** An organisation's name for a picker showing an id that is not among the loaded options. */
export function useOrganizationName(id: string | undefined) {
  return useQuery({
    queryKey: customerKeys.organizationName(id ?? ''),
    enabled: Boolean(id),
    queryFn: () => unwrap(api.GET('/api/v1/organizations/{id}', { params: { path: { id: id! } } })).then((o) => ({ id: o.id, name: o.name })),
    staleTime: 5 * 60_000,
  });
}

/**
 * After any change to customers: lists, 360° views, histories and duplicates may all show it, and
 * tickets show their requester (merges and anonymisation change that too).
 */
export function useRefreshCustomers() {
  const queryClient = useQueryClient();
  return async (options: { tickets?: boolean } = {}) => {
    await queryClient.invalidateQueries({ queryKey: customerKeys.all });
    if (options.tickets) await queryClient.invalidateQueries({ queryKey: ticketKeys.all });
  };
}
