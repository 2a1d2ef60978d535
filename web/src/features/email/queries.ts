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
