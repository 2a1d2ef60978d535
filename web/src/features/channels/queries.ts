import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../shared/api/client.ts';
import type { components } from '../../shared/api/schema';

type Account = NonNullable<Awaited<ReturnType<typeof fetchAccounts>>>['items'][number];
/**
 * A channel account as the API returns it: one shape per vendor channel, told apart by `kind`, with
 * that channel's settings typed (secrets are never returned). Narrow by `kind` to read settings.
 */
export type ChannelAccount = Account;
export type ChannelKind = ChannelAccount['kind'];
export type ChannelAccountOf<K extends ChannelKind> = Extract<ChannelAccount, { kind: K }>;
export type ChannelHealth = { ok: boolean; reason: string | null; detail: string | null };
export type NewWechatAccount = { name: string; sandbox: boolean; settings: Record<string, unknown> };
export type { components };

export const channelKeys = {
  accounts: (kind: string) => ['channels', kind, 'accounts'] as const,
};

function fetchAccounts(kind: string) {
  return unwrap(api.GET('/api/v1/channels/{kind}/accounts', { params: { path: { kind } } }));
}

/** The accounts of one channel, typed as that channel's (the route answers only accounts of `kind`). */
export function useChannelAccounts<K extends ChannelKind>(kind: K) {
  return useQuery({
    queryKey: channelKeys.accounts(kind),
    queryFn: () => fetchAccounts(kind),
    select: (data) => ({ items: data.items.filter((account): account is ChannelAccountOf<K> => account.kind === kind) }),
  });
}

export function useChannelAccountActions(kind: ChannelKind) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: channelKeys.accounts(kind) });
  return {
    async create(input: NewWechatAccount) {
      try {
        return await unwrap(api.POST('/api/v1/channels/{kind}/accounts', { params: { path: { kind } }, body: input }));
      } finally {
        await refresh();
      }
    },
    async update(account: Account, changes: { name?: string; sandbox?: boolean; enabled?: boolean; settings?: Record<string, unknown> }) {
      try {
        return await unwrap(api.PATCH('/api/v1/channels/{kind}/accounts/{id}', { params: { path: { kind, id: account.id }, header: { 'if-match': `"${account.version}"` } }, body: changes }));
      } finally {
        await refresh();
      }
    },
    async test(account: Account): Promise<ChannelHealth> {
      try {
        return await unwrap(api.POST('/api/v1/channels/{kind}/accounts/{id}/test', { params: { path: { kind, id: account.id } } }));
      } finally {
        await refresh();
      }
    },
  };
}
