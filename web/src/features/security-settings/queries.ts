import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../shared/api/client.ts';
import type { components } from '../../shared/api/schema';

export type SecuritySettings = components['schemas']['SecuritySettings'];

export const securitySettingsKeys = {
  all: ['security-settings'] as const,
};

export function useSecuritySettings() {
  return useQuery({ queryKey: securitySettingsKeys.all, queryFn: () => unwrap(api.GET('/api/v1/settings/security')) });
}

export function useSaveSecuritySettings() {
  const queryClient = useQueryClient();
  return async (current: SecuritySettings, outboundAllow: string[]) => {
    try {
      return await unwrap(api.PUT('/api/v1/settings/security', { params: { header: { 'if-match': `"${current.version}"` } }, body: { outboundAllow } }));
    } finally {
      await queryClient.invalidateQueries({ queryKey: securitySettingsKeys.all });
    }
  };
}
