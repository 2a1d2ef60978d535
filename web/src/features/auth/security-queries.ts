import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../shared/api/client.ts';
import type { components } from '../../shared/api/schema';

export type SignInAuditEntry = components['schemas']['SignInAuditEntry'];
export type SignInLock = components['schemas']['SignInLock'];
export type SignInOutcome = SignInAuditEntry['outcome'];
export type AuditFilter = { userId?: string; email?: string; outcome?: SignInOutcome; from?: string; to?: string };

/** Query keys of the sign-in security page; an unlock invalidates both lists. */
export const securityKeys = {
  all: ['sign-in-security'] as const,
  locks: () => [...securityKeys.all, 'locks'] as const,
  audit: (filter: AuditFilter) => [...securityKeys.all, 'audit', filter] as const,
};

export function useSignInLocks() {
  return useQuery({ queryKey: securityKeys.locks(), queryFn: () => unwrap(api.GET('/api/v1/admin/sign-in-locks')).then((r) => r.items) });
}

/** The audit log, newest first, one page of 50 after another. */
export function useSignInAudit(filter: AuditFilter) {
  return useInfiniteQuery({
    queryKey: securityKeys.audit(filter),
    queryFn: ({ pageParam }) => unwrap(api.GET('/api/v1/admin/sign-in-audit', { params: { query: { ...filter, limit: 50, ...(pageParam ? { cursor: pageParam } : {}) } } })),
    initialPageParam: '' as string,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}
