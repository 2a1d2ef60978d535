import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../shared/api/client.ts';
import type { components } from '../../shared/api/schema';

export type Mailbox = components['schemas']['Mailbox'];
export type MailboxBody = NonNullable<import('../../shared/api/schema').paths['/api/v1/mailboxes']['post']['requestBody']>['content']['application/json'];

/** Query keys of the email channel screens. */
export const emailKeys = {
  all: ['email'] as const,
  mailboxes: () => [...emailKeys.all, 'mailboxes'] as const,
};

export function useMailboxes() {
  return useQuery({ queryKey: emailKeys.mailboxes(), queryFn: async () => (await unwrap(api.GET('/api/v1/mailboxes'))).items });
}

export function useMailboxActions() {
  const queryClient = useQueryClient();
  const refreshed = async <T,>(result: Promise<T>): Promise<T> => {
    try {
      return await result;
    } finally {
      await queryClient.invalidateQueries({ queryKey: emailKeys.mailboxes() });
    }
  };
  const ifMatch = (mailbox: Mailbox) => ({ 'if-match': `"${mailbox.version}"` });
  return {
    create: (body: MailboxBody) => refreshed(unwrap(api.POST('/api/v1/mailboxes', { body }))),
    update: (mailbox: Mailbox, body: Partial<MailboxBody>) => refreshed(unwrap(api.PATCH('/api/v1/mailboxes/{id}', { params: { path: { id: mailbox.id }, header: ifMatch(mailbox) }, body }))),
    remove: (mailbox: Mailbox) => refreshed(unwrap(api.DELETE('/api/v1/mailboxes/{id}', { params: { path: { id: mailbox.id }, header: ifMatch(mailbox) } }))),
  };
}

type Paths = import('../../shared/api/schema').paths;
export type QuarantineItem = Paths['/api/v1/email-quarantine']['get']['responses'][200]['content']['application/json']['items'][number];
export type QuarantineDetail = Paths['/api/v1/email-quarantine/{id}']['get']['responses'][200]['content']['application/json'];
export type QuarantineAction = 'attach' | 'new-ticket' | 'reject';
export type TicketCcs = Paths['/api/v1/tickets/{id}/email-ccs']['get']['responses'][200]['content']['application/json'];

export const quarantineKeys = {
  all: [...emailKeys.all, 'quarantine'] as const,
  list: (page: number, pageSize: number) => [...quarantineKeys.all, 'list', page, pageSize] as const,
  detail: (id: string) => [...quarantineKeys.all, 'detail', id] as const,
  count: () => [...quarantineKeys.all, 'count'] as const,
  ccs: (ticketId: string) => [...emailKeys.all, 'ccs', ticketId] as const,
};

export function useQuarantine(page: number, pageSize: number) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: quarantineKeys.list(page, pageSize),
    queryFn: async () => {
      const list = await unwrap(api.GET('/api/v1/email-quarantine', { params: { query: { state: 'pending', limit: pageSize, offset: (page - 1) * pageSize } } }));
      // The pending list's total is the menu's count: give it to the menu, which otherwise asks only
      // once a minute and showed 0 beside a list with a mail in it.
      queryClient.setQueryData(quarantineKeys.count(), list.total);
      return list;
    },
  });
}

export function useQuarantined(id: string | null) {
  return useQuery({ queryKey: quarantineKeys.detail(id ?? ''), enabled: Boolean(id), queryFn: () => unwrap(api.GET('/api/v1/email-quarantine/{id}', { params: { path: { id: id! } } })) });
}

export function useQuarantineCount(enabled: boolean) {
  return useQuery({ queryKey: quarantineKeys.count(), enabled, refetchInterval: 60_000, queryFn: async () => (await unwrap(api.GET('/api/v1/email-quarantine/count'))).pending });
}

export function useQuarantineDecision() {
  const queryClient = useQueryClient();
  return async (id: string, action: QuarantineAction) => {
    const path = { params: { path: { id } } };
    try {
      if (action === 'attach') return await unwrap(api.POST('/api/v1/email-quarantine/{id}/attach', path));
      if (action === 'new-ticket') return await unwrap(api.POST('/api/v1/email-quarantine/{id}/new-ticket', path));
      return await unwrap(api.POST('/api/v1/email-quarantine/{id}/reject', path));
    } finally {
      await queryClient.invalidateQueries({ queryKey: quarantineKeys.all });
    }
  };
}

export function useTicketCcs(ticketId: string) {
  return useQuery({ queryKey: quarantineKeys.ccs(ticketId), queryFn: () => unwrap(api.GET('/api/v1/tickets/{id}/email-ccs', { params: { path: { id: ticketId } } })) });
}

export function useTicketCcActions(ticketId: string) {
  const queryClient = useQueryClient();
  const refreshed = async <T,>(result: Promise<T>): Promise<T> => {
    try {
      return await result;
    } finally {
      await queryClient.invalidateQueries({ queryKey: quarantineKeys.ccs(ticketId) });
    }
  };
  const path = (address: string) => ({ path: { id: ticketId, address } });
  return {
    decide: (address: string, state: 'accepted' | 'dismissed') => refreshed(unwrap(api.PUT('/api/v1/tickets/{id}/email-ccs/{address}', { params: path(address), body: { state } }))),
    remove: (address: string) => refreshed(unwrap(api.DELETE('/api/v1/tickets/{id}/email-ccs/{address}', { params: path(address) }))),
  };
}
