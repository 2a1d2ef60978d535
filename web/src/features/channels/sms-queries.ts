import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../shared/api/client.ts';

export const smsKeys = {
  sandboxMessages: ['channels', 'sms', 'sandbox-messages'] as const,
};

/** The SMS the sandbox account (or development mode) recorded instead of sending; refreshed while the page is open, for a trainer. */
export function useSandboxSms() {
  return useQuery({ queryKey: smsKeys.sandboxMessages, queryFn: () => unwrap(api.GET('/api/v1/channels/sms/sandbox-messages', { params: { query: { limit: 50 } } })), refetchInterval: 5_000 });
}
