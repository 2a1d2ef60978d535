import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, unwrap } from '../shared/api/client.ts';
import type { components } from '../shared/api/schema';
import { clearAllDrafts } from '../features/tickets/drafts.ts';

export type Me = components['schemas']['Me'];

export const sessionKey = ['session', 'me'] as const;

/** The signed-in user, or null when there is no session. */
export function useSession() {
  return useQuery({
    queryKey: sessionKey,
    queryFn: async (): Promise<Me | null> => {
      try {
        return await unwrap(api.GET('/api/v1/me'));
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 5 * 60_000,
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
  });
}

/** The current user; only for components rendered inside the signed-in shell. */
export function useMe(): Me {
  const { data } = useSession();
  if (!data) throw new Error('useMe outside a session');
  return data;
}

export function useCan() {
  const me = useMe();
  return (permission: string) => me.permissions.includes(permission);
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return async () => {
    await api.POST('/api/v1/auth/logout').catch(() => undefined);
    clearAllDrafts();
    queryClient.clear();
    queryClient.setQueryData(sessionKey, null);
  };
}
