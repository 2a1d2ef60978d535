import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../shared/api/client.ts';
import { slaKeys } from './keys.ts';
import type { Policy, PolicyBody } from './policy-draft.ts';

/** Fields a condition may name (the field registry's filterable ticket fields and the customer's facts); admins only, others get none. */
export function useConditionFields(enabled = true) {
  return useQuery({ queryKey: [...slaKeys.policies(), 'condition-fields'], enabled, queryFn: async () => (await unwrap(api.GET('/api/v1/sla/condition-fields'))).items });
}

export function usePolicies() {
  return useQuery({ queryKey: slaKeys.policies(), queryFn: async () => (await unwrap(api.GET('/api/v1/sla/policies'))).items });
}

const ifMatch = (policy: Pick<Policy, 'version'>) => ({ 'if-match': `"${policy.version}"` });

/** Policy writes; each refreshes the list (creating, deleting and moving shift other policies' positions). */
export function usePolicyActions() {
  const queryClient = useQueryClient();
  const refreshed = async <T,>(result: Promise<T>): Promise<T> => {
    try {
      return await result;
    } finally {
      await queryClient.invalidateQueries({ queryKey: slaKeys.policies() });
    }
  };
  return {
    create: (body: PolicyBody) => refreshed(unwrap(api.POST('/api/v1/sla/policies', { body }))),
    update: (policy: Policy, body: Partial<PolicyBody>) =>
      refreshed(unwrap(api.PATCH('/api/v1/sla/policies/{id}', { params: { path: { id: policy.id }, header: ifMatch(policy) }, body }))),
    remove: (policy: Policy) => refreshed(unwrap(api.DELETE('/api/v1/sla/policies/{id}', { params: { path: { id: policy.id }, header: ifMatch(policy) } }))),
    reorder: (ids: string[]) => refreshed(unwrap(api.POST('/api/v1/sla/policies/reorder', { body: { ids } }))),
  };
}

export function useCustomerTiers() {
  return useQuery({ queryKey: slaKeys.customerTiers(), queryFn: async () => (await unwrap(api.GET('/api/v1/customer-tiers'))).items, staleTime: 5 * 60_000 });
}

/** Organisations whose name contains `search` (there may be thousands: the server searches). */
export function useOrganizationSearch(search: string) {
  return useQuery({
    queryKey: slaKeys.organizations(search),
    queryFn: async () => (await unwrap(api.GET('/api/v1/organizations', { params: { query: { q: search || undefined, limit: 20 } } }))).items,
    staleTime: 60_000,
  });
}

/** Names of the organisations a condition already lists (they may not be among the search results). */
export function useOrganizationNames(ids: readonly string[]): Map<string, string> {
  const results = useQueries({
    queries: ids.map((id) => ({
      queryKey: slaKeys.organization(id),
      queryFn: async () => (await unwrap(api.GET('/api/v1/organizations/{id}', { params: { path: { id } } }))).name,
      staleTime: 5 * 60_000,
      retry: false,
    })),
  });
  return new Map(ids.flatMap((id, i) => (results[i]?.data ? [[id, results[i].data] as const] : [])));
}
