import { useQuery } from '@tanstack/react-query';
import type { FieldOption } from '../../../../src/forms/definition.ts';
import { api, ApiError, unwrap } from '../../shared/api/client.ts';
import { formKeys } from './keys.ts';

/**
 * China's 省/市/区 tree (≈3,000 nodes) for cascader fields whose source is china-regions: fetched
 * once per page load and kept (it changes with a package upgrade, not during a session).
 */
export function useChinaRegions(enabled: boolean) {
  return useQuery({
    queryKey: formKeys.chinaRegions,
    enabled,
    queryFn: async (): Promise<FieldOption[]> => {
      const response = await fetch('/api/v1/field-options/china-regions', { credentials: 'same-origin' });
      if (!response.ok) throw new ApiError({ title: response.statusText, status: response.status });
      return ((await response.json()) as { options: FieldOption[] }).options;
    },
    staleTime: Infinity,
    gcTime: Infinity,
  });
}

export function useContactSearch(term: string, enabled: boolean) {
  const q = term.trim();
  return useQuery({
    queryKey: [...formKeys.contactSearch, q],
    enabled: enabled && q.length >= 1,
    queryFn: () => unwrap(api.GET('/api/v1/contacts', { params: { query: { q, limit: 10 } } })).then((answer) => answer.items),
    staleTime: 30_000,
  });
}

export function useContactName(id: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: [...formKeys.contactName, id],
    enabled: enabled && Boolean(id),
    queryFn: () => unwrap(api.GET('/api/v1/contacts/{id}', { params: { path: { id: id! } } })).then((contact) => contact.name),
    staleTime: 5 * 60_000,
  });
}

export function useOrganisationSearch(term: string, enabled: boolean) {
  const q = term.trim();
  return useQuery({
    queryKey: [...formKeys.organisationSearch, q],
    enabled: enabled && q.length >= 1,
    queryFn: () => unwrap(api.GET('/api/v1/organizations', { params: { query: { q, limit: 10 } } })).then((answer) => answer.items),
    staleTime: 30_000,
  });
}

export function useOrganisationName(id: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: [...formKeys.organisationName, id],
    enabled: enabled && Boolean(id),
    queryFn: () => unwrap(api.GET('/api/v1/organizations/{id}', { params: { path: { id: id! } } })).then((organisation) => organisation.name),
    staleTime: 5 * 60_000,
  });
}
